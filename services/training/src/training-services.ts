// The training subgraph's services, built once per server from its dependencies.
import { systemClock, type SubgraphDeps } from '@cpss/server-kit';
import { trainingPolicyStore } from './policy/training-policy';
import { CourseSubmissionService } from './services/course-submission.service';
import { CourseService } from './services/course.service';
import { StandardsService } from './services/standards.service';
import { TrainingRecordService } from './services/training-record.service';

export function createTrainingServices(deps: Pick<SubgraphDeps, 'dataSource' | 'clock'>) {
  const { dataSource } = deps;
  const clock = deps.clock ?? systemClock;
  const policy = trainingPolicyStore(dataSource);
  const standards = new StandardsService(dataSource);
  const records = new TrainingRecordService(dataSource);
  const courses = new CourseService(dataSource, policy, clock);
  const submissions = new CourseSubmissionService(dataSource, policy, standards, clock);
  return { dataSource, clock, policy, standards, records, courses, submissions };
}
export type TrainingServices = ReturnType<typeof createTrainingServices>;
