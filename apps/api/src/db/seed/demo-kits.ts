import type { SelfServeKit } from '@altitude/shared/self-serve-kits';
import type * as t from '../schema';
import { dayMs, iso, type RequestRow } from './demo-requests';
import { createRandom } from './random';

/**
 * The demo's hand-back story: six weeks before the demo ends, the CMO published a banner kit for
 * Sales (Event banner was Sales' top hand-back candidate). Since then salespeople used it now
 * and then instead of filing, and every Sales banner filed since counts as filed anyway, some
 * with a reason. Its own random stream, so the rest of the demo draws what it drew before.
 */

export const demoKitType = 'Event banner';
export const demoKitInstructions =
  'Open the banner template, pick the event size (roll-up, booth wall or web), drop in the event name and date, and export as PDF. The logo and fonts are locked in.';
const kitUrl = 'https://brand.example.com/kits/event-banners';
const publishedDaysBeforeEnd = 42;

const reasons = [
  'The venue needs a custom size the template does not have.',
  'It is co-branded with a partner, so the logo lockup differs.',
  'The customer asked for a translated version.',
  'Short on time this week; the kit would have taken me longer.',
];

export interface KitPlan {
  kit: SelfServeKit;
  publishedAt: string;
  outcomes: (typeof t.kitOutcomes.$inferInsert)[];
}

interface Context {
  typeId: number;
  salesId: number;
  /** Sales people who file (the demo sales sign-in among them). */
  salesPeople: number[];
  requests: RequestRow[];
  end: number;
}

export function planKits({ typeId, salesId, salesPeople, requests, end }: Context): KitPlan {
  const rnd = createRandom(20261213);
  // Published at 08:00 UTC, before the day's filings.
  const sixWeeksBefore = end - publishedDaysBeforeEnd * dayMs;
  const published = sixWeeksBefore - (sixWeeksBefore % dayMs) + 8 * 3_600_000;
  const publishedAt = iso(published);
  // Every Sales banner filed since the kit went up was filed anyway; about one in three says why.
  const filed = requests
    .filter((r) => r.typeId === typeId && r.departmentId === salesId && r.createdAt! > publishedAt)
    .map((r) => ({
      typeId,
      userId: r.requesterId,
      departmentId: salesId,
      outcome: 'filed' as const,
      reason: rnd.chance(0.35) ? rnd.pick(reasons) : null,
      requestId: r.id,
      createdAt: r.createdAt!,
    }));
  // A handful of uses, weekdays in office hours, growing as word spreads.
  const used = Array.from({ length: 9 }, (_, i) => {
    let day = published - 8 * 3_600_000 + Math.round(((i + 1) / 10) * (publishedDaysBeforeEnd - 1)) * dayMs;
    while ([0, 6].includes(new Date(day).getUTCDay())) day += dayMs;
    const at = Math.min(day + rnd.int(9 * 60, 16 * 60) * 60_000, end - 60_000);
    return {
      typeId,
      userId: rnd.pick(salesPeople),
      departmentId: salesId,
      outcome: 'used' as const,
      reason: null,
      requestId: null,
      createdAt: iso(at),
    };
  });
  return {
    kit: { url: kitUrl, instructions: demoKitInstructions, departmentIds: [salesId] },
    publishedAt,
    outcomes: [...filed, ...used].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  };
}
