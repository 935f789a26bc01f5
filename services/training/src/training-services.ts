// The training subgraph's services, built once per server from its dependencies.
import { systemClock, type SubgraphDeps } from '@cpss/server-kit';
import { trainingPolicyStore } from './policy/training-policy';
import { AttendanceService } from './services/attendance.service';
import { CourseSubmissionService } from './services/course-submission.service';
import { CourseService } from './services/course.service';
import { StandardsService } from './services/standards.service';
import { EnrollmentService } from './services/enrollment.service';
import { SessionService } from './services/session.service';
import { allowAllTrainerStanding, gatewayTrainerStanding, type TrainerStanding } from './services/trainer-standing';
import { TrainingCommandService } from './services/training-command.service';
import { TrainingRecordService } from './services/training-record.service';
import { TrainingStatisticsService, type TrainingStatisticsOptions } from './services/training-statistics.service';
import { gatewayCertificationHolders, noCertificationHolders, type CertificationHolders } from './services/certification-holders';
import { TrainingImportService } from './services/import.service';

export interface TrainingDeps extends Pick<SubgraphDeps, 'dataSource' | 'clock' | 'gateway'> {
  /** Imports log their outcome (counts only). */
  logger?: SubgraphDeps['logger'];
  /**
   * Certification and sanctions of a trainer: asked through the gateway when there is one; allows
   * everyone without it (one subgraph alone). Given here only by tests.
   */
  trainerStanding?: TrainerStanding;
  /**
   * Who holds a certification number (imports of trainers and completions): certification asked
   * through the gateway when there is one; nobody without it. Given here by tests and the import command.
   */
  certificationHolders?: CertificationHolders;
  /** Keeping the default period's statistics a while (main.ts: STATISTICS_MAX_AGE_SECONDS); tests count every time. */
  statistics?: TrainingStatisticsOptions;
}

export function createTrainingServices(deps: TrainingDeps) {
  const { dataSource } = deps;
  const clock = deps.clock ?? systemClock;
  const policy = trainingPolicyStore(dataSource);
  const standards = new StandardsService(dataSource);
  const records = new TrainingRecordService(dataSource, policy, clock);
  const courses = new CourseService(dataSource, policy, clock);
  const submissions = new CourseSubmissionService(dataSource, policy, standards, clock);
  const standing = deps.trainerStanding ?? (deps.gateway ? gatewayTrainerStanding(deps.gateway, clock) : allowAllTrainerStanding);
  const sessions = new SessionService(dataSource, policy, standing, clock);
  const enrollments = new EnrollmentService(dataSource, clock);
  const attendance = new AttendanceService(dataSource, sessions, clock);
  const statistics = new TrainingStatisticsService(dataSource, deps.statistics);
  const commands = new TrainingCommandService(dataSource, sessions, clock);
  const holders = deps.certificationHolders ?? (deps.gateway ? gatewayCertificationHolders(deps.gateway) : noCertificationHolders);
  const imports = new TrainingImportService(dataSource, policy, courses, holders, clock, deps.logger);
  return { dataSource, clock, policy, standards, records, courses, submissions, sessions, enrollments, attendance, statistics, commands, imports };
}
export type TrainingServices = ReturnType<typeof createTrainingServices>;
