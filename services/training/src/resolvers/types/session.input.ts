import { SessionDelivery } from '@cpss/domain';
import { ConnectionArgs } from '@cpss/server-kit';
import { ArrayMaxSize, IsNotEmpty, IsUrl, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { SessionDeliveryEnum } from '../../entities/enums';

@InputType()
export class RegisterCourseTrainerInput {
  @Field(() => ID)
  courseId: string;

  @Field(() => ID, { description: "The trainer's person id" })
  personId: string;
}

@InputType({ description: 'A day of a session and its hours' })
export class SessionDayInput {
  @Field(() => LocalDateResolver)
  date: string;

  @Field(() => Float)
  @Min(0.25)
  @Max(12)
  hours: number;
}

@InputType()
export class ScheduleTrainingSessionInput {
  @Field(() => ID)
  courseId: string;

  @Field(() => SessionDeliveryEnum)
  delivery: SessionDelivery;

  @Field(() => String, { nullable: true, description: 'Required in person' })
  @MaxLength(300)
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Required in person: a North Carolina county' })
  @MaxLength(40)
  county?: string | null;

  @Field(() => String, { nullable: true, description: 'Virtual sessions' })
  @MaxLength(500)
  @IsUrl({ protocols: ['https'], require_protocol: true })
  meetingUrl?: string | null;

  @Field(() => Int, { nullable: true, description: 'Class size; the policy default when omitted' })
  @Min(1)
  @Max(200)
  capacity?: number | null;

  @Field(() => LocalDateResolver)
  registrationOpensOn: string;

  @Field(() => LocalDateResolver)
  registrationClosesOn: string;

  @Field(() => [SessionDayInput])
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  days: SessionDayInput[];
}

@InputType()
export class RescheduleTrainingSessionInput {
  @Field(() => ID)
  sessionId: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => LocalDateResolver)
  registrationOpensOn: string;

  @Field(() => LocalDateResolver)
  registrationClosesOn: string;

  @Field(() => [SessionDayInput])
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  days: SessionDayInput[];

  @Field()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

@InputType()
export class CancelTrainingSessionInput {
  @Field(() => ID)
  sessionId: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

@ArgsType()
export class TrainingSessionsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true })
  courseId?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Sessions not over before this date' })
  from?: string | null;
}

@InputType()
export class RegisterForTrainingSessionInput {
  @Field(() => ID)
  sessionId: string;

  @Field(() => ID, { nullable: true, description: 'Staff registering someone; yourself when omitted' })
  personId?: string | null;
}

@InputType()
export class WithdrawFromTrainingSessionInput {
  @Field(() => ID)
  enrollmentId: string;

  @Field(() => String, { nullable: true })
  @MaxLength(1000)
  reason?: string | null;
}
