import type { Insight } from '@altitude/shared/insights';
import type { InsightFacts, InsightRule } from './facts';
import { insightRules } from './insight-rules';

export const maxInsights = 10;

/** Runs every rule and ranks what they say, most important first (ties keep the rules' order). */
export function buildInsights(facts: InsightFacts, rules: readonly InsightRule[] = insightRules): Insight[] {
  const drafts = rules.flatMap((rule) => {
    const draft = rule.apply(facts);
    return draft ? [{ id: rule.id, ...draft }] : [];
  });
  const search = `?from=${facts.period.from}&to=${facts.period.to}`;
  return drafts
    .map((d, order) => ({ d, order }))
    .sort((a, b) => b.d.importance - a.d.importance || a.order - b.order)
    .slice(0, maxInsights)
    .map(({ d }) => ({
      id: d.id,
      importance: Math.round(d.importance),
      text: d.text,
      figures: d.figures,
      link: `/insights${search}#${d.section}`,
    }));
}
