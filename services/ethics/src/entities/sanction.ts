// Sanctions decided on a complaint (confidential case record, staff only), and the public
// disciplinary actions published from them once final: a separate table holding only what the
// registry may show (kind and dates), never a complaint, its detail or its parties.
import type { ComplaintOutcomeKind, SanctionStatus } from '@cpss/domain';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ComplaintOutcomeKindEnum, SanctionStatusEnum } from './enums';

@Entity({ name: 'sanction' })
@ObjectType({ description: 'A sanction decided on a complaint (ethics staff and admins only)' })
export class Sanction {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  /** The case it was decided on; null for a past action imported from the program's records. */
  @Column({ name: 'complaint_id', type: 'uuid', nullable: true })
  complaintId: string | null;

  /** The program's action number of an imported past action (the import's natural key). */
  @Column({ name: 'action_reference', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "The program's action number of a past action imported from its records" })
  actionReference: string | null;

  /** What an imported past action was for: sensitive (never logged, not in GraphQL). */
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ name: 'import_run_id', type: 'uuid', nullable: true })
  importRunId: string | null;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ type: 'text' })
  @Field(() => ComplaintOutcomeKindEnum)
  kind: ComplaintOutcomeKind;

  @Column({ type: 'text' })
  @Field(() => SanctionStatusEnum)
  status: SanctionStatus;

  @Column({ name: 'effective_from', type: 'date' })
  @Field(() => LocalDateResolver)
  effectiveFrom: string;

  @Column({ name: 'effective_until', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true, description: 'End of a probation or suspension period, or the corrective training due date' })
  effectiveUntil: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Conditions of a probation' })
  conditions: string | null;

  @Column({ name: 'mandated_training', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Training a corrective action requires' })
  mandatedTraining: string | null;

  @Column({ name: 'training_due_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  trainingDueOn: string | null;

  @Column({ name: 'decided_on', type: 'date' })
  @Field(() => LocalDateResolver)
  decidedOn: string;

  @Column({ name: 'finalized_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  finalizedOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ name: 'public_disciplinary_action' })
@ObjectType({ description: 'A final disciplinary action as the public registry shows it' })
export class PublicDisciplinaryAction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'sanction_id', type: 'uuid' })
  sanctionId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ type: 'text' })
  @Field(() => ComplaintOutcomeKindEnum)
  kind: ComplaintOutcomeKind;

  @Column({ name: 'effective_from', type: 'date' })
  @Field(() => LocalDateResolver)
  effectiveFrom: string;

  @Column({ name: 'effective_until', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  effectiveUntil: string | null;

  @Column({ name: 'published_on', type: 'date' })
  @Field(() => LocalDateResolver)
  publishedOn: string;
}
