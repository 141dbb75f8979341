import { describe, expect, it } from 'vitest';
import { HashQueue } from '../src/lib/hash-queue';

/** The cap on concurrent password hashes (issue 9, item 2), on tasks whose end the test controls. */
describe('HashQueue', () => {
  function deferred() {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  }

  it('runs at most 2 at once, starts the waiting ones in arrival order, and is full at 2 running + 16 waiting', async () => {
    const queue = new HashQueue(2, 16);
    const gates = Array.from({ length: 18 }, deferred);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const runs = gates.map((gate, i) => {
      expect(queue.full, `full before task ${i}`).toBe(false);
      return queue.run(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await gate.promise;
        running--;
        return i;
      });
    });
    expect(queue.size).toBe(18);
    expect(queue.full).toBe(true);
    expect(queue.retryAfterSeconds()).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);

    // Finish them out of order; the freed slot always goes to the longest-waiting task.
    for (const i of [1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14, 17, 16]) {
      gates[i]!.resolve();
      await new Promise((r) => setImmediate(r));
    }
    expect(await Promise.all(runs)).toEqual(gates.map((_, i) => i));
    expect(started).toEqual(gates.map((_, i) => i));
    expect(most).toBe(2);
    expect(queue.size).toBe(0);
    expect(queue.full).toBe(false);
  });

  it('frees the slot when a task fails', async () => {
    const queue = new HashQueue(1, 0);
    await expect(queue.run(() => Promise.reject(new Error('scrypt failed')))).rejects.toThrow('scrypt failed');
    expect(queue.size).toBe(0);
    expect(await queue.run(async () => 'next')).toBe('next');
  });
});
