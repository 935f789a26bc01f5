// A certification: issued on approval, renewed by recertification; its status on any date is
// derived (services/lifecycle.ts) from its dates and its events, never stored.
import type { CertificationEventKind, DesignationKind, FeeKind, FeeStatus, PaymentMethod } from '@cpss/domain';
import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { CertificationEventKindEnum, DesignationKindEnum, FeeKindEnum, FeeStatusEnum, PaymentMethodEnum } from './enums';

@Entity({ name: 'certification' })
@ObjectType({ description: 'A CPSS certification' })
@Directive('@key(fields: "id")')
export class Certification {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field({ description: 'The certification number printed on the certificate' })
  number: string;

  @Column({ name: 'person_id', type: 'uuid' })
  @Field(() => ID, { description: 'The holder (training asks for it to count hours since the last certification)' })
  personId: string;

  @Column({ name: 'issued_on', type: 'date' })
  @Field(() => LocalDateResolver)
  issuedOn: string;

  @Column({ name: 'last_certified_on', type: 'date' })
  @Field(() => LocalDateResolver, { description: 'The last (re)certification' })
  lastCertifiedOn: string;

  @Column({ name: 'due_on', type: 'date' })
  @Field(() => LocalDateResolver, { description: 'Last day of the certification month, a term after the last (re)certification' })
  dueOn: string;

  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  @Field(() => Int)
  version: number;
}

@Entity({ name: 'certification_designation' })
@ObjectType({ description: 'A designation held with a certification' })
export class CertificationDesignation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'certification_id', type: 'uuid' })
  certificationId: string;

  @Column({ type: 'text' })
  @Field(() => DesignationKindEnum)
  designation: DesignationKind;

  @Column({ name: 'granted_on', type: 'date' })
  @Field(() => LocalDateResolver)
  grantedOn: string;
}

@Entity({ name: 'certification_event' })
@ObjectType({ description: 'A status change by command: suspended, reinstated, revoked, relinquished' })
export class CertificationEvent {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'certification_id', type: 'uuid' })
  certificationId: string;

  @Column({ type: 'text' })
  @Field(() => CertificationEventKindEnum)
  kind: CertificationEventKind;

  @Column({ name: 'effective_on', type: 'date' })
  @Field(() => LocalDateResolver)
  effectiveOn: string;

  /** A suspension for a period (an ethics sanction): its last day; it no longer applies after. */
  @Column({ name: 'effective_until', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true, description: 'A suspension for a period: its last day (null when open-ended)' })
  effectiveUntil: string | null;

  @Column({ type: 'text' })
  @Field()
  reason: string;

  @Column({ type: 'text' })
  actor: string;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at: Date;
}

@Entity({ name: 'fee' })
@ObjectType('ApplicationFee', { description: 'A line of an application fee ledger' })
export class Fee {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ type: 'text' })
  @Field(() => FeeKindEnum)
  kind: FeeKind;

  @Column({ name: 'amount_cents', type: 'integer' })
  @Field(() => Int)
  amountCents: number;

  @Column({ type: 'text' })
  @Field(() => FeeStatusEnum)
  status: FeeStatus;

  @Column({ type: 'text', nullable: true })
  @Field(() => PaymentMethodEnum, { nullable: true })
  method: PaymentMethod | null;

  @Column({ name: 'reference_number', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Check or money order number' })
  referenceNumber: string | null;

  @Column({ name: 'paid_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  paidOn: string | null;

  @Column({ name: 'waived_reason', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  waivedReason: string | null;

  @Column({ name: 'recorded_by', type: 'text', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @VersionColumn()
  @Field(() => Int)
  version: number;
}
