import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import type { SessionUser } from '@altitude/shared/auth';
import { comments, departments, requestQuestions, requests, requestTypes, timeEntries, users } from '../src/db/schema';
import { filesFolderFor } from '../src/db/files-folder';
import { attachments } from '../src/db/schema-attachments';
import { invitations } from '../src/db/schema-notifications';
import type { Db } from '../src/db/client';
import { demoPassword } from '../src/db/seed/demo-catalog';
import type { RouteEntry } from '../src/plugins/auth';
import { findRequest } from '../src/modules/requests/requests.queries';
import { createRequest } from '../src/modules/requests/filing.service';
import { askRequester } from '../src/modules/service-levels/needs-info.service';
import { issueResetToken } from '../src/modules/auth/password-reset.service';
import type { TestApp } from './harness';
import { multipartBody, png } from './multipart';
import { stableOrder } from './table-order';

/**
 * How the generated tests (access matrix, CSRF, read-only GETs) call any route of the route
 * table: what each path parameter stands for, and a valid body for each route that takes one.
 * A route these tables cannot call makes those tests fail with a message naming it, so whoever
 * adds a route (or a new path parameter) extends them here.
 */

export type RouteKey = `${string} /api/${string}`;
export const routeKey = (r: Pick<RouteEntry, 'method' | 'url'>) => `${r.method} ${r.url}` as RouteKey;

/** What a path parameter addresses: an object of some kind (own, foreign, missing ids apply), or a fixed value. */
export type ParamKind =
  | { object: 'request' | 'user' | 'department' | 'requestType' | 'timeEntry' | 'attachment' | 'initiative' | 'invitation' }
  | { value: string };

/** Keyed by the path segment before the parameter and the parameter: `requests/:id`. */
export const paramKinds: Record<string, ParamKind> = {
  'requests/:id': { object: 'request' },
  'users/:id': { object: 'user' },
  'departments/:id': { object: 'department' },
  'request-types/:id': { object: 'requestType' },
  'time-entries/:id': { object: 'timeEntry' },
  'attachments/:id': { object: 'attachment' },
  'initiatives/:id': { object: 'initiative' },
  'invitations/:id': { object: 'invitation' },
  'columns/:status': { value: 'done' },
  'workflow/:status': { value: 'in_review' },
  'targets/:periodStart': { value: '2026-10-01' },
};

/** The path parameters of a route pattern, each with the segment before it: `[['requests/:id', 'id']]`. */
export function pathParams(url: string): { key: string; name: string }[] {
  const parts = url.split('/');
  return parts.flatMap((p, i) => (p.startsWith(':') ? [{ key: `${parts[i - 1]}/${p}`, name: p.slice(1) }] : []));
}

/** The parameters of the route's path that `paramKinds` does not know, e.g. `comments/:commentId`. */
export const unknownParams = (url: string) =>
  pathParams(url)
    .filter((p) => !(p.key in paramKinds))
    .map((p) => p.key);

/** The object kind a route addresses (its one object parameter), or null. */
export function objectKindOf(url: string): Extract<ParamKind, { object: string }>['object'] | null {
  const kinds = pathParams(url)
    .map((p) => paramKinds[p.key])
    .flatMap((k) => (k && 'object' in k ? [k.object] : []));
  if (kinds.length > 1) throw new Error(`${url} addresses more than one object; extend route-calls.ts`);
  return kinds[0] ?? null;
}

/** The concrete URL for a route, with `id` standing for its object parameter. */
export function concreteUrl(url: string, id: number | null): string {
  return url.replace(/(?<=\/)([^/]+)\/:([^/]+)/g, (_m, segment: string, name: string) => {
    const kind = paramKinds[`${segment}/:${name}`];
    if (!kind) throw new Error(`No value for ${segment}/:${name}; add it to paramKinds in route-calls.ts`);
    if ('value' in kind) return `${segment}/${kind.value}`;
    if (id === null) throw new Error(`${url} needs an object id`);
    return `${segment}/${id}`;
  });
}

let serial = 0;
/** A name no earlier call used, so creates never clash with one another. */
export const unique = (what: string) => `${what} ${process.pid}-${++serial}`;

export interface BodyContext {
  db: Db;
  /** The object id in the path, if any. */
  id: number | null;
}

