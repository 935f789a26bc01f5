// The certification subgraph's services, built once per server from its dependencies.
import { systemClock, type SubgraphDeps } from '@cpss/server-kit';
import { certificationPolicyStore } from './policy/certification-policy';
import { PersonService } from './services/person.service';

export function createCertificationServices(deps: Pick<SubgraphDeps, 'dataSource' | 'clock'>) {
  const { dataSource } = deps;
  const clock = deps.clock ?? systemClock;
  const policy = certificationPolicyStore(dataSource);
  const people = new PersonService(dataSource, clock);
  return { dataSource, clock, policy, people };
}
export type CertificationServices = ReturnType<typeof createCertificationServices>;
