import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from './client';
import { departments } from './schema';
import { prepareOnce } from './statements';

/** The statements cache only saves time: a cached statement answers exactly as a fresh one would. */
describe('the statements cache', () => {
  it('hands back the compiled statement for the same SQL, in its default mode whatever the last caller set', () => {
    const db = openDatabase(':memory:');
    try {
      const first = db.$client.prepare('select 1 as one');
      expect(first.pluck().get()).toBe(1);
      const again = db.$client.prepare('select 1 as one');
      expect(again).toBe(first);
      expect(again.get()).toEqual({ one: 1 });
    } finally {
      closeDatabase(db);
    }
  });

  it('builds a drizzle query once per connection and serves it inside and outside transactions alike', () => {
    const db = openDatabase(':memory:');
    try {
      db.insert(departments).values({ name: 'Sales' }).run();
      let builds = 0;
      const byName = (q: typeof db) =>
        prepareOnce(q, 'test.departmentByName', () => {
          builds += 1;
          return q
            .select({ name: departments.name })
            .from(departments)
            .where(eq(departments.name, sql.placeholder('name')))
            .prepare();
        });
      expect(byName(db).get({ name: 'Sales' })).toEqual({ name: 'Sales' });
      db.transaction((tx) => {
        tx.insert(departments).values({ name: 'Legal' }).run();
        expect(byName(tx as unknown as typeof db).get({ name: 'Legal' })).toEqual({ name: 'Legal' });
      });
      expect(byName(db).get({ name: 'Nobody' })).toBeUndefined();
      expect(builds).toBe(1);
    } finally {
      closeDatabase(db);
    }
  });
});
