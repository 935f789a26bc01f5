// A person's completed training: the hours and kind that certification counts.
import { CourseKind } from '@cpss/domain';
import { LocalDateResolver } from 'graphql-scalars';
import { graphqlEnum } from '@cpss/server-kit';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const CourseKindEnum = graphqlEnum(CourseKind, 'CourseKind', 'Kinds of course in the training standards');

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
