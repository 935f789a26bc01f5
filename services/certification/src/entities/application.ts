// An application for certification (initial) or for renewing one (recertification), with its parts.
// The recovery start date and recovery statement are sensitive: they have no plain GraphQL field;
// ApplicationResolver exposes them to the applicant and certification reviewers, audited.
import type { ApplicationChannel, ApplicationKind, ApplicationStatus, DesignationKind, EducationProofKind } from '@cpss/domain';
import { GraphQLID } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ExternalFacts } from '../services/cross-domain';
import { ApplicationChannelEnum, ApplicationKindEnum, ApplicationStatusEnum, DesignationKindEnum, EducationProofKindEnum, numeric } from './enums';

@ObjectType({ description: 'A core Peer Support Specialist course completion, as declared' })
export class CoreCourseCompletion {
  @Field()
  title: string;

  @Field(() => LocalDateResolver)
  completedOn: string;

  @Field(() => Float)
  hours: number;
}

@Entity({ name: 'application' })
@ObjectType({ description: 'An application for certification or recertification' })
export class Application {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ type: 'text' })
  @Field(() => ApplicationKindEnum)
  kind: ApplicationKind;

  @Column({ type: 'text' })
  @Field(() => ApplicationChannelEnum)
  channel: ApplicationChannel;

  @Column({ type: 'text' })
  @Field(() => ApplicationStatusEnum)
  status: ApplicationStatus;

  /** The certification renewed (recertification only). */
  @Column({ name: 'certification_id', type: 'uuid', nullable: true })
  @Field(() => GraphQLID, { nullable: true })
  certificationId: string | null;

  @Column({ name: 'submitted_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true, description: 'Fixes the policy version the case is judged by' })
  submittedOn: string | null;

  /** When the case last entered the staff queue (submission or resubmission). */
  @Column({ name: 'queued_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  queuedOn: string | null;

  @Column({ name: 'incomplete_since', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  incompleteSince: string | null;

  @Column({ name: 'policy_version_id', type: 'uuid', nullable: true })
  policyVersionId: string | null;

  @Column({ name: 'missing_items', type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'What staff asked for while the application is incomplete' })
  missingItems: string[];

  @Column({ name: 'consumer_of_services', type: 'boolean', nullable: true })
  @Field(() => Boolean, { nullable: true, description: 'Attests being a current or former consumer of mental health and/or substance use services' })
  consumerOfServices: boolean | null;

  /** Sensitive. */
  @Column({ name: 'recovery_start_date', type: 'date', nullable: true })
  recoveryStartDate: string | null;

  @Column({ name: 'education_proof_kind', type: 'text', nullable: true })
  @Field(() => EducationProofKindEnum, { nullable: true })
  educationProofKind: EducationProofKind | null;

  @Column({ name: 'education_proof_document_id', type: 'uuid', nullable: true })
  @Field(() => GraphQLID, { nullable: true })
  educationProofDocumentId: string | null;

  @Column({ name: 'core_course_title', type: 'text', nullable: true })
  coreCourseTitle: string | null;

  @Column({ name: 'core_course_completed_on', type: 'date', nullable: true })
  coreCourseCompletedOn: string | null;

  @Column({ name: 'core_course_hours', type: 'numeric', nullable: true, transformer: numeric })
  coreCourseHours: number | null;

  @Column({ name: 'code_of_ethics_version', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The Code of Ethics version signed' })
  codeOfEthicsVersion: string | null;

  @Column({ name: 'code_of_ethics_signed_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  codeOfEthicsSignedOn: string | null;

  /** Sensitive. */
  @Column({ name: 'recovery_statement', type: 'text', nullable: true })
  recoveryStatement: string | null;

  @Column({ name: 'statement_own_work', type: 'boolean', default: false })
  @Field({ description: 'The applicant attests the recovery statement is their own' })
  statementOwnWork: boolean;

  @Column({ name: 'work_history', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  workHistory: string | null;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'Recertification submitted inside the late window (late fee added)' })
  late: boolean;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  decidedOn: string | null;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decision_reasons', type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String])
  decisionReasons: string[];

  @Column({ name: 'appeal_rights', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'How to appeal a denial' })
  appealRights: string | null;

  /**
   * Facts asked of other domains (training record, open complaints), kept as answered: refreshed
   * when the draft is created or saved (when they answer), and at submission and approval (they must).
   */
  @Column({ name: 'external_facts', type: 'jsonb', nullable: true })
  externalFacts: ExternalFacts | null;

  @Column({ name: 'external_facts_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the training record and open complaints were last asked of training and ethics (the checklist reads them as of then)' })
  externalFactsAt: Date | null;

  /** The checklist decided on, frozen with the decision (a later policy changes nothing). */
  @Column({ name: 'decision_checklist', type: 'jsonb', nullable: true })
  decisionChecklist: unknown[] | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  @Field(() => Int, { description: 'Optimistic concurrency: send it back as expectedVersion' })
  version: number;
}

@Entity({ name: 'training_log_entry' })
@ObjectType('ApplicationTrainingLogEntry', { description: 'One line of the training log: additional or recertification hours' })
export class TrainingLogEntry {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  @Field()
  topic: string;

  @Column({ type: 'numeric', transformer: numeric })
  @Field(() => Float)
  hours: number;

  @Column({ name: 'completed_on', type: 'date' })
  @Field(() => LocalDateResolver)
  completedOn: string;

  @Column({ name: 'child_family', type: 'boolean' })
  @Field({ description: 'About children and families (capped by policy)' })
  childFamily: boolean;

  @Column({ type: 'boolean' })
  @Field({ description: 'Ethics and Peer Support Boundaries training' })
  ethics: boolean;

  @Column({ name: 'military_specific', type: 'boolean' })
  @Field({ description: 'Military-specific training (military designation)' })
  militarySpecific: boolean;

  @Column({ name: 'evidence_document_id', type: 'uuid', nullable: true })
  @Field(() => GraphQLID, { nullable: true, description: 'Uploaded certificate' })
  evidenceDocumentId: string | null;

  @Column({ name: 'evidence_note', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Certificate number or issuer' })
  evidenceNote: string | null;
}

@Entity({ name: 'application_reference' })
@ObjectType({ description: 'A Personal Reference Form' })
export class ApplicationReference {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  @Field()
  name: string;

  @Column({ type: 'text' })
  @Field()
  relation: string;

  @Column({ name: 'years_known', type: 'numeric', transformer: numeric })
  @Field(() => Float)
  yearsKnown: number;

  @Column({ name: 'knows_about_recovery', type: 'boolean' })
  @Field()
  knowsAboutRecovery: boolean;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  contact: string | null;
}

@Entity({ name: 'designation_request' })
@ObjectType({ description: 'A designation asked for with the application' })
export class DesignationRequest {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ type: 'text' })
  @Field(() => DesignationKindEnum)
  designation: DesignationKind;

  @Column({ name: 'proof_document_id', type: 'uuid', nullable: true })
  @Field(() => GraphQLID, { nullable: true, description: 'DD-214 or Military ID for the military designation' })
  proofDocumentId: string | null;
}
