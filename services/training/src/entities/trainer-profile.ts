// A person as a trainer: their registrations (ACTIVE or REMOVED) and the sessions they are yet to give.
import { Field, ObjectType } from 'type-graphql';
import { TrainerStatus, TrainerStatusEnum } from './enums';
import { CourseTrainer, TrainingSession } from './session';

@ObjectType({ description: "A person as a trainer: registered by course owners, and the sessions they are yet to give" })
export class TrainerProfile {
  @Field(() => TrainerStatusEnum, { description: 'ACTIVE while any registration is active; REMOVED once the program removed them as a trainer' })
  status: TrainerStatus;

  @Field(() => [CourseTrainer], { description: 'Every course the person was registered to teach, oldest first' })
  registrations: CourseTrainer[];

  @Field(() => [TrainingSession], { description: 'Scheduled sessions not yet started, by first day' })
  upcomingSessions: TrainingSession[];
}
