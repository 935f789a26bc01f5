import { AuditEntry, createDataSource, ImportRun, PolicyVersion, StatusChange, StoredDocument } from '@cpss/server-kit';
import { ConceptReview, Course, CourseAgendaEntry, CourseMaterial, CourseSubmission, CrosswalkEntry } from './entities/course';
import { Attendance, CompletionCertificate, CourseTrainer, Enrollment, SessionDay, TrainingNotice, TrainingSession } from './entities/session';
import { CoreConcept, TrainingDomain, TrainingStandards } from './entities/standards';
import { TrainingCompletion } from './entities/training-completion';
import { CreateTrainingCompletion1763900000000 } from './migrations/1763900000000-CreateTrainingCompletion';
import { PolicyAndStandards1763900001000 } from './migrations/1763900001000-PolicyAndStandards';
import { CoursesAndSubmissions1763900002000 } from './migrations/1763900002000-CoursesAndSubmissions';
import { TrainersSessionsEnrollment1763900003000 } from './migrations/1763900003000-TrainersSessionsEnrollment';
import { AttendanceAndCertificates1763900004000 } from './migrations/1763900004000-AttendanceAndCertificates';
import { CourseRecertification1763900005000 } from './migrations/1763900005000-CourseRecertification';
import { CourseOwnerNotices1763900006000 } from './migrations/1763900006000-CourseOwnerNotices';
import { TimelineActorName1763900007000 } from './migrations/1763900007000-TimelineActorName';
import { TrainerRemoval1763900008000 } from './migrations/1763900008000-TrainerRemoval';
import { SessionStandingFacts1763900009000 } from './migrations/1763900009000-SessionStandingFacts';
import { PerformanceIndexes1763900010000 } from './migrations/1763900010000-PerformanceIndexes';
import { AuditTrail1765100000000 } from './migrations/1765100000000-AuditTrail';
import { CourseCodeAndImports1765300000000 } from './migrations/1765300000000-CourseCodeAndImports';

export const SCHEMA = 'training';

export const ENTITIES = [TrainingCompletion, PolicyVersion, StatusChange, AuditEntry, StoredDocument, TrainingStandards, TrainingDomain, CoreConcept, Course, CourseSubmission, CourseAgendaEntry, CrosswalkEntry, CourseMaterial, ConceptReview, CourseTrainer, TrainingSession, SessionDay, Enrollment, TrainingNotice, Attendance, CompletionCertificate, ImportRun];
export const MIGRATIONS = [CreateTrainingCompletion1763900000000, PolicyAndStandards1763900001000, CoursesAndSubmissions1763900002000, TrainersSessionsEnrollment1763900003000, AttendanceAndCertificates1763900004000, CourseRecertification1763900005000, CourseOwnerNotices1763900006000, TimelineActorName1763900007000, TrainerRemoval1763900008000, SessionStandingFacts1763900009000, PerformanceIndexes1763900010000, AuditTrail1765100000000, CourseCodeAndImports1765300000000];

export function createTrainingDataSource(url: string) {
  return createDataSource({ url, schema: SCHEMA, entities: ENTITIES, migrations: MIGRATIONS });
}
