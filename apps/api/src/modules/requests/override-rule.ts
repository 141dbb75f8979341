import type { Classification } from '@altitude/shared/domain';

/**
 * The one rule behind "classification that cannot be gamed quietly": a confirmed class that
 * differs from the request type's default carries a note saying why. Every write that can put a
 * request into that state (classifying, retyping a classified request) asks this, so the rule
 * holds for the state, not for one route.
 */
export function overrideUnexplained(state: {
  classification: Classification | null;
  classificationSuggested: boolean;
  defaultClassification: Classification;
  note: string | null;
}): boolean {
  if (state.classificationSuggested || state.classification === null) return false;
  return state.classification !== state.defaultClassification && !state.note?.trim();
}
