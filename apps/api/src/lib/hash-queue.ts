/**
 * A small concurrency cap for password hashes. scrypt runs on libuv's thread pool (4 threads by
 * default), the same threads that read the web app's files from disk; a burst of sign-ins left
 * unchecked fills it, and every page load waits behind the hashes (issue 9: ~80 s for 100
 * sign-ins). At most `concurrency` hashes run at once and the rest wait in order; sign-in asks
 * `full` first and turns the excess away with a Retry-After instead of queueing without end.
 */
export class HashQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** Moving average of one hash's duration, for an honest Retry-After. */
  private averageMs = 100;

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {}

  /** True when every slot is busy and the wait queue is at its bound. */
  get full(): boolean {
    return this.running >= this.concurrency && this.waiting.length >= this.maxWaiting;
  }

  /** How many hashes run or wait right now. */
  get size(): number {
    return this.running + this.waiting.length;
  }

  /** Whole seconds until the queue ahead has likely drained (at least 1). */
  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(((this.size / this.concurrency) * this.averageMs) / 1000));
  }

  /**
   * Runs `task` once a slot is free. The slot is taken (or the place in line joined)
   * synchronously, before `run` first yields, so a caller that checked `full` in the same
   * synchronous step is sure of its place.
   */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    const started = performance.now();
    try {
      return await task();
    } finally {
      this.averageMs = 0.8 * this.averageMs + 0.2 * (performance.now() - started);
      // Hand the slot straight to the next in line, so a newcomer cannot overtake it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
