// Effective-dated program policy: every program number (hours, fees, windows) is data, and a case
// is judged by the version in force on its submission date. Each subgraph keeps its own numbers
// in its own `policy_version` table and describes them with a zod schema.
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject, LocalDateResolver } from 'graphql-scalars';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, type DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { badInput, failedPrecondition } from './errors';
import { isIsoDate, type IsoDate } from './dates';
import { forgetForRequest, oncePerRequest } from './sql-count';

@Entity({ name: 'policy_version' })
@ObjectType({ description: 'A version of the program policy, in force from its effective date until the next one' })
// Every subgraph exposes its own policy versions with this same type.
@Directive('@shareable')
export class PolicyVersion {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'effective_from', type: 'date' })
  @Field(() => LocalDateResolver)
  effectiveFrom: IsoDate;

  @Column({ type: 'jsonb' })
  @Field(() => GraphQLJSONObject, { description: 'The program numbers of this version' })
  values: Record<string, unknown>;

  @Column({ type: 'text' })
  @Field()
  note: string;

  @Column({ name: 'created_by', type: 'text' })
  @Field()
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field()
  createdAt: Date;
}

/** SQL for a service's migration that creates its policy table. */
export const POLICY_VERSION_TABLE_SQL = `
  create table policy_version (
    id uuid primary key default gen_random_uuid(),
    effective_from date not null unique,
    values jsonb not null,
    note text not null default '',
    created_by text not null,
    created_at timestamptz not null default now()
  )`;

export class PolicyStore<S extends z.ZodType<Record<string, unknown>>> {
  constructor(
    private readonly dataSource: DataSource,
    readonly schema: S,
  ) {}

  /** The version in force on `date`; FAILED_PRECONDITION when none is (a date before the first). */
  async inForceOn(date: IsoDate, manager: EntityManager = this.dataSource.manager): Promise<{ version: PolicyVersion; values: z.infer<S> }> {
    const version = await manager
      .getRepository(PolicyVersion)
      .createQueryBuilder('p')
      .where('p.effective_from <= :date', { date })
      .orderBy('p.effective_from', 'DESC')
      .getOne();
    if (!version) throw failedPrecondition(`No program policy is in force on ${date}`, [{ rule: 'policy', reason: `no version effective on or before ${date}` }]);
    return { version, values: this.schema.parse(version.values) };
  }

  /** Every version, newest first: read once per request (several resolvers of a page ask). */
  async list(): Promise<PolicyVersion[]> {
    return oncePerRequest(this.memoKey, () => this.dataSource.getRepository(PolicyVersion).find({ order: { effectiveFrom: 'DESC' } }));
  }

  private get memoKey() {
    return `policy_version:${this.dataSource.driver.schema ?? ''}`;
  }

  /** Adds a version; every problem with its values comes back at once as BAD_USER_INPUT. */
  async add(input: { effectiveFrom: string; values: unknown; note: string; createdBy: string }, manager: EntityManager = this.dataSource.manager): Promise<PolicyVersion> {
    const problems: { field: string; reason: string }[] = [];
    if (!isIsoDate(input.effectiveFrom)) problems.push({ field: 'effectiveFrom', reason: 'must be a date as YYYY-MM-DD' });
    const parsed = this.schema.safeParse(input.values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ field: ['values', ...issue.path.map(String)].join('.'), reason: issue.message });
    }
    if (problems.length) throw badInput(problems);
    const repo = manager.getRepository(PolicyVersion);
    if (await repo.existsBy({ effectiveFrom: input.effectiveFrom })) {
      throw badInput({ field: 'effectiveFrom', reason: `a version already takes effect on ${input.effectiveFrom}` });
    }
    const saved = await repo.save(repo.create({ effectiveFrom: input.effectiveFrom, values: parsed.data as Record<string, unknown>, note: input.note, createdBy: input.createdBy }));
    forgetForRequest(this.memoKey);
    return saved;
  }
}
