import { quarterOf, quarterRange } from '@altitude/shared/quarter';
import type { Tx } from '../client';
import * as t from '../schema';
import { demoTypes, strategicPrograms } from './demo-catalog';
import { isoDate, type Activity, type RequestRow } from './demo-requests';

/** The quarter before `quarter` (`YYYY-Qn`). */
export function previousQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/**
 * The demo's initiatives: two this quarter, one last quarter, each what a flagship program
 * (demo-catalog.ts) serves. `when` says which quarter; `types` which strategic types feed it.
 */
export const demoInitiatives = [
  {
    name: 'Brand platform 2027',
    owner: 'cmo@example.com',
    when: 'current',
    goal: 'Leadership signs off the new narrative and identity before the year ends.',
    program: 'Brand platform refresh 2027',
    types: ['Brand platform', 'Positioning & messaging'],
  },
  {
    name: 'Own AI in operations',
    owner: 'nina.marketing@example.com',
    when: 'current',
    goal: 'Rank in the top three for AI in operations and put the pillar guide in every sales conversation.',
    program: 'Content pillars: AI in operations',
    types: ['Content strategy', 'Market research', 'Pricing & packaging input'],
  },
  {
    name: 'Win the mid-market',
    owner: 'jules.marketing@example.com',
    when: 'previous',
    goal: 'Know how mid-market buying committees decide, and rebuild positioning and the sales playbook on it.',
    program: 'Mid-market buyer research program',
    types: [] as string[],
  },
] as const;

/**
 * Inserts the initiatives and links most confirmed strategic requests to one: the flagship
 * programs to theirs, the others filed this quarter by type, last quarter's to its initiative.
 * Some stay unlinked on purpose (older work, every fourth request, half of the tactical types
 * classified strategic), so Insights has strategic hours that serve no initiative. Uses no
 * random draws, so the rest of the demo is unchanged. Call before the requests are inserted.
 */
export function linkDemoInitiatives(
  tx: Tx,
  requests: RequestRow[],
  activity: Activity[],
  ctx: { end: number; people: { id: number; email: string; role: string }[] },
): void {
  const current = quarterOf(isoDate(ctx.end));
  const previous = previousQuarter(current);
  const ids = demoInitiatives.map((i) => {
    const quarter = i.when === 'current' ? current : previous;
    return tx
      .insert(t.initiatives)
      .values({
        name: i.name,
        ownerId: ctx.people.find((p) => p.email === i.owner)!.id,
        quarter,
        goal: i.goal,
        createdAt: `${quarterRange(quarter).from}T09:00:00.000Z`,
      })
      .returning({ id: t.initiatives.id })
      .get().id;
  });
  const programs = new Set<string>(strategicPrograms.map((p) => p.title));
  const lead = ctx.people.find((p) => p.role === 'lead')!.id;
  for (const r of requests) {
    if (r.classification !== 'strategic' || r.classificationSuggested) continue;
    const type = demoTypes[r.typeId - 1]!;
    const quarter = quarterOf(r.createdAt!.slice(0, 10));
    let index: number;
    if (programs.has(r.title)) index = demoInitiatives.findIndex((i) => i.program === r.title);
    else if (r.id % 4 === 3 || (type.defaultClassification === 'tactical' && r.id % 2 === 0)) continue;
    else if (quarter === current)
      index = demoInitiatives.findIndex((i) => i.when === 'current' && (i.types as readonly string[]).includes(type.name));
    else if (quarter === previous) index = demoInitiatives.findIndex((i) => i.when === 'previous');
    else continue;
    // A tactical type classified strategic serves the initiative the marketer chose: the content one.
    if (index < 0) index = 1;
    r.initiativeId = ids[index]!;
    r.version = (r.version ?? 1) + 1;
    // Linked when it was classified: the activity sort is stable, so the link reads after the class.
    const at = r.classifiedAt ?? r.createdAt!;
    activity.push({
      requestId: r.id,
      actorId: r.classifiedById ?? lead,
      kind: 'linked',
      field: 'initiative',
      toValue: demoInitiatives[index]!.name,
      createdAt: at,
    });
  }
}
