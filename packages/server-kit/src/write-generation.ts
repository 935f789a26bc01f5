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
