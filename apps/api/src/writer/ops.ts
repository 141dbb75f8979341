import type { Access } from '@altitude/shared/domain';
import type { SessionUser } from '@altitude/shared/auth';
import type { Tx } from '../db/client';
import { insertRequest } from '../modules/requests/filing.service';
import { applyMove } from '../modules/requests/move.service';
import type { WriterOp, WriterOpArgs } from './messages';

/*
 * The writes the writer thread runs (writer.ts): the board's hottest, a move and a filing. Each
 * is the same synchronous body the main thread's commit queue would run, with the route's access
 * rule; the thread re-checks the actor with it inside the transaction, as `writeAsQueued` does.
 */
export const writerOps = {
  move: {
    access: 'marketer',
    body: (tx: Tx, user: SessionUser, a: WriterOpArgs['move']) => applyMove(tx, user, a.id, a.body, a.now),
  },
  create: {
    access: 'signedIn',
    body: (tx: Tx, user: SessionUser, a: WriterOpArgs['create']) => insertRequest(tx, user, a.body, a.now),
  },
} satisfies { [K in WriterOp]: { access: Access; body: (tx: Tx, user: SessionUser, args: WriterOpArgs[K]) => unknown } };
