/**
 * (Scheduling only, no I/O: the batch function supplied does the work.)
 * Collects calls made in the same tick and runs them as one batch: many webhooks arriving
 * together share one INSERT (one commit) instead of one each. Every caller still waits for
 * its own item to be durable before it answers.
 *
 * A batch is all or nothing, so when one fails each of its items is run again on its own: an
 * item the store refuses fails alone, and its neighbours succeed as if it had not been there.
 * The batch function must therefore be safe to repeat for items of a failed batch (an atomic
 * statement, or idempotent writes).
 */
export class MicroBatch<I, O> {
  private pending: { item: I; resolve(value: O): void; reject(error: unknown): void }[] = [];
  private scheduled = false;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: {
      maxSize?: number;
      /** Whether a failed batch is worth splitting; an outage fails every item alike. */
      isolate?: (error: unknown) => boolean;
    } = {},
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= (this.options.maxSize ?? 500)) this.flush();
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
    this.attempt(batch.map((entry) => entry.item)).then(
      (results) => batch.forEach((entry, index) => entry.resolve(results[index] as O)),
      (error: unknown) => {
        if (batch.length === 1 || this.options.isolate?.(error) === false) {
          for (const entry of batch) entry.reject(error);
          return;
        }
        for (const entry of batch) {
          this.attempt([entry.item]).then(
            ([result]) => entry.resolve(result as O),
            (error: unknown) => entry.reject(error),
          );
        }
      },
    );
  }

  /** One call of the batch function; a synchronous throw is a failed batch like any other. */
  private async attempt(items: I[]): Promise<O[]> {
    return this.run(items);
  }
}
