// The training subgraph's services, built once per server from its dependencies.
import { systemClock, type SubgraphDeps } from '@cpss/server-kit';
import { trainingPolicyStore } from './policy/training-policy';
import { StandardsService } from './services/standards.service';
import { TrainingRecordService } from './services/training-record.service';

export function createTrainingServices(deps: Pick<SubgraphDeps, 'dataSource' | 'clock'>) {
  const clock = deps.clock ?? systemClock;
  const policy = trainingPolicyStore(deps.dataSource);
  const standards = new StandardsService(deps.dataSource);
  const records = new TrainingRecordService(deps.dataSource);
  return { clock, policy, standards, records };
}
export type TrainingServices = ReturnType<typeof createTrainingServices>;
