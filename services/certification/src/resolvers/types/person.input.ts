import { GraphQLID } from 'graphql';
import { Field, InputType, Int } from 'type-graphql';
import { GenderEnum, RaceEthnicityEnum, VeteranStatusEnum } from '../../entities/enums';

@InputType()
export class MailingAddressInput {
  @Field()
  line1: string;

  @Field(() => String, { nullable: true })
  line2?: string | null;

  @Field()
  city: string;

  @Field({ description: 'Two-letter state code' })
  state: string;

  @Field({ description: 'ZIP or ZIP+4' })
  postalCode: string;
}

@InputType({ description: 'Fields left out are kept; null clears a voluntary answer' })
export class UpdatePersonProfileInput {
  @Field(() => GraphQLID)
  personId: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  preferredName?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => MailingAddressInput, { nullable: true })
  mailingAddress?: MailingAddressInput | null;

  @Field(() => [RaceEthnicityEnum], { nullable: true })
  raceEthnicity?: string[] | null;

  @Field(() => GenderEnum, { nullable: true })
  gender?: string | null;

  @Field(() => VeteranStatusEnum, { nullable: true })
  veteranStatus?: string | null;
}
