import { capacityWeeks, firstWorkingDayFrom, maxCapacityWeeks, type CapacityPerson, type Commitment } from '@altitude/shared/capacity';
import { addDays, daysBetween, mondayOf } from '@altitude/shared/calendar';
import type { Classification } from '@altitude/shared/domain';
import type { Request } from '@altitude/shared/requests';
import { freeInWeeks, reserveTradeOff, takesWithoutReserve, type TradeOff } from '@altitude/shared/reserve-trade-off';
import type { Queryable } from '../../db/client';
import { invalidInput } from '../../errors';
import { todayIn } from '../settings/company-clock';
import { capacityFor } from './capacity.service';
import { allHolidays, assignedCommitments, plannedPeople } from './committed.queries';
import { loggedOn } from './trade-off.queries';

/** The trade-off looks at least this many weeks ahead, as the capacity view does. */
const minWeeks = 6;
/** How far ahead a later planned-for date is looked for. */
const laterDateWeeks = 12;
const maxAlternatives = 3;

const nothing = (assigneeId: number | null, classification: Classification | null): TradeOff => ({
  assigneeId,
  classification,
  addedMinutes: 0,
  reserveTakenMinutes: 0,
  weeks: [],
  message: null,
  alternatives: [],
  laterDate: null,
});

/** The date the request is worked towards, as capacity spreads it: planned-for, else needed-by, else expected-by. */
const untilOf = (request: Request) => request.plannedFor ?? request.dueDate ?? request.expectedBy;

/**
 * What assigning `request` to `assigneeId` as `classification` does to their weeks: capacity with
 * the request left out against capacity with its remaining estimate added, from the current week
 * through its date (at least six weeks). When it takes reserve, who else has room for all of it
 * and the earliest later date at which the assignee has. Strategic work never takes the reserve
 * (it is what the reserve is for).
 */
export function tradeOffFor(
  db: Queryable,
  now: Date,
  request: Request,
  assigneeId: number | null,
  classification: Classification | null,
): TradeOff {
  if (assigneeId === null) return nothing(null, classification);
  const people = plannedPeople(db);
  const assignee = people.find((p) => p.userId === assigneeId);
  if (!assignee) throw invalidInput('assigneeId', 'must be an active marketer or lead');
  const remainingMinutes = Math.max(0, (request.estimateMinutes ?? 0) - loggedOn(db, request.id));
  if (remainingMinutes === 0) return nothing(assigneeId, classification);

  const today = todayIn(db, now);
  const until = untilOf(request);
  const spanned = until && until > today ? Math.floor(daysBetween(mondayOf(today), mondayOf(until)) / 7) + 1 : 1;
  const weeks = Math.min(maxCapacityWeeks, Math.max(minWeeks, spanned));
  const commitment: Commitment = { remainingMinutes, reportClass: classification === 'strategic' ? 'strategic' : 'tactical', until };
  const base = { weeks, excludeRequestIds: [request.id] };
  const without = byPerson(capacityFor(db, now, base).people);
  // Everyone at once: each person's weeks as if the request were theirs (the alternatives need them).
  const withIt = byPerson(capacityFor(db, now, { ...base, extra: people.map((p) => ({ ...commitment, assigneeId: p.userId })) }).people);

  // The sentence speaks of the person by first name, as the team does ("Max's strategic reserve").
  const own = reserveTradeOff(assignee.name.split(' ')[0]!, without.get(assigneeId)!, withIt.get(assigneeId)!);
  if (classification === 'strategic')
    return {
      ...nothing(assigneeId, classification),
      addedMinutes: own.addedMinutes,
      weeks: own.weeks.map((w) => ({ ...w, reserveTakenMinutes: 0 })),
    };
  if (own.reserveTakenMinutes === 0) return { ...nothing(assigneeId, classification), ...own };

  const alternatives = people
    .filter((p) => p.userId !== assigneeId && takesWithoutReserve(without.get(p.userId)!, withIt.get(p.userId)!))
    .map((p) => ({ userId: p.userId, name: p.name, freeMinutes: freeInWeeks(without.get(p.userId)!, withIt.get(p.userId)!) }))
    .sort((a, b) => b.freeMinutes - a.freeMinutes || a.name.localeCompare(b.name))
    .slice(0, maxAlternatives);
  return { assigneeId, classification, ...own, alternatives, laterDate: laterDateFor(db, request.id, assignee, commitment, today) };
}

const byPerson = (people: CapacityPerson[]) => new Map(people.map((p) => [p.userId, p.weeks]));

/**
 * The earliest working day after the request's date (and after today), within twelve weeks, that
 * spreads the request thinly enough for the assignee to take it without reserve; null if none.
 * Pure arithmetic over their commitments, read once.
 */
function laterDateFor(
  db: Queryable,
  requestId: number,
  person: { userId: number; weeklyMinutes: number; strategicReserveMinutes: number },
  commitment: Commitment,
  today: string,
): string | null {
  const holidays = allHolidays(db);
  const calendar = { ...person, holidays };
  const own = assignedCommitments(db, [person.userId]).filter((c) => c.requestId !== requestId);
  const last = addDays(today, 7 * laterDateWeeks);
  const weeks = Array.from({ length: laterDateWeeks + 1 }, (_, i) => addDays(mondayOf(today), 7 * i));
  const base = capacityWeeks(calendar, own, weeks, today);
  const after = commitment.until && commitment.until > today ? commitment.until : today;
  for (let day = firstWorkingDayFrom(addDays(after, 1), holidays); day <= last; day = firstWorkingDayFrom(addDays(day, 1), holidays)) {
    const withIt = capacityWeeks(calendar, [...own, { ...commitment, until: day }], weeks, today);
    if (takesWithoutReserve(base, withIt)) return day;
  }
  return null;
}
