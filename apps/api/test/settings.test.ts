import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { User } from '@altitude/shared/directory';
import { statuses } from '@altitude/shared/domain';
import { requests, sessions, timeEntries } from '../src/db/schema';
import type { TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import {
  createDemoApp,
  departmentId,
  fileRequest,
  ok,
  requestTypeId,
  signInDemoAccounts,
  type Caller,
  type DemoCallers,
} from './request-helpers';

/** Every settings write and read the lead alone may reach, with a valid body. */
const leadOnly: [method: 'GET' | 'PUT' | 'POST' | 'PATCH', url: string, body?: unknown][] = [
  ['GET', '/api/settings/targets'],
  ['PUT', '/api/settings/targets/2027-01-01', { strategicShare: 0.5 }],
  ['GET', '/api/settings/workflow'],
  ['PUT', '/api/settings/workflow/in_progress', { wipLimit: 3 }],
  ['GET', '/api/settings/company'],
  ['PUT', '/api/settings/company', { timezone: 'Europe/Paris' }],
  ['POST', '/api/request-types', { name: 'Sneaky type', turnaroundDays: 3, defaultClassification: 'tactical' }],
  ['PATCH', '/api/request-types/1', { turnaroundDays: 99 }],
  ['POST', '/api/departments', { name: 'Sneaky department' }],
  ['PATCH', '/api/departments/1', { name: 'Renamed by a marketer' }],
  ['POST', '/api/users', { email: 'sneaky@example.com', name: 'Sneaky', role: 'lead', departmentId: 1, password: 'a-long-passphrase' }],
  ['PATCH', '/api/users/1', { active: false }],
];

const call = (caller: Caller, method: string, url: string, body?: unknown) =>
  method === 'GET'
    ? caller.get(url)
    : method === 'PUT'
      ? caller.put(url, body)
      : method === 'POST'
        ? caller.post(url, body)
        : caller.patch(url, body);

/** Asserts a 400 validation problem naming `path`. */
function expectFieldError(res: Awaited<ReturnType<Caller['get']>>, path: string, status = 400) {
  const problem = expectProblem(res, status);
  expect(
    problem.errors?.map((e) => e.path),
    res.body,
  ).toContain(path);
  return problem;
}

describe('settings', () => {
  let t: TestApp;
  let as: DemoCallers;
  let sequence = 0;
  /** A fresh person invited by the lead, so changes to them leave the demo accounts alone. */
  const invite = async (role: User['role'] = 'marketer', department = 'Marketing') => {
    sequence += 1;
    const body = {
      email: `person${sequence}@example.com`,
      name: `Person ${sequence}`,
      role,
      departmentId: await departmentId(as.cmo, department),
      password: `initial-pass-${sequence}`,
    };
    const user = ok<User>(await as.cmo.post('/api/users', body), 201);
    return { user, password: body.password, signIn: () => signInAs(body.email, body.password) };
  };
  const signInAs = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

  beforeAll(async () => {
    t = await createDemoApp();
    as = await signInDemoAccounts(t);
  });
  afterAll(() => t.app.close());

  describe('who may change settings', () => {
    it.each(leadOnly.map(([method, url, body]) => ({ method, url, body })))(
      'a marketer and a requester are refused $method $url with 403',
      async ({ method, url, body }) => {
        for (const caller of [as.marketer, as.sales]) {
          expect(expectProblem(await call(caller, method, url, body), 403).code).toBe('auth.forbidden');
        }
      },
    );

    it('refused writes change nothing', async () => {
      const types = ok<{ items: { id: number; name: string; turnaroundDays: number }[] }>(await as.cmo.get('/api/request-types')).items;
      expect(types.map((x) => x.name)).not.toContain('Sneaky type');
      expect(types.find((x) => x.id === 1)?.turnaroundDays).not.toBe(99);
      const people = ok<{ items: User[] }>(await as.cmo.get('/api/users')).items;
      expect(people.map((p) => p.email)).not.toContain('sneaky@example.com');
      expect(people.find((p) => p.id === 1)?.active).toBe(true);
      const departments = ok<{ items: { name: string }[] }>(await as.cmo.get('/api/departments')).items.map((d) => d.name);
      expect(departments).not.toContain('Sneaky department');
      expect(departments).not.toContain('Renamed by a marketer');
      expect(
        ok<{ items: { periodStart: string }[] }>(await as.cmo.get('/api/settings/targets')).items.map((x) => x.periodStart),
      ).not.toContain('2027-01-01');
      expect(ok(await as.cmo.get('/api/settings/company'))).toEqual({ timezone: 'UTC' });
    });

    it('everyone signed in still reads the directory lists', async () => {
      for (const caller of [as.sales, as.marketer, as.cmo]) {
        for (const url of ['/api/users', '/api/departments', '/api/request-types']) expect((await caller.get(url)).statusCode).toBe(200);
      }
    });
  });

  describe('strategic-share target', () => {
    it('the lead reads the targets per quarter, sets next quarter to 45 % and replaces it later', async () => {
      const before = ok<{ items: { periodStart: string; strategicShare: number }[] }>(await as.cmo.get('/api/settings/targets'));
      expect(before.items.length).toBeGreaterThan(0);
      expect(before.items).toContainEqual({ periodStart: '2026-10-01', strategicShare: 0.4 });

      expect(ok(await as.cmo.put('/api/settings/targets/2027-01-01', { strategicShare: 0.45 }))).toEqual({
        periodStart: '2027-01-01',
        strategicShare: 0.45,
      });
      expect(ok(await as.cmo.put('/api/settings/targets/2027-01-01', { strategicShare: 0.5 }))).toEqual({
        periodStart: '2027-01-01',
        strategicShare: 0.5,
      });

      const after = ok<{ items: { periodStart: string }[] }>(await as.cmo.get('/api/settings/targets')).items;
      expect(after.filter((x) => x.periodStart === '2027-01-01')).toEqual([{ periodStart: '2027-01-01', strategicShare: 0.5 }]);
      expect(after.map((x) => x.periodStart)).toEqual([...after.map((x) => x.periodStart)].sort());
    });

    it('a target is set for a quarter start only, as a share from 0 to 1', async () => {
      expectFieldError(await as.cmo.put('/api/settings/targets/2027-02-01', { strategicShare: 0.4 }), 'periodStart');
      expectFieldError(await as.cmo.put('/api/settings/targets/next-quarter', { strategicShare: 0.4 }), 'periodStart');
      expectFieldError(await as.cmo.put('/api/settings/targets/2027-01-01', { strategicShare: 45 }), 'strategicShare');
      expectFieldError(await as.cmo.put('/api/settings/targets/2027-01-01', { strategicShare: -0.1 }), 'strategicShare');
      expectFieldError(await as.cmo.put('/api/settings/targets/2027-01-01', {}), 'strategicShare');
      expectFieldError(await as.cmo.put('/api/settings/targets/2027-01-01', { strategicShare: 0.4, period: 'q1' }), 'period');
    });

    it('a share above 1 (150 % typed as 1.5) is refused naming strategicShare, and the stored target stays', async () => {
      ok(await as.cmo.put('/api/settings/targets/2027-04-01', { strategicShare: 0.35 }));
      const refused = expectFieldError(await as.cmo.put('/api/settings/targets/2027-04-01', { strategicShare: 1.5 }), 'strategicShare');
      expect(refused.errors).toEqual([{ path: 'strategicShare', message: 'must be at most 1 (a share from 0 to 1: 0.4 is 40 %)' }]);
      const items = ok<{ items: { periodStart: string; strategicShare: number }[] }>(await as.cmo.get('/api/settings/targets')).items;
      expect(items.filter((x) => x.periodStart === '2027-04-01')).toEqual([{ periodStart: '2027-04-01', strategicShare: 0.35 }]);
    });
  });

  describe('request types', () => {
    it('the lead adds a type, and requests filed with it start with its default classification', async () => {
      const created = ok<Record<string, unknown>>(
        await as.cmo.post('/api/request-types', {
          name: 'Analyst briefing',
          description: 'Prep for an analyst call.',
          turnaroundDays: 10,
          defaultClassification: 'strategic',
        }),
        201,
      );
      expect(created).toEqual({
        id: expect.any(Number),
        name: 'Analyst briefing',
        description: 'Prep for an analyst call.',
        turnaroundDays: 10,
        // Not given: a first response within one business day, and no intake questions.
        firstResponseHours: 8,
        defaultClassification: 'strategic',
        fields: [],
        selfServeKit: null,
      });
      expect(ok<{ items: unknown[] }>(await as.sales.get('/api/request-types')).items).toContainEqual(created);

      const filed = await fileRequest(as.sales, { title: 'Gartner call prep', typeId: created.id });
      expect(filed).toMatchObject({ classification: 'strategic', classificationSuggested: true });
    });

    it('the lead edits name, description, turnaround and default class; filed requests keep their class', async () => {
      const id = await requestTypeId(as.cmo, 'Analyst briefing');
      const earlier = await fileRequest(as.sales, { title: 'Forrester call prep', typeId: id });
      const edited = ok(
        await as.cmo.patch(`/api/request-types/${id}`, {
          name: 'Analyst relations',
          description: 'Briefings and inquiries.',
          turnaroundDays: 7,
          defaultClassification: 'tactical',
        }),
      );
      expect(edited).toEqual({
        id,
        name: 'Analyst relations',
        description: 'Briefings and inquiries.',
        turnaroundDays: 7,
        firstResponseHours: 8,
        defaultClassification: 'tactical',
        fields: [],
        selfServeKit: null,
      });
      expect(ok(await as.cmo.patch(`/api/request-types/${id}`, { turnaroundDays: 8 }))).toMatchObject({
        name: 'Analyst relations',
        turnaroundDays: 8,
      });
      expect(ok(await as.sales.get(`/api/requests/${earlier.id}`))).toMatchObject({ classification: 'strategic' });
      expect(await fileRequest(as.sales, { title: 'IDC inquiry', typeId: id })).toMatchObject({ classification: 'tactical' });
    });

    it('a name already in use, in any case, is refused with 409 naming the name', async () => {
      const problem = expectFieldError(
        await as.cmo.post('/api/request-types', { name: 'event BANNER', turnaroundDays: 5, defaultClassification: 'tactical' }),
        'name',
        409,
      );
      expect(problem.detail).toContain('event BANNER');
      const id = await requestTypeId(as.cmo, 'Analyst relations');
      expectFieldError(await as.cmo.patch(`/api/request-types/${id}`, { name: 'Market research' }), 'name', 409);
      // Keeping its own name is not a clash.
      expect((await as.cmo.patch(`/api/request-types/${id}`, { name: 'Analyst relations' })).statusCode).toBe(200);
    });

    it('bad fields are refused with 400 naming the field, and an unknown type with 404', async () => {
      const valid = { name: 'Podcast episode', turnaroundDays: 14, defaultClassification: 'strategic' };
      for (const turnaroundDays of [0, 366, 2.5, '7'])
        expectFieldError(await as.cmo.post('/api/request-types', { ...valid, turnaroundDays }), 'turnaroundDays');
      expectFieldError(await as.cmo.post('/api/request-types', { ...valid, name: '   ' }), 'name');
      expectFieldError(
        await as.cmo.post('/api/request-types', { ...valid, defaultClassification: 'unclassified' }),
        'defaultClassification',
      );
      expectFieldError(await as.cmo.post('/api/request-types', { ...valid, description: 'x'.repeat(501) }), 'description');
      expectFieldError(await as.cmo.post('/api/request-types', { ...valid, colour: 'red' }), 'colour');
      expect(expectProblem(await as.cmo.patch('/api/request-types/99999', { turnaroundDays: 3 }), 404).code).toBe('request_type.not_found');
    });
  });

  describe('departments', () => {
    it('the lead adds and renames a department; people stay in it', async () => {
      const added = ok<{ id: number; name: string }>(await as.cmo.post('/api/departments', { name: 'Investor relations' }), 201);
      expect(added).toEqual({ id: expect.any(Number), name: 'Investor relations' });
      const { user } = await invite('requester', 'Investor relations');
      expect(ok(await as.cmo.patch(`/api/departments/${added.id}`, { name: 'Finance' }))).toEqual({ id: added.id, name: 'Finance' });
      expect(ok<{ items: unknown[] }>(await as.sales.get('/api/departments')).items).toContainEqual({ id: added.id, name: 'Finance' });
      expect(ok<{ items: User[] }>(await as.cmo.get('/api/users')).items.find((u) => u.id === user.id)?.departmentId).toBe(added.id);
    });

    it('a taken name is refused with 409, an empty one with 400, an unknown department with 404', async () => {
      expect(expectFieldError(await as.cmo.post('/api/departments', { name: 'sales' }), 'name', 409).detail).toContain('sales');
      const finance = await departmentId(as.cmo, 'Finance');
      expectFieldError(await as.cmo.patch(`/api/departments/${finance}`, { name: 'Product' }), 'name', 409);
      expectFieldError(await as.cmo.post('/api/departments', { name: '' }), 'name');
      expectFieldError(await as.cmo.post('/api/departments', {}), 'name');
      expectProblem(await as.cmo.patch('/api/departments/99999', { name: 'Ghosts' }), 404);
    });
  });

  describe('WIP limits', () => {
    it('the lead reads every column in workflow order and sets a limit the board shows', async () => {
      const { items } = ok<{ items: { status: string; wipLimit: number | null }[] }>(await as.cmo.get('/api/settings/workflow'));
      expect(items.map((c) => c.status)).toEqual([...statuses]);
      expect(items.find((c) => c.status === 'in_progress')?.wipLimit).toBe(10);

      expect(ok(await as.cmo.put('/api/settings/workflow/in_review', { wipLimit: 4 }))).toEqual({ status: 'in_review', wipLimit: 4 });
      const board = ok<{ columns: { status: string; wipLimit: number | null }[] }>(await as.marketer.get('/api/board'));
      expect(board.columns.find((c) => c.status === 'in_review')?.wipLimit).toBe(4);
    });

    it('null removes a limit', async () => {
      expect(ok(await as.cmo.put('/api/settings/workflow/planned', { wipLimit: null }))).toEqual({ status: 'planned', wipLimit: null });
      const { items } = ok<{ items: { status: string; wipLimit: number | null }[] }>(await as.cmo.get('/api/settings/workflow'));
      expect(items.find((c) => c.status === 'planned')?.wipLimit).toBeNull();
    });

    it('a limit is a whole number of at least 1, for a known column', async () => {
      for (const wipLimit of [0, -2, 1.5, '3'])
        expectFieldError(await as.cmo.put('/api/settings/workflow/in_progress', { wipLimit }), 'wipLimit');
      expectFieldError(await as.cmo.put('/api/settings/workflow/in_progress', {}), 'wipLimit');
      expectFieldError(await as.cmo.put('/api/settings/workflow/backlog', { wipLimit: 3 }), 'status');
    });

    it('0 is refused, not stored as a limit of 1; 999 is the largest limit; a refused limit changes nothing', async () => {
      const limitOf = async (status: string) =>
        ok<{ items: { status: string; wipLimit: number | null }[] }>(await as.cmo.get('/api/settings/workflow')).items.find(
          (c) => c.status === status,
        )?.wipLimit;
      expect(ok(await as.cmo.put('/api/settings/workflow/in_review', { wipLimit: 5 }))).toEqual({ status: 'in_review', wipLimit: 5 });
      const zero = expectFieldError(await as.cmo.put('/api/settings/workflow/in_review', { wipLimit: 0 }), 'wipLimit');
      expect(zero.errors).toEqual([{ path: 'wipLimit', message: 'must be at least 1; leave it empty (null) for no limit' }]);
      expectFieldError(await as.cmo.put('/api/settings/workflow/in_review', { wipLimit: 1000 }), 'wipLimit');
      expect(await limitOf('in_review')).toBe(5);
      expect(ok(await as.cmo.put('/api/settings/workflow/in_review', { wipLimit: 999 }))).toEqual({ status: 'in_review', wipLimit: 999 });
      expect(ok(await as.cmo.put('/api/settings/workflow/in_review', { wipLimit: 1 }))).toEqual({ status: 'in_review', wipLimit: 1 });
      expect(await limitOf('in_review')).toBe(1);
    });
  });

  describe('company time zone', () => {
    it('starts as UTC and the lead sets an IANA zone', async () => {
      expect(ok(await as.cmo.get('/api/settings/company'))).toEqual({ timezone: 'UTC' });
      expect(ok(await as.cmo.put('/api/settings/company', { timezone: 'Europe/Lisbon' }))).toEqual({ timezone: 'Europe/Lisbon' });
      expect(ok(await as.cmo.get('/api/settings/company'))).toEqual({ timezone: 'Europe/Lisbon' });
      expect(ok(await as.cmo.put('/api/settings/company', { timezone: 'UTC' }))).toEqual({ timezone: 'UTC' });
    });

    it('an unknown or malformed zone is refused with 400 naming timezone', async () => {
      for (const timezone of ['Mars/Olympus_Mons', 'europe/lisbon', '+02:00', '', 42])
        expectFieldError(await as.cmo.put('/api/settings/company', { timezone }), 'timezone');
      expect(ok(await as.cmo.get('/api/settings/company'))).toEqual({ timezone: 'UTC' });
    });
  });

  describe('people', () => {
    it('the lead invites a marketer who signs in at once with the initial password; no hash is returned', async () => {
      const marketingId = await departmentId(as.cmo, 'Marketing');
      const res = await as.cmo.post('/api/users', {
        email: '  Nadia.Okafor@Example.com ',
        name: 'Nadia Okafor',
        role: 'marketer',
        departmentId: marketingId,
        password: 'welcome-to-altitude',
      });
      const user = ok<User>(res, 201);
      expect(user).toEqual({
        id: expect.any(Number),
        email: 'nadia.okafor@example.com',
        name: 'Nadia Okafor',
        role: 'marketer',
        departmentId: marketingId,
        active: true,
        // PRODUCT.md v2: a new person works 40 h a week, keeps no strategic reserve, and does not read Insights.
        weeklyMinutes: 2400,
        strategicReserveMinutes: 0,
        canViewInsights: false,
      });
      expect(res.body).not.toMatch(/password|scrypt/i);
      const login = await signInAs('nadia.okafor@example.com', 'welcome-to-altitude');
      expect(ok(login)).toMatchObject({ user: { id: user.id, role: 'marketer' } });
      expect(ok<{ items: User[] }>(await as.sales.get('/api/users')).items).toContainEqual(user);
    });

    it('an email already in use is refused with 409 naming the email', async () => {
      const problem = expectFieldError(
        await as.cmo.post('/api/users', {
          email: 'MARKETER@example.com',
          name: 'Twin',
          role: 'marketer',
          departmentId: as.marketer.user.departmentId,
          password: 'another-passphrase',
        }),
        'email',
        409,
      );
      expect(problem.detail).toContain('marketer@example.com');
    });

    it('an invite is checked field by field: email, name, role, department and the password policy', async () => {
      const valid = {
        email: 'new.person@example.com',
        name: 'New Person',
        role: 'requester',
        departmentId: as.sales.user.departmentId,
        password: 'a-long-passphrase',
      };
      expectFieldError(await as.cmo.post('/api/users', { ...valid, email: 'not-an-email' }), 'email');
      expectFieldError(await as.cmo.post('/api/users', { ...valid, name: ' ' }), 'name');
      expectFieldError(await as.cmo.post('/api/users', { ...valid, role: 'admin' }), 'role');
      expectFieldError(await as.cmo.post('/api/users', { ...valid, password: 'short' }), 'password');
      expectFieldError(await as.cmo.post('/api/users', { ...valid, password: 'password123' }), 'password');
      expectFieldError(await as.cmo.post('/api/users', { ...valid, departmentId: 99999 }), 'departmentId', 422);
      expectFieldError(await as.cmo.post('/api/users', { ...valid, active: false }), 'active');
      expect(ok<{ items: User[] }>(await as.cmo.get('/api/users')).items.map((u) => u.email)).not.toContain('new.person@example.com');
    });

    it('the lead renames someone and moves them to another department', async () => {
      const { user } = await invite('requester', 'Sales');
      const product = await departmentId(as.cmo, 'Product');
      expect(ok(await as.cmo.patch(`/api/users/${user.id}`, { name: 'Renamed Person', departmentId: product }))).toEqual({
        ...user,
        name: 'Renamed Person',
        departmentId: product,
      });
      expectFieldError(await as.cmo.patch(`/api/users/${user.id}`, { departmentId: 99999 }), 'departmentId', 422);
      expectFieldError(await as.cmo.patch(`/api/users/${user.id}`, { role: 'owner' }), 'role');
      expectFieldError(await as.cmo.patch(`/api/users/${user.id}`, { active: 'no' }), 'active');
      expectFieldError(await as.cmo.patch(`/api/users/${user.id}`, { email: 'x@example.com' }), 'email');
      expectProblem(await as.cmo.patch('/api/users/99999', { name: 'Nobody' }), 404);
    });

    it('a department move applies on the next request with the same cookie', async () => {
      const person = await invite('requester', 'Sales');
      const cookie = await t.login(person.user.email, person.password);
      const product = await departmentId(as.cmo, 'Product');
      ok(await as.cmo.patch(`/api/users/${person.user.id}`, { departmentId: product }));
      expect(ok(await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } }))).toMatchObject({
        user: { departmentId: product },
      });
    });

    it('the lead cannot change their own role or deactivate themselves', async () => {
      const me = as.cmo.user.id;
      expect(expectFieldError(await as.cmo.patch(`/api/users/${me}`, { role: 'marketer' }), 'role', 422).code).toBe('user.own_role');
      expect(expectFieldError(await as.cmo.patch(`/api/users/${me}`, { active: false }), 'active', 422).code).toBe('user.own_deactivation');
      // Their own name they may change, and re-stating their role is no change.
      expect(ok(await as.cmo.patch(`/api/users/${me}`, { name: 'Morgan Reyes', role: 'lead', active: true }))).toMatchObject({
        role: 'lead',
        active: true,
      });
      expect(ok(await as.cmo.get('/api/auth/me'))).toMatchObject({ user: { role: 'lead' } });
    });

    it('deactivating someone ends their sessions at once, they cannot sign in, and their history stays', async () => {
      const person = await invite('marketer');
      const cookie = await t.login(person.user.email, person.password);
      const typeId = await requestTypeId(as.cmo, 'Event banner');
      const request = await fileRequest(as.sales, { title: 'Booth graphics', typeId });
      const headers = { cookie };
      expect(
        (await t.app.inject({ method: 'POST', url: `/api/requests/${request.id}/time-entries`, headers, payload: { minutes: 30 } }))
          .statusCode,
      ).toBe(201);
      expect((await t.app.inject({ method: 'GET', url: '/api/board', headers })).statusCode).toBe(200);

      const deactivated = ok<User>(await as.cmo.patch(`/api/users/${person.user.id}`, { active: false }));
      expect(deactivated.active).toBe(false);

      expect(expectProblem(await t.app.inject({ method: 'GET', url: '/api/board', headers }), 401).code).toBe('auth.required');
      expect(t.app.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, person.user.id)).get()?.n).toBe(0);
      expect(expectProblem(await person.signIn(), 401).code).toBe('auth.invalid_credentials');

      // History stays: their time entry, and they are still listed (as inactive).
      expect(t.app.db.select({ n: count() }).from(timeEntries).where(eq(timeEntries.userId, person.user.id)).get()?.n).toBe(1);
      expect(t.app.db.select({ n: count() }).from(requests).where(eq(requests.id, request.id)).get()?.n).toBe(1);
      expect(ok<{ items: User[] }>(await as.cmo.get('/api/users')).items).toContainEqual({ ...person.user, active: false });

      // Reactivated, they sign in again with the same password.
      ok(await as.cmo.patch(`/api/users/${person.user.id}`, { active: true }));
      expect((await person.signIn()).statusCode).toBe(200);
    });

    it('a role change takes effect on the next request: the old session ends, and the new one has the new role', async () => {
      const person = await invite('marketer');
      const cookie = await t.login(person.user.email, person.password);
      const board = (c: string) => t.app.inject({ method: 'GET', url: '/api/board', headers: { cookie: c } });
      expect((await board(cookie)).statusCode).toBe(200);

      ok(await as.cmo.patch(`/api/users/${person.user.id}`, { role: 'requester' }));

      // The same cookie no longer works at all; signed in again, the requester is refused the board.
      expect(expectProblem(await board(cookie), 401).code).toBe('auth.required');
      const again = await t.login(person.user.email, person.password);
      expect(expectProblem(await board(again), 403).code).toBe('auth.forbidden');
      expect(ok(await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: again } }))).toMatchObject({
        user: { role: 'requester' },
      });

      // Promoted to lead, they reach settings on their next sign-in.
      ok(await as.cmo.patch(`/api/users/${person.user.id}`, { role: 'lead' }));
      const asLead = await t.login(person.user.email, person.password);
      expect((await t.app.inject({ method: 'GET', url: '/api/settings/targets', headers: { cookie: asLead } })).statusCode).toBe(200);
    });

    it('deactivating someone ends their live update stream too', async () => {
      const person = await invite('marketer');
      const cookie = await t.login(person.user.email, person.password);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.server.address() as AddressInfo;
      const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
        http.get(`http://127.0.0.1:${port}/api/events`, { headers: { cookie }, agent: false }, resolve).on('error', reject);
      });
      expect(response.statusCode).toBe(200);
      const ended = new Promise<void>((resolve) => {
        response.on('close', resolve);
        response.resume();
      });
      ok(await as.cmo.patch(`/api/users/${person.user.id}`, { active: false }));
      await expect(Promise.race([ended.then(() => 'ended'), new Promise((r) => setTimeout(() => r('still open'), 3000))])).resolves.toBe(
        'ended',
      );
    });
  });
});
