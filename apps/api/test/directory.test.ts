import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '../src/db/seed/demo-catalog';
import { createTestApp, type TestApp } from './harness';

const demoRoles = [
  ['sales@example.com', 'requester'],
  ['marketer@example.com', 'marketer'],
  ['cmo@example.com', 'lead'],
] as const;

const directoryRoutes = ['/api/departments', '/api/request-types', '/api/users', '/api/auth/me'];

describe('directory', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp({ seed: 'demo' });
    for (const [email] of demoRoles) cookies[email] = await t.login(email);
  });
  afterAll(() => t.app.close());

  const get = (url: string, email = 'sales@example.com') => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[email]! } });

  it.each(demoRoles.map(([email, role]) => ({ email, role })))(
    'a $role ($email) can read every directory list and their own user',
    async ({ email }) => {
      for (const url of directoryRoutes) {
        const res = await get(url, email);
        expect(res.statusCode, `${email} GET ${url}`).toBe(200);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
      }
    },
  );

  it('request types list the demo catalogue of 14 types with name, description, turnaround and default classification', async () => {
    const res = await get('/api/request-types');
    const { items } = res.json();
    expect(Object.keys(res.json())).toEqual(['items']);
    expect(items).toHaveLength(14);
    for (const type of items) {
      expect(Object.keys(type).sort()).toEqual([
        'defaultClassification',
        'description',
        'fields',
        'firstResponseHours',
        'id',
        'name',
        'selfServeKit',
        'turnaroundDays',
      ]);
      expect(type).toEqual({
        id: expect.any(Number),
        name: expect.any(String),
        description: expect.any(String),
        turnaroundDays: expect.any(Number),
        firstResponseHours: expect.any(Number),
        defaultClassification: expect.stringMatching(/^(tactical|strategic)$/),
        fields: expect.any(Array),
        // The demo's one kit: event banners for Sales.
        selfServeKit:
          type.name === 'Event banner'
            ? { url: 'https://brand.example.com/kits/event-banners', instructions: expect.any(String), departmentIds: [expect.any(Number)] }
            : null,
      });
      expect(Number.isInteger(type.turnaroundDays) && type.turnaroundDays > 0).toBe(true);
    }
    expect(items).toContainEqual(expect.objectContaining({ name: 'Event banner', defaultClassification: 'tactical', turnaroundDays: 5 }));
    expect(items).toContainEqual(expect.objectContaining({ name: 'Market research', defaultClassification: 'strategic' }));
  });

  it('departments list id and name only', async () => {
    const { items } = (await get('/api/departments')).json();
    expect(items.length).toBeGreaterThan(0);
    for (const department of items) {
      expect(department).toEqual({ id: expect.any(Number), name: expect.any(String) });
    }
    expect(items.map((d: { name: string }) => d.name)).toEqual(
      expect.arrayContaining(['Sales', 'Product', 'Customer Success', 'Executive', 'Marketing']),
    );
  });

  it('users list people with their role and department, and never a password hash', async () => {
    for (const [email] of demoRoles) {
      const res = await get('/api/users', email);
      expect(res.body).not.toMatch(/passwordHash|password_hash|password|scrypt\$/i);
      const { items } = res.json();
      for (const user of items) {
        expect(Object.keys(user).sort()).toEqual([
          'active',
          'canViewInsights',
          'departmentId',
          'email',
          'id',
          'name',
          'role',
          'strategicReserveMinutes',
          'weeklyMinutes',
        ]);
        expect(user.role).toMatch(/^(requester|marketer|lead)$/);
      }
      for (const account of demoAccounts) {
        expect(items).toContainEqual(
          expect.objectContaining({ email: account.email, name: account.name, role: account.role, active: true }),
        );
      }
    }
  });

  it("each user's department is one of the listed departments", async () => {
    const departmentIds = new Set((await get('/api/departments')).json().items.map((d: { id: number }) => d.id));
    const { items } = (await get('/api/users')).json();
    for (const user of items) expect(departmentIds.has(user.departmentId), user.email).toBe(true);
  });
});
