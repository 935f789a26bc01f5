import { createDataSource } from '@cpss/server-kit';
import { Person } from './entities/person';
import { CreatePerson1763900000000 } from './migrations/1763900000000-CreatePerson';

export const SCHEMA = 'certification';

export function createCertificationDataSource(url: string) {
  return createDataSource({ url, schema: SCHEMA, entities: [Person], migrations: [CreatePerson1763900000000] });
}
