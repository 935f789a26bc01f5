import { buildFederatedSchema, containerOf } from '@cpss/server-kit';
import { Person } from './entities/person';
import { PersonTrainingResolver } from './resolvers/person.resolver';
import { personReference } from './resolvers/person.reference';
import type { TrainingRecordService } from './services/training-record.service';

export const resolvers = [PersonTrainingResolver] as const;

export function buildTrainingSchema(services?: { records: TrainingRecordService }) {
  return buildFederatedSchema({
    resolvers,
    // Person is only extended here (no query returns it), so it must be listed to be emitted.
    orphanedTypes: [Person],
    container: services ? containerOf([new PersonTrainingResolver(services.records)]) : undefined,
    referenceResolvers: { Person: personReference() },
  });
}
