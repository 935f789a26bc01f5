import { buildFederatedSchema, containerOf } from '@cpss/server-kit';
import type { CertificationServices } from './certification-services';
import { CertificationPolicyResolver } from './resolvers/policy.resolver';
import { PersonResolver } from './resolvers/person.resolver';
import { personReference } from './resolvers/person.reference';

export const resolvers = [PersonResolver, CertificationPolicyResolver] as const;

function instances(s: CertificationServices): object[] {
  return [new PersonResolver(s.people), new CertificationPolicyResolver(s.policy, s.clock)];
}

export function buildCertificationSchema(services?: CertificationServices) {
  return buildFederatedSchema({
    resolvers,
    container: services ? containerOf(instances(services)) : undefined,
    referenceResolvers: services ? { Person: personReference(services.people) } : { Person: () => null },
  });
}
