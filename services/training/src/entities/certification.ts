// Certification is owned by certification; training adds the training hours completed since the
// last (re)certification, from the person and date certification provides (@requires).
import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Certification')
@Directive('@key(fields: "id")')
export class Certification {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  @Directive('@external')
  personId: string;

  @Field(() => LocalDateResolver)
  @Directive('@external')
  lastCertifiedOn: string;
}

/** Hours that count toward certification completed after a date. */
export interface HoursSince {
  hours: number;
  ethicsHours: number;
}

/** A resolved reference: the representation, and its hours when the caller may read them. */
export type CertificationReference = Certification & { hoursSince?: HoursSince };
