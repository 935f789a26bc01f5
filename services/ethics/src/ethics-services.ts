// The ethics subgraph's services, built once per server from its dependencies.
import { systemClock, type SubgraphDeps } from '@cpss/server-kit';
import { ethicsPolicyStore } from './policy/ethics-policy';
import { AcknowledgmentService } from './services/acknowledgment.service';
import { CodeOfEthicsService } from './services/code-of-ethics.service';

export function createEthicsServices(deps: Pick<SubgraphDeps, 'dataSource' | 'clock'>) {
  const clock = deps.clock ?? systemClock;
  const policy = ethicsPolicyStore(deps.dataSource);
  const codes = new CodeOfEthicsService(deps.dataSource);
  const acknowledgments = new AcknowledgmentService(deps.dataSource, codes, clock);
  return { clock, policy, codes, acknowledgments };
}
export type EthicsServices = ReturnType<typeof createEthicsServices>;
