import type { Role } from '@altitude/shared/domain';
import { departments, users } from '../src/db/schema';
import { hashPassword } from '../src/lib/password';
import type { TestApp } from './harness';

/** A person added straight to the directory (as a lead's invitation would), with a known password. */
export async function addPerson(t: TestApp, email: string, password: string, role: Role = 'requester'): Promise<number> {
  const departmentId = t.app.db.select({ id: departments.id }).from(departments).get()!.id;
  const passwordHash = await hashPassword(password);
  return t.app.db
    .insert(users)
    .values({ email, name: email.split('@')[0]!, role, departmentId, passwordHash })
    .returning()
    .get().id;
}

/** A clock the test moves by hand: emails retry on it, reset links expire on it. */
export function handClock(start = new Date('2026-11-20T09:00:00.000Z')) {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advanceMinutes: (minutes: number) => {
      t += minutes * 60_000;
    },
  };
}
