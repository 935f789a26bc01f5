// Output types of complaints that are not tables: the public receipt, clocks, the public status.
import { Connection, graphqlEnum } from '@cpss/server-kit';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Complaint } from '../../entities/complaint';
import { ComplaintClockStepEnum, type ComplaintClockStep } from '../../entities/enums';
import { PublicDisciplinaryAction } from '../../entities/sanction';

@ObjectType({ description: 'What the public form gives back: the reference number, nothing else' })
export class ComplaintReceipt {
  @Field({ description: 'Quote it when contacting the program about this complaint' })
  referenceNumber: string;
}

export const ClockKind = graphqlEnum({ Target: 'TARGET', Window: 'WINDOW' }, 'ComplaintClockKind', 'TARGET: finish by the due date; WINDOW: may be done until the due date');

@ObjectType({ description: 'A step of a case against its target (or window), in business days' })
export class ComplaintClock {
  @Field(() => ComplaintClockStepEnum)
  step: ComplaintClockStep;

  @Field(() => ClockKind)
  kind: 'TARGET' | 'WINDOW';

  @Field(() => Int)
  targetBusinessDays: number;

  @Field(() => LocalDateResolver)
  startedOn: string;

  @Field(() => LocalDateResolver)
  dueOn: string;

  @Field(() => LocalDateResolver, { nullable: true })
  completedOn: string | null;

  @Field(() => Int, { description: 'Business days from the start to completion (or today)' })
  businessDaysElapsed: number;

  @Field({ description: 'Still counting' })
  running: boolean;

  @Field({ description: 'A target missed (or still open past its due date)' })
  overdue: boolean;
}

@ObjectType()
export class ComplaintConnection extends Connection(Complaint, 'Complaint') {}

const Standing = { NoAction: 'NO_ACTION', CorrectiveAction: 'CORRECTIVE_ACTION', Probation: 'PROBATION', Suspension: 'SUSPENSION', Revocation: 'REVOCATION' } as const;
export const PublicDisciplinaryStanding = graphqlEnum(Standing, 'PublicDisciplinaryStanding', 'The most severe final action in effect today');

@ObjectType({ description: 'A person’s public disciplinary status: final actions only, never complaint detail' })
export class PublicDisciplinaryStatus {
  @Field(() => ID)
  personId: string;

  @Field(() => PublicDisciplinaryStanding)
  standing: string;

  @Field()
  removedAsTrainer: boolean;

  @Field(() => [PublicDisciplinaryAction], { description: 'Final actions, newest first' })
  actions: PublicDisciplinaryAction[];
}
