// A person's completed training: the hours and kind that certification counts, where it came from
// (a session here, an external provider entered by staff, or the legacy record) and whether it is
// about children and families (certification counts a limited number of those hours).
import { CompletionSource, CourseKind } from '@cpss/domain';
import { LocalDateResolver } from 'graphql-scalars';
import { graphqlEnum } from '@cpss/server-kit';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const CourseKindEnum = graphqlEnum(CourseKind, 'CourseKind', 'Kinds of course in the training standards');
// Registered here rather than in enums.ts so the enum exists wherever this entity is imported.
export const CompletionSourceEnum = graphqlEnum(CompletionSource, 'TrainingCompletionSource', 'Where a completion on a training record came from');

const numeric = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity({ name: 'training_completion' })
@Index('training_completion_person_idx', ['personId', 'completedOn'])
@ObjectType({ description: 'Training a person completed, with its hours and course kind' })
export class TrainingCompletion {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'course_title', type: 'text' })
  @Field()
  courseTitle: string;

  @Column({ type: 'text' })
  @Field(() => CourseKindEnum)
  kind: CourseKind;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numeric })
  @Field(() => Float)
  hours: number;

  @Column({ name: 'completed_on', type: 'date' })
  @Field(() => LocalDateResolver)
  completedOn: string;

  @Column({ type: 'text', default: CompletionSource.Legacy })
  @Field(() => CompletionSourceEnum)
  source: CompletionSource;

  @Column({ name: 'child_and_family', type: 'boolean', default: false })
  @Field({ description: 'About children and families' })
  childAndFamily: boolean;

  @Column({ name: 'course_id', type: 'uuid', nullable: true })
  courseId: string | null;

  @Column({ name: 'certificate_id', type: 'uuid', nullable: true })
  certificateId: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The outside provider of an external completion' })
  provider: string | null;

  @Column({ name: 'evidence_document_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  evidenceDocumentId: string | null;

  @Column({ name: 'entered_by', type: 'text', nullable: true })
  enteredBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /**
   * False when the completion is of one of the program's courses on a date outside that course's
   * approval term (after it expired): it stays on the record but no longer counts toward certification.
   * Filled when read (TrainingRecordService.completionsOf).
   */
  @Field({ description: "Whether the hours count toward certification: false for a course completed outside its approval term (e.g. after it expired)" })
  countsTowardCertification: boolean;
}
