// Code of Ethics versions and their principles: which version is in force on a date, and adding one.
import type { EthicsPrinciple } from '@cpss/domain';
import { badInput, failedPrecondition, isIsoDate, manyByKey, oneByKey, type FieldProblem } from '@cpss/server-kit';
import { In, LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { CodeOfEthicsPrinciple, CodeOfEthicsVersion } from '../entities/code-of-ethics';

export interface NewCodeOfEthicsVersion {
  version: string;
  effectiveFrom: string;
  title: string;
  principles: { code: EthicsPrinciple; title: string; statement: string }[];
}

export class CodeOfEthicsService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<CodeOfEthicsVersion[]> {
    return this.dataSource.getRepository(CodeOfEthicsVersion).find({ order: { effectiveFrom: 'DESC' } });
  }

  /** The version in force on `date`; FAILED_PRECONDITION before the first one. */
  async inForceOn(date: string, manager: EntityManager = this.dataSource.manager): Promise<CodeOfEthicsVersion> {
    const version = await manager.getRepository(CodeOfEthicsVersion).findOne({ where: { effectiveFrom: LessThanOrEqual(date) }, order: { effectiveFrom: 'DESC' } });
    if (!version) throw failedPrecondition(`No Code of Ethics is in force on ${date}`, [{ rule: 'CODE_OF_ETHICS', reason: `no version effective on or before ${date}` }]);
    return version;
  }

  async byIds(ids: readonly string[]): Promise<(CodeOfEthicsVersion | null)[]> {
    const rows = await this.dataSource.getRepository(CodeOfEthicsVersion).findBy({ id: In([...ids]) });
    return oneByKey(ids, rows, (v) => v.id);
  }

  /** Principles per version, in the code's order. */
  async principlesOf(versionIds: readonly string[]): Promise<CodeOfEthicsPrinciple[][]> {
    const rows = await this.dataSource.getRepository(CodeOfEthicsPrinciple).find({ where: { versionId: In([...versionIds]) }, order: { number: 'ASC' } });
    return manyByKey(versionIds, rows, (p) => p.versionId);
  }

  async add(input: NewCodeOfEthicsVersion): Promise<CodeOfEthicsVersion> {
    const problems: FieldProblem[] = [];
    if (!isIsoDate(input.effectiveFrom)) problems.push({ field: 'effectiveFrom', reason: 'must be a date as YYYY-MM-DD' });
    const seen = new Set<string>();
    input.principles.forEach((p, i) => {
      if (seen.has(p.code)) problems.push({ field: `principles.${i}.code`, reason: `lists ${p.code} twice` });
      seen.add(p.code);
    });
    if (input.principles.length === 0) problems.push({ field: 'principles', reason: 'must list at least one principle' });
    if (problems.length) throw badInput(problems);
    return this.dataSource.transaction(async (tx) => {
      const versions = tx.getRepository(CodeOfEthicsVersion);
      if (await versions.existsBy({ version: input.version })) throw badInput({ field: 'version', reason: `version ${input.version} already exists` });
      if (await versions.existsBy({ effectiveFrom: input.effectiveFrom })) throw badInput({ field: 'effectiveFrom', reason: `a version already takes effect on ${input.effectiveFrom}` });
      const saved = await versions.save(versions.create({ version: input.version, effectiveFrom: input.effectiveFrom, title: input.title }));
      await tx.getRepository(CodeOfEthicsPrinciple).insert(input.principles.map((p, i) => ({ versionId: saved.id, code: p.code, number: i + 1, title: p.title, statement: p.statement })));
      return saved;
    });
  }
}
