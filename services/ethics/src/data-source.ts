import { AuditEntry, createDataSource, PolicyVersion, StatusChange } from '@cpss/server-kit';
import { CodeOfEthicsPrinciple, CodeOfEthicsVersion } from './entities/code-of-ethics';
import { EthicsAcknowledgment } from './entities/ethics-acknowledgment';
import { CreateEthicsAcknowledgment1763900000000 } from './migrations/1763900000000-CreateEthicsAcknowledgment';
import { EthicsPolicy1763900001000 } from './migrations/1763900001000-EthicsPolicy';
import { CodeOfEthics1763900002000 } from './migrations/1763900002000-CodeOfEthics';

export const SCHEMA = 'ethics';

export const ENTITIES = [EthicsAcknowledgment, PolicyVersion, StatusChange, AuditEntry, CodeOfEthicsVersion, CodeOfEthicsPrinciple];
export const MIGRATIONS = [CreateEthicsAcknowledgment1763900000000, EthicsPolicy1763900001000, CodeOfEthics1763900002000];

export function createEthicsDataSource(url: string) {
  return createDataSource({ url, schema: SCHEMA, entities: ENTITIES, migrations: MIGRATIONS });
}
