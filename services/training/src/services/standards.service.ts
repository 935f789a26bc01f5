// Training standards: the version in force on a date (the one a new submission is judged by) and
// its concepts, each version read whole in one statement.
import { badInput, failedPrecondition, notFound, recordStatusChange, type FieldProblem, type Principal } from '@cpss/server-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { CoreConcept, TrainingDomain, TrainingStandards } from '../entities/standards';

export interface StandardsVersionIn {
  version: string;
  effectiveFrom: string;
  note: string;
  domains: { number: number; name: string; concepts: string[] }[];
}

export class StandardsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Adopts a new version of the standards, taking effect on a future date: submissions already
   * created keep the version they were judged against, so nothing in force today changes.
   */
  async add(principal: Principal, input: StandardsVersionIn, today: string): Promise<TrainingStandards> {
    const problems: FieldProblem[] = [];
    if (input.effectiveFrom <= today) problems.push({ field: 'input.effectiveFrom', reason: `must be after today (${today}): a version in force may not change` });
    const numbers = input.domains.map((d) => d.number);
    input.domains.forEach((d, i) => {
      if (numbers.indexOf(d.number) !== i) problems.push({ field: `input.domains.${i}.number`, reason: `domain ${d.number} is listed twice` });
    });
    const sorted = [...numbers].sort((a, b) => a - b);
    if (sorted.some((n, i) => n !== i + 1)) problems.push({ field: 'input.domains', reason: 'domains must be numbered 1, 2, 3, … without gaps' });
    if (problems.length) throw badInput(problems);

    return this.dataSource.transaction(async (tx) => {
      const versions = tx.getRepository(TrainingStandards);
      if (await versions.existsBy({ version: input.version.trim() })) throw badInput({ field: 'input.version', reason: `version ${input.version.trim()} already exists` });
      if (await versions.existsBy({ effectiveFrom: input.effectiveFrom })) throw badInput({ field: 'input.effectiveFrom', reason: `a version already takes effect on ${input.effectiveFrom}` });
      const saved = await versions.save(versions.create({ version: input.version.trim(), effectiveFrom: input.effectiveFrom, note: input.note.trim() }));
      for (const d of input.domains) {
        const domain = await tx.getRepository(TrainingDomain).save({ standardsVersionId: saved.id, number: d.number, name: d.name.trim() });
        await tx.getRepository(CoreConcept).insert(d.concepts.map((statement, i) => ({ domainId: domain.id, code: `${d.number}.${i + 1}`, statement: statement.trim() })));
      }
      await recordStatusChange(tx, {
        subjectType: 'TrainingStandards', subjectId: saved.id, from: null, to: 'ADOPTED', actor: principal,
        facts: { version: saved.version, effectiveFrom: saved.effectiveFrom, domains: input.domains.length, concepts: input.domains.reduce((n, d) => n + d.concepts.length, 0) },
      });
      return this.byId(saved.id, tx);
    });
  }

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

  /** Versions by id, in the order asked, in one statement (a DataLoader batch). */
  byIds = async (ids: readonly string[]): Promise<TrainingStandards[]> => {
    const found = await this.query().where('s.id in (:...ids)', { ids: [...ids] }).getMany();
    return ids.map((id) => found.find((v) => v.id === id) ?? notFoundError(id));
  };

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

function notFoundError(id: string): never {
  throw notFound('Training standards version', id);
}

export function conceptsOf(standards: TrainingStandards): CoreConcept[] {
  return standards.domains.flatMap((d) => d.coreConcepts);
}
