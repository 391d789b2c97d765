// Segments finish out of order (several requests run at once) but audio must be
// joined in order: this hands them on in order as soon as each next one is ready.
export class OrderedStream<T> implements AsyncIterable<T> {
  private readonly ready = new Map<number, T>();
  private nextIndex = 0;
  private failure: unknown;
  private wake: (() => void) | undefined;

  constructor(private readonly length: number) {}

  push(index: number, value: T): void {
    this.ready.set(index, value);
    this.wake?.();
  }

  fail(error: unknown): void {
    this.failure = error ?? new Error('stream failed');
    this.wake?.();
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
      yield value;
    }
  }
}
