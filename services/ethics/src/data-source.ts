import { createDataSource } from '@cpss/server-kit';
import { EthicsAcknowledgment } from './entities/ethics-acknowledgment';
import { CreateEthicsAcknowledgment1763900000000 } from './migrations/1763900000000-CreateEthicsAcknowledgment';

export const SCHEMA = 'ethics';

export function createEthicsDataSource(url: string) {
  return createDataSource({ url, schema: SCHEMA, entities: [EthicsAcknowledgment], migrations: [CreateEthicsAcknowledgment1763900000000] });
}
