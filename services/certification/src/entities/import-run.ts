// One import of a CSV file (services/import.service.ts): its progress while RUNNING, then its
// counts, its problems (the first 1,000; problemCount says how many) and the error file.
import type { ImportMode, ImportProblem as ImportProblemShape, ImportRunStatus } from '@cpss/server-kit';
import { graphqlEnum } from '@cpss/server-kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ImportModeEnum = graphqlEnum({ AllOrNothing: 'ALL_OR_NOTHING', ValidRowsOnly: 'VALID_ROWS_ONLY' } as const, 'ImportMode', 'Write nothing when any row fails, or write the valid rows only');
export const ImportRunStatusEnum = graphqlEnum(
  { Running: 'RUNNING', Done: 'DONE', Rejected: 'REJECTED', Failed: 'FAILED' } as const,
  'ImportRunStatus',
  'RUNNING, DONE, REJECTED (all-or-nothing found problems: nothing written) or FAILED (nothing written)',
);
export const CertificationImportKind = { PeopleCertifications: 'PEOPLE_CERTIFICATIONS' } as const;
export type CertificationImportKind = (typeof CertificationImportKind)[keyof typeof CertificationImportKind];
export const CertificationImportKindEnum = graphqlEnum(CertificationImportKind, 'CertificationImportKind', 'What a certification import file holds');

/** The most problems a run keeps (problemCount counts them all). */
export const MAX_STORED_PROBLEMS = 1000;

@ObjectType({ description: 'A problem of an import file: its line (the header is line 1), the column at fault, and why' })
@Directive('@shareable')
export class ImportProblem implements ImportProblemShape {
  @Field(() => Int)
  line: number;

  @Field(() => String, { nullable: true })
  column: string | null;

  @Field()
  reason: string;
}

@Entity({ name: 'import_run' })
@ObjectType({ description: 'An import of a CSV file (admins)' })
@Directive('@shareable')
export class ImportRun {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field()
  kind: string;

  @Column({ type: 'text' })
  @Field(() => ImportModeEnum)
  mode: ImportMode;

  @Column({ name: 'file_name', type: 'text' })
  @Field()
  fileName: string;

  @Column({ name: 'dry_run', type: 'boolean' })
  @Field()
  dryRun: boolean;

  @Column({ type: 'text' })
  @Field(() => ImportRunStatusEnum)
  status: ImportRunStatus;

  @Column({ name: 'rows_total', type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Known once the file has been read through' })
  rowsTotal: number | null;

  @Column({ name: 'rows_processed', type: 'integer', default: 0 })
  @Field(() => Int)
  rowsProcessed: number;

  @Column({ name: 'rows_valid', type: 'integer', default: 0 })
  @Field(() => Int)
  rowsValid: number;

  @Column({ name: 'rows_invalid', type: 'integer', default: 0 })
  @Field(() => Int)
  rowsInvalid: number;

  @Column({ type: 'integer', default: 0 })
  @Field(() => Int)
  created: number;

  @Column({ type: 'integer', default: 0 })
  @Field(() => Int)
  updated: number;

  @Column({ type: 'integer', default: 0 })
  @Field(() => Int)
  unchanged: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  @Field(() => [ImportProblem], { description: 'The first 1,000 problems by line (problemCount says how many)' })
  problems: ImportProblem[];

  @Column({ name: 'problem_count', type: 'integer', default: 0 })
  @Field(() => Int)
  problemCount: number;

  @Column({ name: 'error_file_csv', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The rejected rows as CSV, with an added last column `error`' })
  errorFileCsv: string | null;

  @Column({ name: 'started_by', type: 'text' })
  @Field({ description: 'The account that started it (or cli)' })
  startedBy: string;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  @Field()
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  /** The process that runs it: a start of the service fails the runs of processes gone. */
  @Column({ type: 'text' })
  runner: string;
}