const versionOf = (db: Db, id: number | null) => (id === null ? 1 : (findRequest(db, id)?.version ?? 1));
const entryVersionOf = (db: Db, id: number | null) =>
  id === null ? 1 : (db.select({ version: timeEntries.version }).from(timeEntries).where(eq(timeEntries.id, id)).get()?.version ?? 1);
const anyDepartment = (db: Db) => db.select({ id: departments.id }).from(departments).get()!.id;
const anyType = (db: Db) => db.select({ id: requestTypes.id }).from(requestTypes).get()!.id;
/** An active marketer or lead to own an initiative (1 on a database without one: the body is then refused before the owner is read). */
const anyMarketer = (db: Db) =>
  db
    .select({ id: users.id })
    .from(users)
    .where(and(ne(users.role, 'requester'), eq(users.active, true)))
    .get()?.id ?? 1;

/** A valid body for every route that takes one: with it, a caller the route admits gets a 2xx. */
export const bodyRecipes: Partial<Record<RouteKey, (ctx: BodyContext) => Record<string, unknown>>> = {
  'POST /api/auth/login': () => ({ email: 'exec@example.com', password: demoPassword }),
  // The caller's own demo password, kept: the matrix signs in with it again.
  'POST /api/auth/password': () => ({ currentPassword: demoPassword, newPassword: demoPassword }),
  'POST /api/auth/reset-request': () => ({ email: `${unique('nobody').replace(/\W/g, '-')}@example.com` }),
  // A live token exists only after routeSetups issued one; otherwise the call is refused (400).
  'POST /api/auth/reset': () => ({ token: resetToken, newPassword: demoPassword }),
  'POST /api/departments': () => ({ name: unique('Department') }),
  'PATCH /api/departments/:id': () => ({ name: unique('Department') }),
  'POST /api/request-types': () => ({ name: unique('Type'), turnaroundDays: 5, defaultClassification: 'tactical' }),
  'PATCH /api/request-types/:id': () => ({ description: unique('Description') }),
  'POST /api/request-types/:id/kit-outcomes': () => ({ outcome: 'used' }),
  'POST /api/users': ({ db }) => ({
    email: `${unique('user').replace(/\W/g, '-')}@example.com`,
    name: unique('Person'),
    role: 'requester',
    departmentId: anyDepartment(db),
    password: 'a long enough passphrase',
  }),
  'PATCH /api/users/:id': () => ({ name: unique('Person') }),
  'POST /api/requests': ({ db }) => ({ title: unique('Request'), typeId: anyType(db) }),
  'PATCH /api/requests/:id': ({ db, id }) => ({ version: versionOf(db, id), title: unique('Edited') }),
  // Declining is allowed straight from intake, classified or not.
  'POST /api/requests/:id/move': ({ db, id }) => ({ status: 'declined', version: versionOf(db, id) }),
  'PUT /api/requests/:id/classification': ({ db, id }) => ({
    classification: 'strategic',
    // Whatever the type's default, a note makes the class acceptable.
    note: 'Feeds the brand platform',
    version: versionOf(db, id),
  }),
  'POST /api/requests/:id/cancel': ({ db, id }) => ({ version: versionOf(db, id) }),
  'POST /api/requests/:id/time-entries': () => ({ minutes: 30, note: 'matrix' }),
  'POST /api/requests/:id/comments': () => ({ body: unique('Comment') }),
  'POST /api/requests/:id/needs-info': ({ db, id }) => ({ question: unique('Which audience?'), version: versionOf(db, id) }),
  // Succeeds only on a request that waits on its requester: see objectSetups.
  'POST /api/requests/:id/answer': () => ({ body: unique('Answer') }),
  'POST /api/requests/:id/followers': () => ({ source: 'intake' }),
  // The request's assignee (objectSetups gives it one whose reserve it takes), else any marketer or lead.
  'POST /api/requests/:id/reserve-overrides': ({ db, id }) => ({
    assigneeId:
      (id === null ? null : findRequest(db, id)?.assigneeId) ??
      db
        .select({ id: users.id })
        .from(users)
        .where(inArray(users.role, ['marketer', 'lead']))
        .get()?.id ??
      1,
  }),
  'PATCH /api/time-entries/:id': ({ db, id }) => ({ version: entryVersionOf(db, id), minutes: 45, note: unique('Corrected') }),
  'PUT /api/settings/targets/:periodStart': () => ({ strategicShare: 0.4 }),
  'PUT /api/settings/workflow/:status': () => ({ wipLimit: 9 }),
  'PUT /api/settings/company': () => ({ timezone: 'UTC' }),
  'PUT /api/settings/board-view': () => ({ boardView: false }),
  'PUT /api/settings/holidays': () => ({ items: [{ date: '2026-12-25', name: 'Christmas Day' }] }),
  'POST /api/initiatives': ({ db }) => ({
    name: unique('Initiative'),
    ownerId: anyMarketer(db),
    quarter: '2026-Q4',
  }),
  'PATCH /api/initiatives/:id': () => ({ goal: unique('Goal') }),
  'POST /api/notifications/read': () => ({ all: true }),
  'PUT /api/me/notification-settings': () => ({ kinds: { commented: 'in_app' } }),
  'POST /api/invitations': ({ db }) => ({
    email: `${unique('invitee').replace(/\W/g, '-')}@example.com`,
    name: unique('Invitee'),
    role: 'requester',
    departmentId: anyDepartment(db),
  }),
  // A live token exists only after routeSetups issued one; otherwise the call is refused (404).
  'POST /api/invitations/accept': () => ({ token: invitationToken, password: 'a long enough passphrase' }),
};

