import { count } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import * as t from '../schema';
import { demoDepartments, demoTypes } from './demo-catalog';
import { defaultWipLimits } from './workflow-defaults';

/** What every install starts with, demo or not: departments, request types, WIP limits, time zone. */
export function seedBaseline(tx: Tx | Db): Map<string, number> {
  if ((tx.select({ n: count() }).from(t.departments).get()?.n ?? 0) === 0) {
    tx.insert(t.departments)
      .values(demoDepartments.map((name) => ({ name })))
      .run();
    tx.insert(t.requestTypes)
      .values(
        demoTypes.map(({ name, description, turnaroundDays, defaultClassification }) => ({
          name,
          description,
          turnaroundDays,
          defaultClassification,
        })),
      )
      .run();
    tx.insert(t.workflowColumns).values(defaultWipLimits).run();
    tx.insert(t.settings).values({ key: 'timezone', value: 'UTC' }).run();
  }
  return new Map(
    tx
      .select({ id: t.departments.id, name: t.departments.name })
      .from(t.departments)
      .all()
      .map((d) => [d.name, d.id]),
  );
}
