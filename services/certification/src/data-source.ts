import { AuditEntry, createDataSource, PolicyVersion, StatusChange, StoredDocument } from '@cpss/server-kit';
import { Application, ApplicationReference, DesignationRequest, TrainingLogEntry } from './entities/application';
import { Certification, CertificationDesignation, CertificationEvent, Fee } from './entities/certification';
import { Person } from './entities/person';
import { CreatePerson1763900000000 } from './migrations/1763900000000-CreatePerson';
import { CertificationPolicy1763900001000 } from './migrations/1763900001000-CertificationPolicy';
import { PersonProfile1763900002000 } from './migrations/1763900002000-PersonProfile';
import { ApplicationsAndCertifications1763900003000 } from './migrations/1763900003000-ApplicationsAndCertifications';
import { Notifications1763900004000 } from './migrations/1763900004000-Notifications';
import { TimelineActorName1763900005000 } from './migrations/1763900005000-TimelineActorName';
import { InboundCommands1763900006000 } from './migrations/1763900006000-InboundCommands';
import { ApplicationExternalFacts1763900007000 } from './migrations/1763900007000-ApplicationExternalFacts';
import { PerformanceIndexes1763900008000 } from './migrations/1763900008000-PerformanceIndexes';
import { AuditTrail1765100000000 } from './migrations/1765100000000-AuditTrail';
import { ImportRuns1765200000000 } from './migrations/1765200000000-ImportRuns';
import { ImportRun } from './entities/import-run';

export const SCHEMA = 'certification';

export function createCertificationDataSource(url: string) {
  return createDataSource({
    url,
    schema: SCHEMA,
    entities: [Person, PolicyVersion, StatusChange, AuditEntry, StoredDocument, Application, TrainingLogEntry, ApplicationReference, DesignationRequest, Certification, CertificationDesignation, CertificationEvent, Fee, ImportRun],
    migrations: [CreatePerson1763900000000, CertificationPolicy1763900001000, PersonProfile1763900002000, ApplicationsAndCertifications1763900003000, Notifications1763900004000, TimelineActorName1763900005000, InboundCommands1763900006000, ApplicationExternalFacts1763900007000, PerformanceIndexes1763900008000, AuditTrail1765100000000, ImportRuns1765200000000],
  });
}
