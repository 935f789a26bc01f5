import { ArrayMaxSize, ArrayMinSize, IsNotEmpty, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'One domain of a new standards version; its concepts are numbered in order (3.1, 3.2, …)' })
export class TrainingDomainInput {
  @Field(() => Int)
  @Min(1)
  @Max(99)
  number: number;

  @Field()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => [String], { description: 'The core concepts, in order' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsNotEmpty({ each: true })
  @MaxLength(1000, { each: true })
  concepts: string[];
}

@InputType()
export class AddTrainingStandardsVersionInput {
  @Field({ description: 'A name for the version, e.g. "2027"' })
  @IsNotEmpty()
  @MaxLength(40)
  version: string;

  @Field(() => LocalDateResolver, { description: 'Submissions created on or after this date are judged against the new version' })
  effectiveFrom: string;

  @Field({ defaultValue: '' })
  @MaxLength(2000)
  note: string;

  @Field(() => [TrainingDomainInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested()
  domains: TrainingDomainInput[];
}
