import { buildFederatedSchema, containerOf } from '@cpss/server-kit';
import { Person } from './entities/person';
import { RegistryEntry } from './entities/registry-entry';
import { EthicsAuditTrailResolver } from './resolvers/audit.resolver';
import type { EthicsServices } from './ethics-services';
import { CodeOfEthicsResolver, EthicsAcknowledgmentResolver } from './resolvers/code-of-ethics.resolver';
import { ComplaintAllegationResolver, ComplaintResolver } from './resolvers/complaint.resolver';
import { EthicsImportResolver } from './resolvers/import.resolver';
import { OutboxResolver } from './resolvers/outbox.resolver';
import { PersonEthicsResolver } from './resolvers/person.resolver';
import { personReference } from './resolvers/person.reference';
import { EthicsPolicyResolver } from './resolvers/policy.resolver';
import { RegistryEntryEthicsResolver } from './resolvers/registry-entry.resolver';

export const resolvers = [PersonEthicsResolver, EthicsPolicyResolver, CodeOfEthicsResolver, EthicsAcknowledgmentResolver, ComplaintResolver, ComplaintAllegationResolver, OutboxResolver, RegistryEntryEthicsResolver, EthicsAuditTrailResolver, EthicsImportResolver] as const;

function instances(s: EthicsServices): object[] {
  return [
    new PersonEthicsResolver(s),
    new EthicsPolicyResolver(s.policy, s.clock),
    new CodeOfEthicsResolver(s.codes, s.acknowledgments, s.clock),
    new EthicsAcknowledgmentResolver(s.codes),
    new ComplaintResolver(s),
    new ComplaintAllegationResolver(),
    new OutboxResolver(s),
    new RegistryEntryEthicsResolver(s),
    new EthicsAuditTrailResolver(s.dataSource),
    new EthicsImportResolver(s.imports),
  ];
}

export function buildEthicsSchema(services?: EthicsServices) {
  return buildFederatedSchema({
    resolvers,
    // Person and RegistryEntry are only extended here, so they must be listed to be emitted.
    orphanedTypes: [Person, RegistryEntry],
    container: services ? containerOf(instances(services)) : undefined,
    referenceResolvers: { Person: personReference(), RegistryEntry: (ref: { certificationNumber: string; personId: string }) => ref },
    publicEntities: ['RegistryEntry'],
  });
}
