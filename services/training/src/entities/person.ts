// Person is owned by certification; training only knows its key and adds fields to it.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Person')
@Directive('@key(fields: "id")')
export class Person {
  @Field(() => ID)
  id: string;
}
