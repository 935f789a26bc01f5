// A count of the writes committed through a DataSource, for caches of derived answers (the
// statistics): an answer counted at one generation is stale once the generation has moved. Every
// insert, update and removal through an entity, and every transaction committed (raw statements
// inside one included), moves it. Writes by another process, or raw statements outside a
// transaction, do not: a cache keyed on it keeps a maximum age as well.
import type { DataSource, EntitySubscriberInterface } from 'typeorm';

export function writeGeneration(dataSource: DataSource): () => number {
  // TypeORM replaces its subscriber list when it initializes: one added before would be lost.
  if (!dataSource.isInitialized) throw new Error('writeGeneration needs an initialized DataSource');
  let generation = 0;
  const moved = () => {
    generation += 1;
  };
  const subscriber: EntitySubscriberInterface = {
    afterInsert: moved,
    afterUpdate: moved,
    afterRemove: moved,
    afterSoftRemove: moved,
    afterRecover: moved,
    afterTransactionCommit: moved,
  };
  dataSource.subscribers.push(subscriber);
  return () => generation;
}

/**
 * The last answer of a costly read kept for a while: served again under the same key while it is
 * younger than `maxAgeMs` and no write has moved `generation` since it was asked; concurrent
 * requests share one read. A failed read is not kept. `maxAgeMs` 0 reads every time.
 */
export class RecentAnswer<T> {
  private entry: { key: string; generation: number; at: number; answer: Promise<T> } | null = null;

  constructor(
    private readonly maxAgeMs: number,
    private readonly generation: () => number,
  ) {}

  get(key: string, read: () => Promise<T>): Promise<T> {
    if (this.maxAgeMs <= 0) return read();
    const generation = this.generation();
    const now = Date.now();
    const e = this.entry;
    if (e && e.key === key && e.generation === generation && now - e.at < this.maxAgeMs) return e.answer;
    const answer = read();
    this.entry = { key, generation, at: now, answer };
    answer.catch(() => {
      if (this.entry?.answer === answer) this.entry = null;
    });
    return answer;
  }
}

/** A RecentAnswer over the writes committed through `dataSource` (none kept when maxAgeMs is 0). */
export function recentAnswer<T>(dataSource: DataSource, maxAgeMs: number): RecentAnswer<T> {
  return new RecentAnswer<T>(maxAgeMs, maxAgeMs > 0 ? writeGeneration(dataSource) : () => 0);
}
