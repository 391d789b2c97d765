// Segments finish out of order (several requests run at once) but audio must be
// joined in order: this hands them on in order as soon as each next one is ready.
// It holds at most `window` segments ahead of the consumer: push() waits for room, so a
// fast producer (cache hits) never piles up a book's audio in memory.
export class OrderedStream<T> implements AsyncIterable<T> {
  private readonly ready = new Map<number, T>();
  private nextIndex = 0;
  private failure: unknown;
  private wake: (() => void) | undefined;
  private readonly waiting: Array<{ index: number; resume: () => void }> = [];

  constructor(
    private readonly length: number,
    private readonly window = Infinity,
  ) {}

  /** Resolves once the consumer is within `window` of this index. */
  async push(index: number, value: T): Promise<void> {
    this.ready.set(index, value);
    this.wake?.();
    if (index < this.nextIndex + this.window || this.failure !== undefined) return;
    await new Promise<void>((resume) => this.waiting.push({ index, resume }));
  }

  private release(): void {
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const w = this.waiting[i]!;
      if (w.index < this.nextIndex + this.window || this.failure !== undefined) {
        this.waiting.splice(i, 1);
        w.resume();
      }
    }
  }

  fail(error: unknown): void {
    this.failure = error ?? new Error('stream failed');
    this.wake?.();
    this.release();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    while (this.nextIndex < this.length) {
      if (this.failure !== undefined) throw this.failure;
      const value = this.ready.get(this.nextIndex);
      if (value === undefined) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
        continue;
      }
      this.ready.delete(this.nextIndex++);
      this.release();
      yield value;
    }
  }
}
