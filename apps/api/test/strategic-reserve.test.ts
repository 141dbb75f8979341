import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@altitude/shared/directory';
import { users } from '../src/db/schema';
import { createTestApp, type TestApp } from './harness';
import { expectProblem } from './problem-assertions';
import { addUser, ok, signIn, tickingClock, type Caller } from './request-helpers';

/*
 * Issue 13: "Leads set, per marketer, a strategic reserve: hours per week kept for strategic
 * work." The reserve lives inside the working week, so PATCH /api/users/:id refuses one above the
 * week being set or the week stored (422 naming strategicReserveMinutes), and stores nothing then.
 */

let t: TestApp;
let lead: Caller;
let maxId: number;

const stored = () =>
  t.app.db.select({ weekly: users.weeklyMinutes, reserve: users.strategicReserveMinutes }).from(users).where(eq(users.id, maxId)).get()!;
const patch = (body: Record<string, unknown>) => lead.patch(`/api/users/${maxId}`, body);

beforeAll(async () => {
  t = await createTestApp({ seed: 'baseline', now: tickingClock(new Date('2026-12-02T10:00:00.000Z')) });
  await addUser(t, 'lead@example.com', 'lead', 'Marketing');
  await addUser(t, 'max@example.com', 'marketer', 'Marketing');
  maxId = t.app.db.select({ id: users.id }).from(users).where(eq(users.email, 'max@example.com')).get()!.id;
  lead = await signIn(t, 'lead@example.com');
});
afterAll(() => t.app.close());

describe('a strategic reserve', () => {
  it('is set by a lead within the stored week (40 h by default), up to the whole week', async () => {
    expect(ok<User>(await patch({ strategicReserveMinutes: 600 }))).toMatchObject({ weeklyMinutes: 2400, strategicReserveMinutes: 600 });
    expect(ok<User>(await patch({ strategicReserveMinutes: 2400 }))).toMatchObject({ strategicReserveMinutes: 2400 });
    expect(ok<User>(await patch({ strategicReserveMinutes: 0 }))).toMatchObject({ strategicReserveMinutes: 0 });
  });

  it('is refused above the stored week, naming the field, and nothing changes', async () => {
    await patch({ strategicReserveMinutes: 480 });
    const problem = expectProblem(await patch({ strategicReserveMinutes: 2460 }), 422);
    expect(problem.errors).toEqual([{ path: 'strategicReserveMinutes', message: 'must be at most the weekly working time (40h)' }]);
    expect(stored()).toEqual({ weekly: 2400, reserve: 480 });
  });

  it('is checked against the week sent with it', async () => {
    // A 20 h week with a 25 h reserve: refused, though 25 h fits the stored 40 h.
    const problem = expectProblem(await patch({ weeklyMinutes: 1200, strategicReserveMinutes: 1500 }), 422);
    expect(problem.errors?.map((e) => e.path)).toEqual(['strategicReserveMinutes', 'weeklyMinutes']);
    expect(stored()).toEqual({ weekly: 2400, reserve: 480 });
    // A 20 h week with 10 h kept: both saved.
    expect(ok<User>(await patch({ weeklyMinutes: 1200, strategicReserveMinutes: 600 }))).toMatchObject({
      weeklyMinutes: 1200,
      strategicReserveMinutes: 600,
    });
  });

  it('keeps a shorter week from falling below the stored reserve', async () => {
    // Stored: 20 h week, 10 h reserve. An 8 h week would leave the reserve above it.
    const problem = expectProblem(await patch({ weeklyMinutes: 480 }), 422);
    expect(problem.errors).toEqual([
      { path: 'strategicReserveMinutes', message: 'must be at most the weekly working time (8h)' },
      { path: 'weeklyMinutes', message: 'must be at least the strategic reserve (10h)' },
    ]);
    expect(stored()).toEqual({ weekly: 1200, reserve: 600 });
    // Lowering both at once is how the lead shortens it.
    expect(ok<User>(await patch({ weeklyMinutes: 480, strategicReserveMinutes: 240 }))).toMatchObject({
      weeklyMinutes: 480,
      strategicReserveMinutes: 240,
    });
  });

  it('leaves other changes alone: a rename does not re-check the reserve', async () => {
    // Written past the API (an old row from before the rule): a rename still works.
    t.app.db.update(users).set({ strategicReserveMinutes: 900 }).where(eq(users.id, maxId)).run();
    expect(ok<User>(await patch({ name: 'Max Weber' }))).toMatchObject({ name: 'Max Weber', strategicReserveMinutes: 900 });
  });

  it('is refused to a marketer (leads set it)', async () => {
    const marketer = await signIn(t, 'max@example.com');
    expectProblem(await marketer.patch(`/api/users/${maxId}`, { strategicReserveMinutes: 60 }), 403);
  });
});
