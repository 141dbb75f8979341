import { count } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { SessionUser } from '@altitude/shared/auth';
import type { Role, Status } from '@altitude/shared/domain';
import type { Board, Card, Request } from '@altitude/shared/requests';
import { activity, comments, departments, requests, timeEntries, users } from '../src/db/schema';
import { demoPassword } from '../src/db/seed/demo-catalog';
import { hashPassword } from '../src/lib/password';
import { createTestApp, demoToday, type TestApp } from './harness';

/** A clock that starts at the demo's last day and moves 1 ms per reading, so changes have a strict order. */
export function tickingClock(start: Date = demoToday): () => Date {
  let t = start.getTime();
  return () => new Date(t++);
}

/** The demo app on a clock pinned to the demo's last day. */
export const createDemoApp = () => createTestApp({ seed: 'demo', now: tickingClock() });

/** A signed-in caller: their user and JSON calls carrying their cookie. */
export interface Caller {
  user: SessionUser;
  cookie: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload: unknown): Promise<LightMyRequestResponse>;
}

export async function signIn(t: TestApp, email: string): Promise<Caller> {
  const cookie = await t.login(email);
  const call = (method: InjectOptions['method'], url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
  const user = (await call('GET', '/api/auth/me')).json().user as SessionUser;
  return {
    user,
    cookie,
    get: (url) => call('GET', url),
    post: (url, payload = {}) => call('POST', url, payload),
    patch: (url, payload) => call('PATCH', url, payload),
    put: (url, payload) => call('PUT', url, payload),
  };
}

/** The five demo accounts, signed in. */
export async function signInDemoAccounts(t: TestApp) {
  return {
    cmo: await signIn(t, 'cmo@example.com'),
    marketer: await signIn(t, 'marketer@example.com'),
    sales: await signIn(t, 'sales@example.com'),
    product: await signIn(t, 'product@example.com'),
    exec: await signIn(t, 'exec@example.com'),
  };
}
export type DemoCallers = Awaited<ReturnType<typeof signInDemoAccounts>>;

/** Asserts a 2xx status (showing the body when it is not) and returns the JSON body. */
export function ok<T = Record<string, unknown>>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

export async function requestTypeId(caller: Caller, name: string): Promise<number> {
  const type = ok<{ items: { id: number; name: string }[] }>(await caller.get('/api/request-types')).items.find((ty) => ty.name === name);
  if (!type) throw new Error(`no request type ${name}`);
  return type.id;
}

/** A request type that defaults to tactical: classifying its requests tactical needs no note. */
export async function tacticalTypeId(caller: Caller): Promise<number> {
  const items = ok<{ items: { id: number; defaultClassification: string }[] }>(await caller.get('/api/request-types')).items;
  return items.find((ty) => ty.defaultClassification === 'tactical')!.id;
}

export async function departmentId(caller: Caller, name: string): Promise<number> {
  const dept = ok<{ items: { id: number; name: string }[] }>(await caller.get('/api/departments')).items.find((d) => d.name === name);
  if (!dept) throw new Error(`no department ${name}`);
  return dept.id;
}

export async function fileRequest(caller: Caller, body: Record<string, unknown>): Promise<Request> {
  return ok<Request>(await caller.post('/api/requests', body), 201);
}

export async function getRequest(caller: Caller, id: number): Promise<Request> {
  return ok<Request>(await caller.get(`/api/requests/${id}`));
}

/** Classifies with the request's current version, read just before. */
export async function classify(caller: Caller, id: number, classification: 'strategic' | 'tactical', note?: string): Promise<Request> {
  const { version } = await getRequest(caller, id);
  return ok<Request>(await caller.put(`/api/requests/${id}/classification`, { classification, version, ...(note ? { note } : {}) }));
}

/** Moves with the request's current version, read just before. */
export async function moveTo(
  caller: Caller,
  id: number,
  status: Status,
  place: { beforeId?: number | null; afterId?: number | null } = {},
): Promise<Request> {
  const { version } = await getRequest(caller, id);
  return ok<Request>(await caller.post(`/api/requests/${id}/move`, { status, version, ...place }));
}

export async function readBoard(caller: Caller, query = ''): Promise<Board> {
  return ok<Board>(await caller.get(`/api/board${query}`));
}

export function column(board: Board, status: Status) {
  const col = board.columns.find((c) => c.status === status);
  if (!col) throw new Error(`no column ${status}`);
  return col;
}

export const ids = (cards: { id: number }[]) => cards.map((c) => c.id);

/** Byte-wise comparison, the order SQLite's default collation sorts positions in. */
export const byPosition = (a: Pick<Card, 'position'>, b: Pick<Card, 'position'>) =>
  a.position < b.position ? -1 : a.position > b.position ? 1 : 0;

/** Every request the caller may see with `query`, walking the pages. */
export async function listAll(caller: Caller, query = ''): Promise<Request[]> {
  const items: Request[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? '&' : '';
    const page: { items: Request[]; nextCursor: string | null } = ok(
      await caller.get(`/api/requests?limit=200${sep}${query}${cursor ? `&cursor=${cursor}` : ''}`),
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Row counts of everything a write can leave behind, to show a refused write left no trace. */
export function rowCounts(t: TestApp) {
  const n = (table: typeof requests | typeof activity | typeof comments | typeof timeEntries) =>
    t.app.db.select({ n: count() }).from(table).get()?.n ?? 0;
  return { requests: n(requests), activity: n(activity), comments: n(comments), timeEntries: n(timeEntries) };
}

/** Adds an account (demo password) to a baseline database, which has departments but no users. */
export async function addUser(t: TestApp, email: string, role: Role, department: string): Promise<void> {
  const dept = t.app.db
    .select()
    .from(departments)
    .all()
    .find((d) => d.name === department);
  if (!dept) throw new Error(`no department ${department}`);
  t.app.db
    .insert(users)
    .values({ email, name: email.split('@')[0]!, role, passwordHash: await hashPassword(demoPassword), departmentId: dept.id })
    .run();
}
