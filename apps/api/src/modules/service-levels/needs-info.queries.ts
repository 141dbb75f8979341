import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { NeedsInfoRound } from '@altitude/shared/service-levels';
import type { Queryable, Tx } from '../../db/client';
import { requestQuestions, requests } from '../../db/schema';

const roundColumns = {
  id: requestQuestions.id,
  requestId: requestQuestions.requestId,
  question: requestQuestions.question,
  askedById: requestQuestions.askedById,
  askedAt: requestQuestions.askedAt,
  answer: requestQuestions.answer,
  answeredById: requestQuestions.answeredById,
  answeredAt: requestQuestions.answeredAt,
};

/** A request's needs-info rounds, oldest first. */
export function listRounds(db: Queryable, requestId: number): NeedsInfoRound[] {
  return db
    .select(roundColumns)
    .from(requestQuestions)
    .where(eq(requestQuestions.requestId, requestId))
    .orderBy(asc(requestQuestions.askedAt), asc(requestQuestions.id))
    .all();
}

/** The clock columns the API never answers (the request read hides them). */
export function clockOf(tx: Tx, requestId: number) {
  return tx
    .select({ pausedMinutes: requests.pausedMinutes, pausedSince: requests.pausedSince, firstResponseAt: requests.firstResponseAt })
    .from(requests)
    .where(eq(requests.id, requestId))
    .get()!;
}

export function insertQuestion(tx: Tx, requestId: number, askedById: number, question: string, askedAt: string): void {
  tx.insert(requestQuestions).values({ requestId, askedById, question, askedAt }).run();
}

/**
 * Answers the latest unanswered round and returns who asked it; null when there is none. An older
 * one can stay unanswered for good: a request closed while waiting drops its question (the clock
 * stops with the close).
 */
export function answerOpenRound(
  tx: Tx,
  requestId: number,
  answeredById: number,
  answer: string,
  answeredAt: string,
): { askedById: number } | null {
  const open = tx
    .select({ id: requestQuestions.id, askedById: requestQuestions.askedById })
    .from(requestQuestions)
    .where(and(eq(requestQuestions.requestId, requestId), isNull(requestQuestions.answeredAt)))
    .orderBy(desc(requestQuestions.id))
    .get();
  if (!open) return null;
  tx.update(requestQuestions).set({ answer, answeredById, answeredAt }).where(eq(requestQuestions.id, open.id)).run();
  return { askedById: open.askedById };
}
