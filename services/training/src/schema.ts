import { buildFederatedSchema, containerOf } from '@cpss/server-kit';
import { Person } from './entities/person';
import { AttendanceResolver } from './resolvers/attendance.resolver';
import { TrainingCatalogResolver } from './resolvers/catalog.resolver';
import { TrainingCommandResolver } from './resolvers/command.resolver';
import { CourseResolver, CourseSubmissionResolver } from './resolvers/course.resolver';
import { PersonTrainingResolver } from './resolvers/person.resolver';
import { personReference } from './resolvers/person.reference';
import { TrainingPolicyResolver } from './resolvers/policy.resolver';
import { CourseTrainerResolver, EnrollmentResolver, TrainingSessionResolver } from './resolvers/session.resolver';
import { StandardsResolver } from './resolvers/standards.resolver';
import { TrainingStatisticsResolver } from './resolvers/statistics.resolver';
import type { TrainingServices } from './training-services';

export const resolvers = [PersonTrainingResolver, TrainingPolicyResolver, StandardsResolver, CourseResolver, CourseSubmissionResolver, CourseTrainerResolver, TrainingSessionResolver, EnrollmentResolver, AttendanceResolver, TrainingCatalogResolver, TrainingStatisticsResolver, TrainingCommandResolver] as const;

function instances(s: TrainingServices): object[] {
  return [
    new PersonTrainingResolver(s.records),
    new TrainingPolicyResolver(s.policy, s.clock),
    new StandardsResolver(s.standards, s.clock),
    new CourseResolver(s.courses, s.dataSource),
    new CourseSubmissionResolver(s.submissions, s.courses, s.policy, s.dataSource, s.standards),
    new CourseTrainerResolver(s.sessions),
    new TrainingSessionResolver(s.sessions, s.enrollments, s.courses, s.dataSource),
    new EnrollmentResolver(s.enrollments, s.sessions, s.dataSource),
    new AttendanceResolver(s.attendance, s.records),
    new TrainingCatalogResolver(s.sessions),
    new TrainingStatisticsResolver(s.statistics, s.clock),
    new TrainingCommandResolver(s.commands),
  ];
}

export function buildTrainingSchema(services?: TrainingServices) {
  return buildFederatedSchema({
    resolvers,
    // Person is only extended here (no query returns it), so it must be listed to be emitted.
    orphanedTypes: [Person],
    container: services ? containerOf(instances(services)) : undefined,
    referenceResolvers: { Person: personReference() },
  });
}
