import { AuditEntry, createDataSource, ImportRun, PolicyVersion, StatusChange } from '@cpss/server-kit';
import { CodeOfEthicsPrinciple, CodeOfEthicsVersion } from './entities/code-of-ethics';
import { Complaint, ComplaintAllegation } from './entities/complaint';
import { EthicsAcknowledgment } from './entities/ethics-acknowledgment';
import { OutboundCommand } from './entities/outbound-command';
import { PublicDisciplinaryAction, Sanction } from './entities/sanction';
import { CreateEthicsAcknowledgment1763900000000 } from './migrations/1763900000000-CreateEthicsAcknowledgment';
import { EthicsPolicy1763900001000 } from './migrations/1763900001000-EthicsPolicy';
import { CodeOfEthics1763900002000 } from './migrations/1763900002000-CodeOfEthics';
import { Complaints1763900003000 } from './migrations/1763900003000-Complaints';
import { Sanctions1763900004000 } from './migrations/1763900004000-Sanctions';
import { TimelineActorName1763900005000 } from './migrations/1763900005000-TimelineActorName';
import { OutboxDelivery1763900006000 } from './migrations/1763900006000-OutboxDelivery';
import { PerformanceIndexes1763900007000 } from './migrations/1763900007000-PerformanceIndexes';
import { AuditTrail1765100000000 } from './migrations/1765100000000-AuditTrail';
import { DisciplinaryImport1765300000000 } from './migrations/1765300000000-DisciplinaryImport';

export const SCHEMA = 'ethics';

export const ENTITIES = [
  EthicsAcknowledgment, PolicyVersion, StatusChange, AuditEntry, CodeOfEthicsVersion, CodeOfEthicsPrinciple,
  Complaint, ComplaintAllegation, OutboundCommand, Sanction, PublicDisciplinaryAction, ImportRun,
];
export const MIGRATIONS = [CreateEthicsAcknowledgment1763900000000, EthicsPolicy1763900001000, CodeOfEthics1763900002000, Complaints1763900003000, Sanctions1763900004000, TimelineActorName1763900005000, OutboxDelivery1763900006000, PerformanceIndexes1763900007000, AuditTrail1765100000000, DisciplinaryImport1765300000000];

export function createEthicsDataSource(url: string) {
  return createDataSource({ url, schema: SCHEMA, entities: ENTITIES, migrations: MIGRATIONS });
}
