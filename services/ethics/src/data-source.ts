import { AuditEntry, createDataSource, PolicyVersion, StatusChange } from '@cpss/server-kit';
import { EthicsAcknowledgment } from './entities/ethics-acknowledgment';
import { CreateEthicsAcknowledgment1763900000000 } from './migrations/1763900000000-CreateEthicsAcknowledgment';
import { EthicsPolicy1763900001000 } from './migrations/1763900001000-EthicsPolicy';

export const SCHEMA = 'ethics';

export const ENTITIES = [EthicsAcknowledgment, PolicyVersion, StatusChange, AuditEntry];
export const MIGRATIONS = [CreateEthicsAcknowledgment1763900000000, EthicsPolicy1763900001000];

export function createEthicsDataSource(url: string) {
  return createDataSource({ url, schema: SCHEMA, entities: ENTITIES, migrations: MIGRATIONS });
}
