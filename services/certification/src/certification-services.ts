// The certification subgraph's services, built once per server from its dependencies.
import { systemClock, type SubgraphDeps } from '@cpss/server-kit';
import { certificationPolicyStore } from './policy/certification-policy';
import { ApplicationService } from './services/application.service';
import { CertificationService } from './services/certification.service';
import { CommandService } from './services/commands.service';
import { ImportService } from './services/import.service';
import { crossDomainPorts, type CrossDomainPorts } from './services/cross-domain';
import { MaintenanceService } from './services/maintenance.service';
import { PersonService } from './services/person.service';
import { ReviewService } from './services/review.service';
import { StatisticsService, type StatisticsOptions } from './services/statistics.service';

/**
 * `deps.gateway` (set when GATEWAY_URL is) asks training and ethics for the facts applications
 * need; tests may pass their own ports instead (`training`, `ethics`). Without either, the defaults
 * know no training and no complaint.
 */
export function createCertificationServices(
  deps: Pick<SubgraphDeps, 'dataSource' | 'clock' | 'gateway'> & { logger?: SubgraphDeps['logger']; statistics?: StatisticsOptions } & CrossDomainPorts,
) {
  const { dataSource } = deps;
  const clock = deps.clock ?? systemClock;
  const policy = certificationPolicyStore(dataSource);
  const people = new PersonService(dataSource, clock);
  const applications = new ApplicationService(dataSource, policy, clock, crossDomainPorts(deps.gateway, deps), deps.logger);
  const review = new ReviewService(dataSource, policy, applications, clock);
  const certifications = new CertificationService(dataSource, policy, clock);
  const maintenance = new MaintenanceService(dataSource, policy, clock);
  const statistics = new StatisticsService(dataSource, clock, deps.statistics);
  const commands = new CommandService(dataSource, certifications);
  const imports = new ImportService(dataSource, policy, clock, deps.logger);
  return { dataSource, clock, policy, people, applications, review, certifications, maintenance, statistics, commands, imports };
}
export type CertificationServices = ReturnType<typeof createCertificationServices>;
