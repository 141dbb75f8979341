import { eq } from 'drizzle-orm';
import { checkAnswers, type FieldAnswers, type IntakeField } from '@altitude/shared/intake-fields';
import type { Queryable } from '../../db/client';
import { requestTypes } from '../../db/schema';
import { invalidAnswers, unknownType } from './requests.errors';

/**
 * The answers as stored, checked against `questions` (blank optional answers left out); a 422
 * naming `fields.<key>` for each that does not fit, and for each key that is not a question.
 */
export function checkedAnswers(questions: readonly IntakeField[], answers: Readonly<Record<string, unknown>>): FieldAnswers {
  const checked = checkAnswers(questions, answers);
  if (!checked.ok) throw invalidAnswers(checked.problems);
  return checked.answers;
}

/** The same, against the questions request type `typeId` asks now. */
export function answersForType(tx: Queryable, typeId: number, answers: Readonly<Record<string, unknown>>): FieldAnswers {
  const type = tx.select({ fields: requestTypes.fields }).from(requestTypes).where(eq(requestTypes.id, typeId)).get();
  if (!type) throw unknownType();
  return checkedAnswers(type.fields, answers);
}
