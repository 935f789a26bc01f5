import { buildFederatedSchema, containerOf } from '@cpss/server-kit';
import { Person } from './entities/person';
import { PersonEthicsResolver } from './resolvers/person.resolver';
import { personReference } from './resolvers/person.reference';
import type { AcknowledgmentService } from './services/acknowledgment.service';

export const resolvers = [PersonEthicsResolver] as const;

export function buildEthicsSchema(services?: { acknowledgments: AcknowledgmentService }) {
  return buildFederatedSchema({
    resolvers,
    // Person is only extended here (no query returns it), so it must be listed to be emitted.
    orphanedTypes: [Person],
    container: services ? containerOf([new PersonEthicsResolver(services.acknowledgments)]) : undefined,
    referenceResolvers: { Person: personReference() },
  });
}
