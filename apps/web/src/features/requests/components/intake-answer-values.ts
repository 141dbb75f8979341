import { checkAnswers, type FieldAnswer, type IntakeField } from '@altitude/shared/intake-fields';

/**
 * What the form holds for each question while it is filled in: text ('' when empty), a
 * checkbox's boolean, a choice's option (null when none), a NumberInput's number or its text.
 */
export type AnswerValue = string | number | boolean | null;
export type AnswerValues = Record<string, AnswerValue>;

/** Empty answers for a type's questions, so every input starts controlled. */
export const blankAnswers = (questions: readonly IntakeField[]): AnswerValues =>
  Object.fromEntries(questions.map((q) => [q.key, q.kind === 'checkbox' ? false : q.kind === 'choice' ? null : '']));

/**
 * The answers as the API takes them: unanswered ones left out (the API drops blank ones too),
 * a number typed as text sent as the number it reads as (else as typed, to be refused by name).
 */
export function answersBody(questions: readonly IntakeField[], values: AnswerValues): Record<string, FieldAnswer> {
  const body: Record<string, FieldAnswer> = {};
  for (const q of questions) {
    const v = values[q.key];
    if (v === null || v === undefined || v === '') continue;
    if (q.kind === 'number' && typeof v === 'string') body[q.key] = v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
    else body[q.key] = v;
  }
  return body;
}

const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/** The form's errors for the answers, by path `fields.<key>`, from the rules the API applies. */
export function answerErrors(questions: readonly IntakeField[], values: AnswerValues): Record<string, string> {
  const checked = checkAnswers(questions, answersBody(questions, values));
  return checked.ok ? {} : Object.fromEntries(checked.problems.map((p) => [p.path, sentence(p.message)]));
}