/**
 * Routes that take a multipart upload instead of JSON (no zod body schema, so `bodyRecipes` does
 * not apply): the body and headers of a valid upload.
 */
export const uploadRecipes: Partial<Record<RouteKey, () => { payload: Buffer; headers: Record<string, string> }>> = {
  'POST /api/requests/:id/attachments': () =>
    multipartBody([{ name: 'file', filename: `${unique('reference').replace(/\W/g, '-')}.png`, contentType: 'image/png', data: png }]),
};

/**
 * The state a fresh object must be put in before a call that should succeed can (recipes stay
 * free of writes: refused calls are checked to change nothing). Run on the object just filed, or
 * on the request type a call that should succeed addresses.
 */
export const objectSetups: Partial<Record<RouteKey, (t: TestApp, id: number) => void>> = {
  // "Accept anyway" needs an assignment that takes reserve: a new marketer whose whole week is
  // reserve, given the request as tactical work with an estimate.
  'POST /api/requests/:id/reserve-overrides': (t, id) => {
    const marketer = sessionUser(t.app.db, 'marketer@example.com');
    const assignee = t.app.db
      .insert(users)
      .values({
        email: `${unique('reserve').replace(/\W/g, '-')}@example.com`,
        name: unique('Reserve'),
        role: 'marketer',
        departmentId: marketer.departmentId,
        passwordHash: 'not used',
        strategicReserveMinutes: 2400,
      })
      .returning({ id: users.id })
      .get();
    t.app.db
      .update(requests)
      .set({ assigneeId: assignee.id, classification: 'tactical', classificationSuggested: false, estimateMinutes: 600 })
      .where(eq(requests.id, id))
      .run();
  },
  // A kit can only be used where one is offered: the type gets one for every department.
  'POST /api/request-types/:id/kit-outcomes': (t, id) => {
    t.app.db
      .update(requestTypes)
      .set({ selfServeKit: { url: 'https://kits.example.com/matrix', instructions: 'Use the template.', departmentIds: [] } })
      .where(eq(requestTypes.id, id))
      .run();
  },
  // Only a question can be answered: a marketer asks one first, through the service.
  'POST /api/requests/:id/answer': (t, id) => {
    const deps = { db: t.app.db, events: t.app.events, now: t.app.clock };
    askRequester(deps, sessionUser(t.app.db, 'marketer@example.com'), id, {
      question: unique('Which audience?'),
      version: versionOf(t.app.db, id),
    });
  },
};

let resetToken = 'no reset link was issued';
let invitationToken = 'no invitation was issued';

/**
 * A pending invitation from the first lead, straight in the table (as `POST /api/invitations`
 * stores it), and its token; the email is new each time.
 */
