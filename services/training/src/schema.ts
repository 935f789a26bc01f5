import { buildFederatedSchema, containerOf } from '@cpss/server-kit';
import { Certification } from './entities/certification';
import { Person } from './entities/person';
import { AttendanceResolver } from './resolvers/attendance.resolver';
import { TrainingCatalogResolver } from './resolvers/catalog.resolver';
import { certificationReference, CertificationTrainingResolver } from './resolvers/certification.resolver';
import { TrainingCommandResolver } from './resolvers/command.resolver';
import { CourseResolver, CourseSubmissionResolver } from './resolvers/course.resolver';
import { courseReference, trainingSessionReference } from './resolvers/entity.references';
import { PersonTrainingResolver } from './resolvers/person.resolver';
import { personReference } from './resolvers/person.reference';
import { TrainingPolicyResolver } from './resolvers/policy.resolver';
import { CourseTrainerFieldsResolver, CourseTrainerResolver, EnrollmentResolver, TrainingSessionResolver } from './resolvers/session.resolver';
import { StandardsResolver } from './resolvers/standards.resolver';
import { TrainingStatisticsResolver } from './resolvers/statistics.resolver';
import { PersonTrainerResolver } from './resolvers/trainer-profile.resolver';
import { TrainingAuditTrailResolver } from './resolvers/audit.resolver';
import { TrainingImportResolver } from './resolvers/import.resolver';
import type { TrainingServices } from './training-services';

export const resolvers = [
  PersonTrainingResolver, PersonTrainerResolver, TrainingPolicyResolver, StandardsResolver, CourseResolver, CourseSubmissionResolver, CourseTrainerResolver, CourseTrainerFieldsResolver,
  TrainingSessionResolver, EnrollmentResolver, AttendanceResolver, TrainingCatalogResolver, TrainingStatisticsResolver, TrainingCommandResolver, CertificationTrainingResolver, TrainingAuditTrailResolver,
  TrainingImportResolver,
] as const;

function instances(s: TrainingServices): object[] {
  return [
    new PersonTrainingResolver(s.records),
    new PersonTrainerResolver(s.sessions),
    new TrainingPolicyResolver(s.policy, s.clock),
    new StandardsResolver(s.standards, s.clock),
    new CourseResolver(s.courses, s.dataSource),
    new CourseSubmissionResolver(s.submissions, s.courses, s.policy, s.dataSource, s.standards),
    new CourseTrainerResolver(s.sessions),
    new CourseTrainerFieldsResolver(s.courses),
    new TrainingSessionResolver(s.sessions, s.enrollments, s.courses, s.dataSource),
    new EnrollmentResolver(s.enrollments, s.sessions, s.dataSource),
    new AttendanceResolver(s.attendance, s.records),
    new TrainingCatalogResolver(s.sessions),
    new TrainingStatisticsResolver(s.statistics, s.clock),
    new TrainingCommandResolver(s.commands),
    new CertificationTrainingResolver(s.records),
    new TrainingAuditTrailResolver(s.dataSource),
    new TrainingImportResolver(s.imports),
  ];
}

export function buildTrainingSchema(services?: TrainingServices) {
  return buildFederatedSchema({
    resolvers,
    // Person and Certification are only extended here (no query returns them), so they must be listed to be emitted.
    orphanedTypes: [Person, Certification],
    container: services ? containerOf(instances(services)) : undefined,
    referenceResolvers: {
      Person: personReference(),
      ...(services
        ? { Certification: certificationReference(services.records), Course: courseReference(services.courses), TrainingSession: trainingSessionReference(services.sessions) }
        : {}),
    },
  });
}
