import { ConnectionArgs } from '@cpss/server-kit';
import { MaxLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class PeopleArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Part of a legal or preferred name' })
  @MaxLength(100)
  search?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(40)
  county?: string | null;
}
