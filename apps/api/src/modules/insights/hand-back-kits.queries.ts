import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { HandBackCandidate } from '@altitude/shared/insights';
import { kitOffered, type SelfServeKit } from '@altitude/shared/self-serve-kits';
import type { Queryable } from '../../db/client';
import { kitOutcomes, requests, requestTime, requestTypes } from '../../db/schema';
import type { ReportPeriod } from './report-period';

type KitFigures = Pick<HandBackCandidate, 'kit' | 'kitPublishedAt' | 'avoided' | 'filedSince' | 'minutesSaved'>;
const noKit: KitFigures = { kit: null, kitPublishedAt: null, avoided: 0, filedSince: 0, minutesSaved: 0 };

/**
 * A type's usual effort: the median logged minutes of its delivered requests (the mean of the
 * two middle values for an even count, rounded to the minute). Delivered requests nobody logged
 * time on are left out: no time logged says nothing about the effort, as in the candidates'
 * own minutes each. 0 when none was delivered.
 */
export function usualEffort(db: Queryable, typeId: number): number {
  const minutes = db
    .select({ minutes: requestTime.minutes })
    .from(requests)
    .innerJoin(requestTime, eq(requestTime.requestId, requests.id))
    .where(and(eq(requests.typeId, typeId), eq(requests.status, 'done'), sql`${requestTime.minutes} > 0`))
    .orderBy(requestTime.minutes)
    .all()
    .map((r) => r.minutes);
  if (minutes.length === 0) return 0;
  const mid = Math.floor(minutes.length / 2);
  return minutes.length % 2 ? minutes[mid]! : Math.round((minutes[mid - 1]! + minutes[mid]!) / 2);
}

/**
 * What each candidate's kit has done: the kit when it is offered to the candidate's department,
 * and that department's outcomes from the later of the kit's publication and the period's start
 * to the period's end; minutes saved are the requests avoided at the type's usual effort.
 */
export function kitFigures(db: Queryable, period: ReportPeriod, candidates: { departmentId: number; typeId: number }[]): KitFigures[] {
  const typeIds = [...new Set(candidates.map((c) => c.typeId))];
  if (typeIds.length === 0) return [];
  const kits = new Map(
    db
      .select({ id: requestTypes.id, kit: requestTypes.selfServeKit, publishedAt: requestTypes.kitPublishedAt })
      .from(requestTypes)
      .where(inArray(requestTypes.id, typeIds))
      .all()
      .map((t) => [t.id, t as { kit: SelfServeKit | null; publishedAt: string | null }]),
  );
  const effort = new Map<number, number>();
  return candidates.map(({ departmentId, typeId }) => {
    const type = kits.get(typeId);
    if (!type?.kit || !type.publishedAt || !kitOffered(type.kit, departmentId)) return noKit;
    const since = type.publishedAt > period.startAt ? type.publishedAt : period.startAt;
    const counts = db
      .select({ outcome: kitOutcomes.outcome, n: sql<number>`count(*)` })
      .from(kitOutcomes)
      .where(
        and(
          eq(kitOutcomes.typeId, typeId),
          eq(kitOutcomes.departmentId, departmentId),
          gte(kitOutcomes.createdAt, since),
          lt(kitOutcomes.createdAt, period.endAt),
        ),
      )
      .groupBy(kitOutcomes.outcome)
      .all();
    const avoided = counts.find((c) => c.outcome === 'used')?.n ?? 0;
    const filedSince = counts.find((c) => c.outcome === 'filed')?.n ?? 0;
    if (!effort.has(typeId)) effort.set(typeId, usualEffort(db, typeId));
    return {
      kit: { url: type.kit.url },
      kitPublishedAt: type.publishedAt,
      avoided,
      filedSince,
      minutesSaved: avoided * effort.get(typeId)!,
    };
  });
}
