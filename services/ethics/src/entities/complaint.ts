// A complaint and its case: who and what it is about (respondent, allegations), the confidential
// detail and complainant identity (columns only; GraphQL reads them through audited field
// resolvers for ethics staff and admins), and the dates of each step of the flow.
import type { AppealDecision, ComplaintChannel, ComplaintOutcomeKind, ComplaintStatus, ComplaintSubjectKind, Cooperation, EthicsPrinciple, TriageLevel } from '@cpss/domain';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EthicsPrincipleEnum } from './code-of-ethics';
import {
  AppealDecisionEnum,
  ComplaintChannelEnum,
  ComplaintOutcomeKindEnum,
  ComplaintStatusEnum,
  ComplaintSubjectKindEnum,
  CooperationEnum,
  TriageLevelEnum,
} from './enums';

@Entity({ name: 'complaint' })
@ObjectType({ description: 'A complaint and its case (ethics staff and admins only)' })
export class Complaint {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'reference_number', type: 'text' })
  @Field()
  referenceNumber: string;

  @Column({ type: 'text' })
  @Field(() => ComplaintChannelEnum)
  channel: ComplaintChannel;

  @Column({ name: 'subject_kind', type: 'text' })
  @Field(() => ComplaintSubjectKindEnum)
  subjectKind: ComplaintSubjectKind;

  @Column({ name: 'respondent_person_id', type: 'uuid', nullable: true })
  respondentPersonId: string | null;

  @Column({ name: 'respondent_description', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Who the respondent is, when not (yet) linked to a person' })
  respondentDescription: string | null;

  @Column({ name: 'incident_on', type: 'date' })
  @Field(() => LocalDateResolver)
  incidentOn: string;

  @Column({ name: 'received_on', type: 'date' })
  @Field(() => LocalDateResolver)
  receivedOn: string;

  /** The policy version in force on receivedOn: the case's clocks run on its numbers. */
  @Column({ name: 'policy_version_id', type: 'uuid' })
  policyVersionId: string;

  /** The code in force on the incident date: allegations map to its principles. */
  @Column({ name: 'code_of_ethics_version_id', type: 'uuid' })
  codeOfEthicsVersionId: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ name: 'complainant_name', type: 'text' })
  complainantName: string;

  @Column({ name: 'complainant_email', type: 'text', nullable: true })
  complainantEmail: string | null;

  @Column({ name: 'complainant_phone', type: 'text', nullable: true })
  complainantPhone: string | null;

  @Column({ name: 'complainant_address', type: 'text', nullable: true })
  complainantAddress: string | null;

  @Column({ type: 'text' })
  @Field(() => ComplaintStatusEnum)
  status: ComplaintStatus;

  @Column({ type: 'int', default: 1 })
  @Field(() => Int, { description: 'Send it back with a change; a stale one is refused with CONFLICT' })
  version: number;

  @Column({ name: 'triage_level', type: 'text', nullable: true })
  @Field(() => TriageLevelEnum, { nullable: true })
  triageLevel: TriageLevel | null;

  @Column({ name: 'acknowledged_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  acknowledgedOn: string | null;

  @Column({ name: 'triaged_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  triagedOn: string | null;

  @Column({ name: 'referred_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  referredOn: string | null;

  @Column({ name: 'referred_to', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Who investigates (e.g. the Division’s program-integrity team)' })
  referredTo: string | null;

  @Column({ name: 'respondent_notified_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  respondentNotifiedOn: string | null;

  @Column({ name: 'respondent_response', type: 'text', nullable: true })
  respondentResponse: string | null;

  @Column({ name: 'respondent_responded_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  respondentRespondedOn: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => CooperationEnum, { nullable: true })
  cooperation: Cooperation | null;

  @Column({ name: 'cooperation_note', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  cooperationNote: string | null;

  @Column({ name: 'findings_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  findingsOn: string | null;

  @Column({ type: 'boolean', nullable: true })
  @Field(() => Boolean, { nullable: true, description: 'Whether the findings substantiate the allegations' })
  substantiated: boolean | null;

  @Column({ type: 'text', nullable: true })
  findings: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => ComplaintOutcomeKindEnum, { nullable: true })
  outcome: ComplaintOutcomeKind | null;

  @Column({ name: 'outcome_reason', type: 'text', nullable: true })
  outcomeReason: string | null;

  @Column({ name: 'outcome_notice_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true, description: 'Notice of the outcome: the appeal window runs from it' })
  outcomeNoticeOn: string | null;

  @Column({ name: 'appeal_deadline', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day an appeal is accepted' })
  appealDeadline: string | null;

  @Column({ name: 'appealed_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  appealedOn: string | null;

  @Column({ name: 'appeal_grounds', type: 'text', nullable: true })
  appealGrounds: string | null;

  @Column({ name: 'appeal_decision', type: 'text', nullable: true })
  @Field(() => AppealDecisionEnum, { nullable: true })
  appealDecision: AppealDecision | null;

  @Column({ name: 'appeal_decided_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  appealDecidedOn: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  closedOn: string | null;

  /** Due date of the earliest target clock still running (the queue's overdue filter reads it). */
  @Column({ name: 'next_due_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true, description: 'Due date of the earliest target still running' })
  nextDueOn: string | null;

  /** True once a HOLD_APPLICATION command was recorded for the respondent (released at close). */
  @Column({ name: 'application_hold', type: 'boolean', default: false })
  applicationHold: boolean;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity({ name: 'complaint_allegation' })
@ObjectType({ description: 'One allegation of a complaint, mapped to a principle of the Code of Ethics' })
export class ComplaintAllegation {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  @Field(() => EthicsPrincipleEnum)
  principle: EthicsPrinciple;

  /** Confidential: read through an audited field resolver. */
  @Column({ type: 'text' })
  description: string;
}

@ObjectType({ description: 'Who filed a complaint: confidential (ethics staff and admins; every read is audited)' })
export class Complainant {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  postalAddress: string | null;
}
