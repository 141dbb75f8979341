import { asc } from 'drizzle-orm';
import type { SessionUser } from '@altitude/shared/auth';
import { statuses, type Status } from '@altitude/shared/domain';
import type { BoardViewSettings, CompanySettings, Target, WorkflowColumn } from '@altitude/shared/settings';
import type { Db } from '../../db/client';
import { settings, targets, workflowColumns } from '../../db/schema';
import { writeAs } from '../auth/actor';
import { boardViewKey, boardViewOn } from './board-view';
import { companyTimeZone } from './company-clock';
import { forgetBusinessCalendar } from '../service-levels/business-calendar';

export function listTargets(db: Db): { items: Target[] } {
  return {
    items: db
      .select({ periodStart: targets.periodStart, strategicShare: targets.strategicShare })
      .from(targets)
      .orderBy(asc(targets.periodStart))
      .all(),
  };
}

/** Sets (or replaces) one quarter's target; reports read it on their next call. */
export function putTarget(db: Db, actor: SessionUser, periodStart: string, strategicShare: number): Target {
  writeAs(db, actor, 'lead', (tx) =>
    tx
      .insert(targets)
      .values({ periodStart, strategicShare })
      .onConflictDoUpdate({ target: targets.periodStart, set: { strategicShare } })
      .run(),
  );
  return { periodStart, strategicShare };
}

/** Every board column in workflow order; a column without a row has no limit. */
export function listWorkflow(db: Db): { items: WorkflowColumn[] } {
  const limits = new Map(
    db
      .select()
      .from(workflowColumns)
      .all()
      .map((c) => [c.status, c.wipLimit]),
  );
  return { items: statuses.map((status) => ({ status, wipLimit: limits.get(status) ?? null })) };
}

export function putWipLimit(db: Db, actor: SessionUser, status: Status, wipLimit: number | null): WorkflowColumn {
  writeAs(db, actor, 'lead', (tx) =>
    tx.insert(workflowColumns).values({ status, wipLimit }).onConflictDoUpdate({ target: workflowColumns.status, set: { wipLimit } }).run(),
  );
  return { status, wipLimit };
}

export const readCompany = (db: Db): CompanySettings => ({ timezone: companyTimeZone(db) });

/** Period boundaries in reports follow this zone from the next call on. */
export function putCompany(db: Db, actor: SessionUser, timezone: string): CompanySettings {
  writeAs(db, actor, 'lead', (tx) => {
    tx.insert(settings)
      .values({ key: 'timezone', value: timezone })
      .onConflictDoUpdate({ target: settings.key, set: { value: timezone } })
      .run();
    forgetBusinessCalendar(tx);
  });
  return { timezone };
}

export const readBoardView = (db: Db): BoardViewSettings => ({ boardView: boardViewOn(db) });

/**
 * Switches the board view. The write changes SQLite's change counter, which is part of every
 * read-cache key, so no reader is answered from a report cached before the switch.
 */
export function putBoardView(db: Db, actor: SessionUser, boardView: boolean): BoardViewSettings {
  const value = String(boardView);
  writeAs(db, actor, 'lead', (tx) =>
    tx.insert(settings).values({ key: boardViewKey, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run(),
  );
  return { boardView };
}
