import { AuditEntry, createDataSource, PolicyVersion, StatusChange, StoredDocument } from '@cpss/server-kit';
import { Person } from './entities/person';
import { CreatePerson1763900000000 } from './migrations/1763900000000-CreatePerson';
import { CertificationPolicy1763900001000 } from './migrations/1763900001000-CertificationPolicy';
import { PersonProfile1763900002000 } from './migrations/1763900002000-PersonProfile';

export const SCHEMA = 'certification';

export function createCertificationDataSource(url: string) {
  return createDataSource({
    url,
    schema: SCHEMA,
    entities: [Person, PolicyVersion, StatusChange, AuditEntry, StoredDocument],
    migrations: [CreatePerson1763900000000, CertificationPolicy1763900001000, PersonProfile1763900002000],
  });
}
