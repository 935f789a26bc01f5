// The public registry: anyone, without signing in, verifies a certification by its number or by
// name within a county. It returns its own narrow type (RegistryEntry), never Person or
// Certification, so no sensitive or staff-only field can be reached from it.
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { CertificationStatusEnum, DesignationKindEnum } from '../entities/enums';
import type { CertificationService } from '../services/certification.service';

@ObjectType({ description: 'What the public registry shows about a certification' })
// An entity so ethics can add the public disciplinary status; it needs the person's id, which is
// @inaccessible: the subgraphs see it, clients of the gateway cannot ask for it.
@Directive('@key(fields: "certificationNumber")')
export class RegistryEntry {
  @Field()
  certificationNumber: string;

  @Field(() => ID)
  @Directive('@inaccessible')
  personId: string;

  @Field({ description: 'Legal name (and preferred name)' })
  name: string;

  @Field()
  county: string;

  @Field(() => CertificationStatusEnum)
  status: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Good through this date, including the late window' })
  goodThrough: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'For a suspended, revoked or relinquished certification: the day it took effect' })
  statusEffectiveOn: string | null;

  @Field(() => [DesignationKindEnum])
  designations: string[];
}

@Resolver()
export class RegistryResolver {
  constructor(private readonly certifications: CertificationService) {}

  @Query(() => RegistryEntry, { nullable: true, description: 'Public: a certification by its number' })
  registryLookup(@Arg('certificationNumber') certificationNumber: string) {
    return this.certifications.registryByNumber(certificationNumber);
  }

  @Query(() => [RegistryEntry], { description: 'Public: certifications by part of a name within a county (at most 25)' })
  registrySearch(@Arg('name') name: string, @Arg('county') county: string) {
    return this.certifications.registrySearch(name, county);
  }
}

/** A registry entry referenced by number (public, like the registry itself). */
export function registryEntryReference(certifications: CertificationService) {
  return (ref: { certificationNumber: string }) => certifications.registryByNumber(ref.certificationNumber);
}
