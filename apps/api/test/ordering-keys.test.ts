import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@altitude/shared/auth';
import type { Request } from '@altitude/shared/requests';
import { requestTypes } from '../src/db/schema';
import { maxKeyLength } from '../src/modules/requests/ordering';
import { createRequest } from '../src/modules/requests/filing.service';
import { moveRequest } from '../src/modules/requests/move.service';
import { classifyRequest, type Deps } from '../src/modules/requests/requests.service';
import { createTestApp, type TestApp } from './harness';
import { eq } from 'drizzle-orm';
import { addUser, tickingClock } from './request-helpers';
import { sessionUser } from './route-calls';

/**
 * Ordering keys under the worst pattern there is: every insert into the same, ever smaller gap.
 * The service is called directly (no HTTP) so 10,000 inserts take seconds; the bound is
 * `maxKeyLength` in ordering.ts, past which the column is rebalanced.
 */

let t: TestApp;
let deps: Deps;
let marketer: SessionUser;
const version = new Map<number, number>();
let rebalances = 0;

beforeAll(async () => {
  t = await createTestApp({ seed: 'baseline', now: tickingClock() });
  await addUser(t, 'marketer@example.com', 'marketer', 'Marketing');
  marketer = sessionUser(t.app.db, 'marketer@example.com');
  deps = { db: t.app.db, events: t.app.events, now: t.app.clock };
  t.app.events.subscribe((event) => {
    if (event.type === 'column.rebalanced') rebalances++;
  });
});
afterAll(() => t.app.close());

const track = (r: Request) => {
  version.set(r.id, r.version);
  return r;
};

/** A new card, classified, placed last in `status`. */
function card(title: string, status: 'planned' | 'in_progress'): number {
  const typeId = t.app.db
    .select({ id: requestTypes.id })
    .from(requestTypes)
    .where(eq(requestTypes.defaultClassification, 'tactical'))
    .get()!.id;
  const created = track(createRequest(deps, marketer, { title, typeId }));
  track(classifyRequest(deps, marketer, created.id, { classification: 'tactical', version: created.version }));
  return track(moveRequest(deps, marketer, created.id, { status, version: version.get(created.id)! })).id;
}

const move = (id: number, place: { beforeId?: number; afterId?: number }) =>
  track(moveRequest(deps, marketer, id, { status: 'planned', version: version.get(id)!, ...place }));

/** The planned column as the board orders it. */
const column = () =>
  t.app.db.$client.prepare("select id, position from requests where status = 'planned' order by position").all() as {
    id: number;
    position: string;
  }[];

describe('ordering keys', () => {
  it(
    `10,000 inserts into the same gap keep every key within ${maxKeyLength} characters and the order exactly as asked`,
    { timeout: 120_000 },
    () => {
      const expected = Array.from({ length: 24 }, (_, i) => card(`Card ${i}`, 'planned'));
      const top = expected[0]!;
      const startRebalances = rebalances;
      let longest = 0;
      for (let i = 0; i < 10_000; i++) {
        // The card just above the bottom one goes directly below the top card: the gap under the top
        // card is the one the previous insert just halved.
        const id = expected[expected.length - 2]!;
        const moved = move(id, { beforeId: top, afterId: expected[1]! });
        expected.splice(expected.length - 2, 1);
        expected.splice(1, 0, id);
        longest = Math.max(longest, moved.position.length);
        const now = column();
        if (now.some((c) => c.position.length > maxKeyLength) || now.map((c) => c.id).join() !== expected.join()) {
          expect({ insert: i, column: now }).toEqual({ insert: i, column: expected.map((id) => ({ id, position: expect.any(String) })) });
          expect(Math.max(...now.map((c) => c.position.length))).toBeLessThanOrEqual(maxKeyLength);
        }
      }
      expect(longest).toBeLessThanOrEqual(maxKeyLength);
      // The bound was really reached and handled, many times over.
      expect(rebalances - startRebalances).toBeGreaterThan(10);
    },
  );

  it('two inserts between the same neighbours never get the same key: the second lands between the neighbour and the first', () => {
    const expected = column().map((c) => c.id);
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      // Two neighbours, and two other cards of the column aimed at the gap between them.
      const at = random(expected.length - 1);
      const [above, below] = [expected[at]!, expected[at + 1]!];
      const movers = expected.filter((id) => id !== above && id !== below);
      const first = movers[random(movers.length)]!;
      const second = movers.filter((id) => id !== first)[random(movers.length - 1)]!;
      const a = move(first, { beforeId: above, afterId: below });
      const b = move(second, { beforeId: above, afterId: below });
      expect(a.position).not.toBe(b.position);
      for (const id of [first, second]) expected.splice(expected.indexOf(id), 1);
      expected.splice(expected.indexOf(above) + 1, 0, second, first);
      const now = column();
      expect(now.map((c) => c.id)).toEqual(expected);
      expect(new Set(now.map((c) => c.position)).size).toBe(now.length);
      for (const c of now) expect(c.position.length).toBeLessThanOrEqual(maxKeyLength);
    }
  });
});
