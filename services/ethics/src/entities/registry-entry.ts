// The public registry's entry is owned by certification; ethics adds the public disciplinary status
// to it, keyed by certification number and using the person id certification hides from clients.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType('RegistryEntry')
@Directive('@key(fields: "certificationNumber")')
export class RegistryEntry {
  @Field()
  certificationNumber: string;

  @Field(() => ID)
  @Directive('@external')
  personId: string;
}
