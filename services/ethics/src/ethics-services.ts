// The ethics subgraph's services, built once per server from its dependencies.
import { systemClock, type SubgraphDeps } from '@cpss/server-kit';
import { ethicsPolicyStore } from './policy/ethics-policy';
import { AcknowledgmentService } from './services/acknowledgment.service';
import { CodeOfEthicsService } from './services/code-of-ethics.service';
import { gatewayCertificationHolders, noCertificationHolders, type CertificationHolders } from './services/certification-holders';
import { ComplaintQueryService } from './services/complaint-query.service';
import { ComplaintService } from './services/complaint.service';
import { DisciplinaryService } from './services/disciplinary.service';
import { DEFAULT_OUTBOX_SETTINGS, type OutboxSettings } from './services/outbox-delivery';
import { EthicsImportService } from './services/import.service';
import { OutboxQueryService } from './services/outbox-query.service';

export function createEthicsServices(deps: Pick<SubgraphDeps, 'dataSource' | 'clock'> & Partial<Pick<SubgraphDeps, 'gateway' | 'logger'>> & { outbox?: OutboxSettings; certificationHolders?: CertificationHolders }) {
  const clock = deps.clock ?? systemClock;
  const dataSource = deps.dataSource;
  const policy = ethicsPolicyStore(dataSource);
  const codes = new CodeOfEthicsService(dataSource);
  const acknowledgments = new AcknowledgmentService(dataSource, codes, clock);
  const disciplinary = new DisciplinaryService(dataSource, clock);
  const complaints = new ComplaintService(dataSource, policy, codes, disciplinary, clock);
  const complaintQueries = new ComplaintQueryService(dataSource, clock);
  const outbox = new OutboxQueryService(dataSource, deps.outbox ?? DEFAULT_OUTBOX_SETTINGS);
  const holders = deps.certificationHolders ?? (deps.gateway ? gatewayCertificationHolders(deps.gateway) : noCertificationHolders);
  const imports = new EthicsImportService(dataSource, clock, holders, deps.logger);
  return { clock, dataSource, policy, codes, acknowledgments, disciplinary, complaints, complaintQueries, outbox, imports };
}
export type EthicsServices = ReturnType<typeof createEthicsServices>;
