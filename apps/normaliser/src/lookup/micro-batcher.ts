/**
 * DataLoader-style coalescing: keys asked for in the same event-loop turn are fetched with
 * one call (at most `maxBatch` keys each), and concurrent asks for the same key share it.
 * Nothing is cached across turns, so every answer is as fresh as its query.
 */
export class MicroBatcher<K, V> {
  private queue = new Map<
    K,
    { resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[]
  >();
  private scheduled = false;

  constructor(
    private readonly fetch: (keys: K[]) => Promise<Map<K, V>>,
    private readonly maxBatch: number,
  ) {}

  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const waiting = this.queue.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else this.queue.set(key, [{ resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.dispatch());
      }
    });
  }

  private dispatch(): void {
    this.scheduled = false;
    const all = [...this.queue];
    this.queue = new Map();
    for (let i = 0; i < all.length; i += this.maxBatch)
      void this.run(all.slice(i, i + this.maxBatch));
  }

  private async run(
    batch: [K, { resolve: (v: V | undefined) => void; reject: (e: unknown) => void }[]][],
  ): Promise<void> {
    try {
      const found = await this.fetch(batch.map(([k]) => k));
      for (const [k, waiting] of batch) for (const w of waiting) w.resolve(found.get(k));
    } catch (e) {
      for (const [, waiting] of batch) for (const w of waiting) w.reject(e);
    }
  }
}
