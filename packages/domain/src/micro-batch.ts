/**
 * (Scheduling only, no I/O: the batch function supplied does the work.)
 * Collects calls made in the same tick and runs them as one batch: many webhooks arriving
 * together share one INSERT (one commit) instead of one each. Every caller still waits for
 * its own item to be durable before it answers.
 */
export class MicroBatch<I, O> {
  private pending: { item: I; resolve(value: O): void; reject(error: unknown): void }[] = [];
  private scheduled = false;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly maxSize = 500,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.maxSize) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.run(batch.map((entry) => entry.item)).then(
      (results) => batch.forEach((entry, index) => entry.resolve(results[index] as O)),
      (error: unknown) => batch.forEach((entry) => entry.reject(error)),
    );
  }
}
