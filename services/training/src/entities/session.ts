// Trainers, sessions, enrollment and notices (DOMAIN.md "Training: sessions, attendance, certificates").
import { EnrollmentStatus, SessionDelivery, SessionStatus, type CourseKind } from '@cpss/domain';
import { CourseKindEnum } from './training-completion';
import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EnrollmentStatusEnum, numeric, SessionDeliveryEnum, SessionStatusEnum, TrainerStatus, TrainerStatusEnum } from './enums';

@Entity({ name: 'course_trainer' })
@ObjectType({ description: "A trainer registered by the course owner to teach the course" })
export class CourseTrainer {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  @Field(() => ID)
  courseId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  @Field(() => ID)
  personId: string;

  @Column({ name: 'registered_by', type: 'text' })
  @Field()
  registeredBy: string;

  @Column({ name: 'registered_on', type: 'date' })
  @Field(() => LocalDateResolver)
  registeredOn: string;

  @Column({ type: 'text', default: TrainerStatus.Active })
  @Field(() => TrainerStatusEnum, { description: 'REMOVED once the program removed the person as a trainer: they may no longer schedule this course' })
  status: TrainerStatus;

  @Column({ name: 'removed_on', type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true })
  removedOn: string | null;

  /** Why, in words fit for the course owner (never the case detail). */
  @Column({ name: 'removal_reason', type: 'text', nullable: true })
  removalReason: string | null;

  /** The ethics sanction that removed the trainer (ethics' confidential record: not exposed). */
  @Column({ name: 'removal_sanction_id', type: 'uuid', nullable: true })
  removalSanctionId: string | null;
}

@Entity({ name: 'training_session' })
@ObjectType({ description: 'A scheduled offering of an approved course' })
@Directive('@key(fields: "id")')
export class TrainingSession {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ name: 'trainer_person_id', type: 'uuid' })
  @Field(() => ID)
  trainerPersonId: string;

  @Column({ type: 'text' })
  @Field(() => SessionStatusEnum)
  status: SessionStatus;

  @Column({ type: 'text' })
  @Field(() => SessionDeliveryEnum)
  delivery: SessionDelivery;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  address: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  county: string | null;

  @Column({ name: 'meeting_url', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  meetingUrl: string | null;

  @Column({ type: 'integer' })
  @Field(() => Int)
  capacity: number;

  @Column({ name: 'registration_opens_on', type: 'date' })
  @Field(() => LocalDateResolver)
  registrationOpensOn: string;

  @Column({ name: 'registration_closes_on', type: 'date' })
  @Field(() => LocalDateResolver)
  registrationClosesOn: string;

  @Column({ name: 'first_day', type: 'date' })
  @Field(() => LocalDateResolver)
  firstDay: string;

  @Column({ name: 'last_day', type: 'date' })
  @Field(() => LocalDateResolver)
  lastDay: string;

  /** What the trainer's standing was when the session was scheduled or last moved (certification statuses, barring, when asked). */
  @Column({ name: 'standing_facts', type: 'jsonb', nullable: true })
  standingFacts: { certificationStatuses: string[]; barredFromTeaching: string | null; checkedAt: string } | null;

  @Column({ type: 'integer' })
  @Field(() => Int)
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ name: 'session_day' })
@ObjectType({ description: 'A day of a session and its hours' })
export class SessionDay {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ type: 'date' })
  @Field(() => LocalDateResolver)
  date: string;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numeric })
  @Field(() => Float)
  hours: number;
}

@Entity({ name: 'enrollment' })
@ObjectType({ description: "A person's place in a session: enrolled, waitlisted, withdrawn or completed" })
export class Enrollment {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  @Field(() => ID)
  sessionId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  @Field(() => ID)
  personId: string;

  @Column({ type: 'text' })
  @Field(() => EnrollmentStatusEnum)
  status: EnrollmentStatus;

  /** Arrival order: drawn from a sequence while the session row is locked. */
  @Column({ type: 'bigint', transformer: numeric, insert: false })
  arrival: number;

  @CreateDateColumn({ name: 'registered_at', type: 'timestamptz' })
  @Field()
  registeredAt: Date;

  @Column({ type: 'integer' })
  @Field(() => Int)
  version: number;
}

@Entity({ name: 'training_notice' })
@ObjectType({ description: 'A notice to a participant (session cancelled or moved, seat offered) or to a course owner (recertification due)' })
export class TrainingNotice {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  /** A person (participants), or null for a notice to an account (course owners). */
  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId: string | null;

  @Column({ name: 'account_id', type: 'text', nullable: true })
  accountId: string | null;

  /** Set by scheduled runs: one notice per key, however often the run goes. */
  @Column({ name: 'dedupe_key', type: 'text', nullable: true })
  dedupeKey: string | null;

  @Column({ name: 'subject_type', type: 'text' })
  @Field({ description: 'What the notice is about: TrainingSession, Enrollment or Course' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  @Field(() => ID)
  subjectId: string;

  @Column({ type: 'text' })
  @Field()
  message: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field()
  createdAt: Date;
}

@Entity({ name: 'attendance' })
@ObjectType({ description: 'Hours a participant attended on one session day (no date: pre-work)' })
export class Attendance {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  @Column({ type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true, description: 'Null for pre-work' })
  date: string | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numeric })
  @Field(() => Float)
  hours: number;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

@Entity({ name: 'completion_certificate' })
@ObjectType({ description: 'A completion certificate: hours, course kind and a verification code' })
export class CompletionCertificate {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  @Field(() => ID)
  personId: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ name: 'course_title', type: 'text' })
  @Field()
  courseTitle: string;

  @Column({ name: 'course_kind', type: 'text' })
  @Field(() => CourseKindEnum)
  courseKind: CourseKind;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numeric })
  @Field(() => Float)
  hours: number;

  @Column({ name: 'completed_on', type: 'date' })
  @Field(() => LocalDateResolver)
  completedOn: string;

  @Column({ name: 'verification_code', type: 'text' })
  @Field({ description: 'Anyone can check it with verifyTrainingCertificate' })
  verificationCode: string;

  @Column({ name: 'trainer_person_id', type: 'uuid' })
  trainerPersonId: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  @Field()
  issuedAt: Date;
}
