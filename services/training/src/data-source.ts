import { createDataSource } from '@cpss/server-kit';
import { TrainingCompletion } from './entities/training-completion';
import { CreateTrainingCompletion1763900000000 } from './migrations/1763900000000-CreateTrainingCompletion';

export const SCHEMA = 'training';

export function createTrainingDataSource(url: string) {
  return createDataSource({ url, schema: SCHEMA, entities: [TrainingCompletion], migrations: [CreateTrainingCompletion1763900000000] });
}