export function invitationFixture(db: Db, now: Date): { id: number; token: string } {
  const token = randomUUID();
  const lead = db.select({ id: users.id }).from(users).where(eq(users.role, 'lead')).get()!.id;
  const id = db
    .insert(invitations)
    .values({
      email: `${unique('invited').replace(/\W/g, '-')}@example.com`,
      name: unique('Invited'),
      role: 'requester',
      departmentId: anyDepartment(db),
      invitedById: lead,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
    })
    .returning({ id: invitations.id })
    .get().id;
  lastInvitationToken.set(db, token);
  return { id, token };
}

const lastInvitationToken = new WeakMap<Db, string>();

/**
 * The token of the latest fixture invitation while it is still pending, else of a new one: a read
 * that runs after a fixture was made (the CSRF test's "reads change nothing") writes nothing.
 */
function liveInvitationToken(t: TestApp): string {
  const token = lastInvitationToken.get(t.app.db);
  const row =
    token &&
    t.app.db
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, createHash('sha256').update(token).digest('hex')))
      .get();
  if (token && row && !row.acceptedAt && !row.revokedAt && Date.parse(row.expiresAt) > t.app.clock().getTime()) return token;
  return invitationFixture(t.app.db, t.app.clock()).token;
}

/**
 * The state a call that should succeed needs on a route that addresses no object, set up just
 * before it (recipes stay free of writes). A reset link is issued for a demo marketer whom the
 * matrix does not sign in as; the reset sets the demo password again.
 */
export const routeSetups: Partial<Record<RouteKey, (t: TestApp) => void>> = {
  'POST /api/auth/reset': (t) => {
    resetToken = issueResetToken(t.app.db, sessionUser(t.app.db, 'nina.marketing@example.com').id, t.app.clock());
  },
  'POST /api/invitations/accept': (t) => {
    invitationToken = invitationFixture(t.app.db, t.app.clock()).token;
  },
};

/**
 * A query string for a route that cannot be called without one, or that should be called with one
 * (reports default their period); a function when the query needs something in the database.
 */
export const queryRecipes: Partial<Record<RouteKey, string | ((t: TestApp) => string)>> = {
  // A read of a live invitation (anonymous, so no refused call sees the write if one must be made).
  'GET /api/invitations/lookup': (t) => `?token=${liveInvitationToken(t)}`,
  // Not needed (the period defaults), but calls the grouping that the board view can hide.
  'GET /api/reports/service-levels': '?groupBy=assignee',
  'GET /api/requests/similar': '?q=banner',
  // Not needed (the current quarter is the default), but calls the parameter.
  'GET /api/reports/forecast': '?quarter=2026-Q4',
  // Not needed either (this week and six weeks by default): both parameters as the web sends them.
  'GET /api/capacity': '?from=2026-11-16&weeks=6',
  // Not needed (the whole list by default): both parameters as the web sends them.
  'GET /api/notifications': '?unread=true&limit=20',
  'GET /api/requests/:id/mentionable': '?q=a',
};

/** Routes that answer a stream that never ends: called with `payloadAsStream` and closed at once. */
export const streamingRoutes = new Set<RouteKey>(['GET /api/events']);

/** Why the tables above cannot call `route`, or null when they can. */
export function cannotCall(route: RouteEntry): string | null {
  const unknown = unknownParams(route.url);
  if (unknown.length) return `${routeKey(route)}: unknown path parameter ${unknown.join(', ')} (add it to paramKinds in route-calls.ts)`;
  if (route.hasBody && !(routeKey(route) in bodyRecipes))
    return `${routeKey(route)}: takes a body but has no recipe (add one to bodyRecipes in route-calls.ts)`;
  return null;
}

function queryOf(t: TestApp, route: RouteEntry): string {
  const recipe = queryRecipes[routeKey(route)] ?? '';
  return typeof recipe === 'string' ? recipe : recipe(t);
}

