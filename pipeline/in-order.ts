/**
 * Results that finish in any order, handed on in input order: the batch's reorder buffer. Reading ahead
 * waits while `window` finished results wait for a slow one before them, so memory stays bounded by a few
 * documents whatever the size of the batch. The first error (or a cancel) stops everything: the feeder
 * stops waiting and starting, and results still arriving are dropped.
 */
export class InOrder<T> {
  /** the next index to hand on: every result before it has been */
  next = 0;
  /** the first error met (a failed write, a cancel); once set, nothing more is handed on */
  fatal: unknown = null;
  private readonly done = new Map<number, T>();
  private wake: (() => void) | null = null;
  private writing: Promise<void> = Promise.resolve();

  /** `write(index, result)` is called once per index, in index order, never two at once. */
  constructor(private readonly write: (index: number, result: T) => Promise<void>) {}

  /** Wait until index `i` is within `window` of the next one to hand on (or a fatal error). */
  async waitForRoom(i: number, window: number): Promise<void> {
    while (i - this.next >= window && !this.fatal) await new Promise<void>((r) => (this.wake = r));
  }

  /** The result of index `i`: handed on with every result after it that is already there. */
  async put(i: number, result: T): Promise<void> {
    if (this.fatal) return;
    this.done.set(i, result);
    this.writing = this.writing.then(() => this.flush());
    await this.writing;
  }

  /** Record the first error and let a waiting feeder see it. */
  fail(e: unknown): void {
    this.fatal ??= e;
    this.wakeFeeder();
  }

  /** Let a feeder waiting for room look again. */
  wakeFeeder(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  /** Wait for the writes begun so far; a write that failed becomes the fatal error. */
  async settled(): Promise<void> {
    await this.writing.catch((e: unknown) => (this.fatal ??= e));
  }

  private async flush(): Promise<void> {
    while (this.done.has(this.next)) {
      const r = this.done.get(this.next)!;
      this.done.delete(this.next);
      await this.write(this.next, r);
      this.next++;
      this.wakeFeeder();
    }
  }
}
