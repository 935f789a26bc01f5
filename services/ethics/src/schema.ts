import { buildFederatedSchema, containerOf } from '@cpss/server-kit';
import type { EthicsServices } from './ethics-services';
import { Person } from './entities/person';
import { PersonEthicsResolver } from './resolvers/person.resolver';
import { personReference } from './resolvers/person.reference';
import { EthicsPolicyResolver } from './resolvers/policy.resolver';
import { CodeOfEthicsResolver, EthicsAcknowledgmentResolver } from './resolvers/code-of-ethics.resolver';

export const resolvers = [PersonEthicsResolver, EthicsPolicyResolver, CodeOfEthicsResolver, EthicsAcknowledgmentResolver] as const;

function instances(s: EthicsServices): object[] {
  return [
    new PersonEthicsResolver(s.acknowledgments),
    new EthicsPolicyResolver(s.policy, s.clock),
    new CodeOfEthicsResolver(s.codes, s.acknowledgments, s.clock),
    new EthicsAcknowledgmentResolver(s.codes),
  ];
}

export function buildEthicsSchema(services?: EthicsServices) {
  return buildFederatedSchema({
    resolvers,
    // Person is only extended here (no query returns it), so it must be listed to be emitted.
    orphanedTypes: [Person],
    container: services ? containerOf(instances(services)) : undefined,
    referenceResolvers: { Person: personReference() },
  });
}
