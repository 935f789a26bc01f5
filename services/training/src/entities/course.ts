// Courses and their submissions for approval (DOMAIN.md "Training: courses and curriculum approval").
// A course belongs to the curriculum developer's account (owner_id = the account's subject).
import { CourseKind, CourseMaterialKind, CourseStatus, CourseSubmissionPurpose, CourseSubmissionStatus } from '@cpss/domain';
import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CourseMaterialKindEnum, CourseStatusEnum, CourseSubmissionPurposeEnum, CourseSubmissionStatusEnum, numeric } from './enums';
import { CourseKindEnum } from './training-completion';

@Entity({ name: 'course' })
@ObjectType({ description: 'A course owned by a curriculum developer, with its approval status and term' })
@Directive('@key(fields: "id")')
export class Course {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'owner_id', type: 'text' })
  @Field({ description: "The course owner's account" })
  ownerId: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The course code of a course imported from a CSV file (unique); none for a course made in the platform' })
  code: string | null;

  @Column({ type: 'text' })
  @Field()
  title: string;

  @Column({ type: 'text' })
  @Field(() => CourseKindEnum)
  kind: CourseKind;

  @Column({ name: 'face_to_face_hours', type: 'numeric', precision: 5, scale: 2, transformer: numeric })
  @Field(() => Float)
  faceToFaceHours: number;

  @Column({ name: 'pre_work_hours', type: 'numeric', precision: 5, scale: 2, transformer: numeric })
  @Field(() => Float)
  preWorkHours: number;

  @Column({ name: 'child_and_family', type: 'boolean' })
  @Field({ description: 'About children and families (certification counts a limited number of such hours)' })
  childAndFamily: boolean;

  @Column({ type: 'text' })
  @Field(() => CourseStatusEnum)
  status: CourseStatus;

  @Column({ name: 'approved_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  approvedOn: string | null;

  @Column({ name: 'expires_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true, description: 'End of the approval term: no session may be scheduled after it' })
  expiresOn: string | null;

  @Column({ type: 'integer' })
  @Field(() => Int)
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field()
  createdAt: Date;

  get totalHours(): number {
    return this.faceToFaceHours + this.preWorkHours;
  }
}

@Entity({ name: 'course_submission' })
@ObjectType({ description: 'A course submitted for approval: crosswalk, agenda, materials and its review' })
export class CourseSubmission {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ name: 'owner_id', type: 'text' })
  ownerId: string;

  @Column({ type: 'text' })
  @Field(() => CourseSubmissionPurposeEnum)
  purpose: CourseSubmissionPurpose;

  @Column({ type: 'text' })
  @Field(() => CourseSubmissionStatusEnum)
  status: CourseSubmissionStatus;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: '1 for the first submission, 2 for the resubmission' })
  attempt: number;

  @Column({ name: 'standards_version_id', type: 'uuid' })
  standardsVersionId: string;

  @Column({ name: 'policy_version_id', type: 'uuid', nullable: true })
  policyVersionId: string | null;

  @Column({ name: 'submitted_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  submittedOn: string | null;

  @Column({ name: 'fee_usd', type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: numeric })
  @Field(() => Float, { nullable: true, description: 'Submission fee, from the policy in force on the submission date' })
  feeUsd: number | null;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  decidedOn: string | null;

  @Column({ type: 'integer' })
  @Field(() => Int)
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field()
  createdAt: Date;
}

@Entity({ name: 'course_agenda_entry' })
@ObjectType({ description: 'A block of the daily agenda (day 0 is pre-work)' })
export class CourseAgendaEntry {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Day of the course; 0 for pre-work' })
  day: number;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  @Field()
  title: string;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numeric })
  @Field(() => Float)
  hours: number;
}

@Entity({ name: 'crosswalk_entry' })
@ObjectType({ description: 'Where a core concept is taught in the course materials' })
export class CrosswalkEntry {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @Column({ name: 'concept_id', type: 'uuid' })
  @Field(() => ID)
  conceptId: string;

  @Column({ type: 'text' })
  @Field(() => CourseMaterialKindEnum)
  material: CourseMaterialKind;

  @Column({ type: 'text' })
  @Field({ description: 'Module and/or page' })
  location: string;

  @Column({ name: 'agenda_block', type: 'text' })
  @Field({ description: 'The agenda block that teaches it' })
  agendaBlock: string;
}

@Entity({ name: 'course_material' })
@ObjectType({ description: 'An uploaded course material (Word, PowerPoint or PDF)' })
export class CourseMaterial {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @Column({ type: 'text' })
  @Field(() => CourseMaterialKindEnum)
  kind: CourseMaterialKind;

  @Column({ name: 'document_id', type: 'uuid' })
  @Field(() => ID)
  documentId: string;

  @Column({ name: 'file_name', type: 'text' })
  @Field()
  fileName: string;

  @Column({ type: 'text' })
  @Field()
  format: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  @Field(() => Int)
  sizeBytes: number;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'The submission attempt it was uploaded for' })
  attempt: number;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  @Field()
  uploadedAt: Date;
}

@Entity({ name: 'concept_review' })
@ObjectType({ description: "The review team's finding on one core concept" })
export class ConceptReview {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @Column({ type: 'integer' })
  @Field(() => Int)
  attempt: number;

  @Column({ name: 'concept_id', type: 'uuid' })
  @Field(() => ID)
  conceptId: string;

  @Column({ type: 'boolean' })
  @Field()
  met: boolean;

  @Column({ type: 'text' })
  @Field()
  comment: string;

  @Column({ type: 'text' })
  @Field()
  reviewer: string;

  @Column({ name: 'reviewed_at', type: 'timestamptz' })
  @Field()
  reviewedAt: Date;
}
