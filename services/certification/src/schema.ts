import { buildFederatedSchema, containerOf } from '@cpss/server-kit';
import { PersonResolver } from './resolvers/person.resolver';
import { personReference } from './resolvers/person.reference';
import type { PersonService } from './services/person.service';

export const resolvers = [PersonResolver] as const;

export function buildCertificationSchema(services?: { people: PersonService }) {
  return buildFederatedSchema({
    resolvers,
    container: services ? containerOf([new PersonResolver(services.people)]) : undefined,
    referenceResolvers: services ? { Person: personReference(services.people) } : { Person: () => null },
  });
}
