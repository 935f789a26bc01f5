// Training standards: the version in force on a date (the one a new submission is judged by) and
// its concepts, each version read whole in one statement.
import { failedPrecondition, notFound } from '@cpss/server-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { CoreConcept, TrainingStandards } from '../entities/standards';

export class StandardsService {
  constructor(private readonly dataSource: DataSource) {}

  private query(manager: EntityManager = this.dataSource.manager) {
    return manager
      .getRepository(TrainingStandards)
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.domains', 'd')
      .leftJoinAndSelect('d.coreConcepts', 'c')
      .orderBy('s.effective_from', 'DESC')
      .addOrderBy('d.number', 'ASC')
      .addOrderBy('c.code', 'ASC');
  }

  list(): Promise<TrainingStandards[]> {
    return this.query().getMany();
  }

  async byVersion(version: string): Promise<TrainingStandards> {
    const found = await this.query().where('s.version = :version', { version }).getOne();
    if (!found) throw notFound('Training standards version', version);
    return found;
  }

  async byId(id: string, manager?: EntityManager): Promise<TrainingStandards> {
    const found = await this.query(manager).where('s.id = :id', { id }).getOne();
    if (!found) throw notFound('Training standards version', id);
    return found;
  }

  async inForceOn(date: string, manager?: EntityManager): Promise<TrainingStandards> {
    const latest = await this.query(manager).where('s.effective_from <= :date', { date }).getMany();
    if (!latest[0]) throw failedPrecondition(`No training standards are in force on ${date}`, [{ rule: 'standards', reason: `no version effective on or before ${date}` }]);
    return latest[0];
  }
}

export function conceptsOf(standards: TrainingStandards): CoreConcept[] {
  return standards.domains.flatMap((d) => d.coreConcepts);
}
