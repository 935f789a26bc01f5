import { buildFederatedSchema, containerOf, type RequestContext } from '@cpss/server-kit';
import { CertificationAuditTrailResolver } from './resolvers/audit.resolver';
import type { CertificationServices } from './certification-services';
import { ApplicationResolver, PersonApplicationResolver } from './resolvers/application.resolver';
import { CertificationResolver, certificationLoader, PersonCertificationResolver } from './resolvers/certification.resolver';
import { CommandResolver } from './resolvers/command.resolver';
import { CertificationHolderResolver, ImportResolver } from './resolvers/import.resolver';
import { CertificationPolicyResolver } from './resolvers/policy.resolver';
import { PersonResolver } from './resolvers/person.resolver';
import { personReference } from './resolvers/person.reference';
import { registryEntryReference, RegistryResolver } from './resolvers/registry.resolver';
import { StatisticsResolver } from './resolvers/statistics.resolver';

export const resolvers = [PersonResolver, CertificationPolicyResolver, ApplicationResolver, CertificationResolver, PersonCertificationResolver, RegistryResolver, StatisticsResolver, CommandResolver, PersonApplicationResolver, CertificationAuditTrailResolver, ImportResolver, CertificationHolderResolver] as const;

function instances(s: CertificationServices): object[] {
  return [
    new PersonResolver(s.people),
    new CertificationPolicyResolver(s.policy, s.clock),
    new ApplicationResolver(s.applications, s.review, s.certifications, s.people, s.dataSource),
    new CertificationResolver(s.certifications, s.people, s.dataSource),
    new PersonCertificationResolver(s.certifications),
    new RegistryResolver(s.certifications),
    new StatisticsResolver(s.statistics),
    new CommandResolver(s.commands),
    new PersonApplicationResolver(s.applications),
    new CertificationAuditTrailResolver(s.dataSource),
    new ImportResolver(s.imports),
    new CertificationHolderResolver(s.imports),
  ];
}

export function buildCertificationSchema(services?: CertificationServices) {
  return buildFederatedSchema({
    resolvers,
    container: services ? containerOf(instances(services)) : undefined,
    referenceResolvers: services
      ? {
          Person: personReference(services.people),
          Certification: (ref: { id: string }, ctx: RequestContext) => certificationLoader(ctx, services.certifications).load(ref.id),
          RegistryEntry: registryEntryReference(services.certifications),
        }
      : { Person: () => null, Certification: () => null, RegistryEntry: () => null },
    publicEntities: ['RegistryEntry'],
  });
}