/** The inject options for calling `route` on object `id` with `cookie`; `extra` headers on top. */
export function callOptions(
  t: TestApp,
  route: RouteEntry,
  id: number | null,
  cookie?: string,
  extra: Record<string, string> = {},
): InjectOptions {
  const recipe = bodyRecipes[routeKey(route)];
  const upload = uploadRecipes[routeKey(route)]?.();
  return {
    method: route.method as InjectOptions['method'],
    url: concreteUrl(route.url, id) + queryOf(t, route),
    headers: { ...(cookie ? { cookie } : {}), ...upload?.headers, ...extra },
    ...(recipe ? { payload: recipe({ db: t.app.db, id }) } : {}),
    ...(upload ? { payload: upload.payload } : {}),
    ...(streamingRoutes.has(routeKey(route)) ? { payloadAsStream: true } : {}),
  };
}

/** Calls a route and returns its status, closing a streaming answer straight away. */
export async function callStatus(t: TestApp, route: RouteEntry, id: number | null, cookie?: string, extra: Record<string, string> = {}) {
  const res = await t.app.inject(callOptions(t, route, id, cookie, extra));
  if (streamingRoutes.has(routeKey(route))) res.stream().destroy();
  return res;
}

/** The user row of a demo account, as a session sees it. */
export function sessionUser(db: Db, email: string): SessionUser {
  const row = db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      departmentId: users.departmentId,
      canViewInsights: users.canViewInsights,
    })
    .from(users)
    .all()
    .find((u) => u.email === email);
  if (!row) throw new Error(`no user ${email}`);
  return row;
}

/**
 * A fresh request filed by `owner` (through the service, as the API would), with a comment, a time
 * entry, an answered needs-info round and a file `owner` attached (so every list below a request
 * has an item).
 */
export function fileFixture(t: TestApp, owner: SessionUser, marketer: SessionUser): number {
  const now = t.app.clock().toISOString();
  const created = createRequest({ db: t.app.db, events: t.app.events, now: t.app.clock }, owner, {
    title: unique('Fixture'),
    typeId: anyType(t.app.db),
  });
  t.app.db.transaction((tx) => {
    tx.insert(comments).values({ requestId: created.id, authorId: owner.id, body: 'Fixture comment', createdAt: now }).run();
    tx.insert(timeEntries)
      .values({ requestId: created.id, userId: marketer.id, minutes: 15, date: now.slice(0, 10), note: 'Fixture', createdAt: now })
      .run();
    tx.insert(requestQuestions)
      .values({
        requestId: created.id,
        askedById: marketer.id,
        question: 'Fixture question',
        askedAt: now,
        answer: 'Fixture answer',
        answeredById: owner.id,
        answeredAt: now,
      })
      .run();
    tx.update(requests).set({ needsInfoRounds: 1 }).where(eq(requests.id, created.id)).run();
  });
  attachmentFixture(t, owner.id, created.id);
  return created.id;
}

/** A PNG attached to request `requestId` by user `uploaderId`: its bytes in the files folder and its row. */
export function attachmentFixture(t: TestApp, uploaderId: number, requestId: number): number {
  const storedName = randomUUID();
  const folder = filesFolderFor(t.app.db.$client.name);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, storedName), png);
  return t.app.db
    .insert(attachments)
    .values({ requestId, uploadedById: uploaderId, name: 'Fixture.png', storedName, size: png.length, contentType: 'image/png' })
    .returning()
    .get().id;
}

/** The file the fixture request's requester attached (see fileFixture). */
export const attachmentOf = (db: Db, requestId: number) =>
  db.select({ id: attachments.id }).from(attachments).where(eq(attachments.requestId, requestId)).get()!.id;

/** The time entry of a fresh fixture request (see fileFixture): logged today by `marketer`, so still theirs to correct. */
export function entryFixture(t: TestApp, owner: SessionUser, marketer: SessionUser): number {
  const requestId = fileFixture(t, owner, marketer);
  return t.app.db.select({ id: timeEntries.id }).from(timeEntries).where(eq(timeEntries.requestId, requestId)).get()!.id;
}

/** Rows changed on the app's one connection since it opened: unchanged means no write happened. */
export const totalChanges = (db: Db) => (db.$client.prepare('select total_changes() as n').get() as { n: number }).n;

/** A hash of every row of every table: equal before and after means the database is unchanged. */
export function dbChecksum(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.$client
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(`\n#${name}\n`);
    for (const row of db.$client.prepare(`select * from "${name}" order by ${stableOrder(db.$client, name)}`).iterate())
      hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}
