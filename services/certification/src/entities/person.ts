// Person: owned by certification and shared with every subgraph as a federation entity.
import { STAFF_ROLES, type Gender, type RaceEthnicity, type VeteranStatus } from '@cpss/domain';
import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity({ name: 'person' })
@ObjectType({ description: 'A person known to the program: applicant, CPSS, trainer or course owner' })
@Directive('@key(fields: "id")')
export class Person {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'legal_name', type: 'text' })
  @Field()
  legalName: string;

  @Column({ name: 'preferred_name', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  preferredName: string | null;

  /** Staff or the person themself (checked in PersonResolver.email). */
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'date_of_birth', type: 'date' })
  @Field(() => LocalDateResolver, { description: 'Readable by program staff only' })
  @Authorized(STAFF_ROLES)
  dateOfBirth: string;

  @Column({ type: 'text' })
  @Field({ description: 'North Carolina county of residence' })
  county: string;

  /** Contact and demographics: staff or the person themself (checked in PersonResolver). */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ name: 'address_line1', type: 'text', nullable: true })
  addressLine1: string | null;

  @Column({ name: 'address_line2', type: 'text', nullable: true })
  addressLine2: string | null;

  @Column({ name: 'address_city', type: 'text', nullable: true })
  addressCity: string | null;

  @Column({ name: 'address_state', type: 'text', nullable: true })
  addressState: string | null;

  @Column({ name: 'address_postal_code', type: 'text', nullable: true })
  addressPostalCode: string | null;

  @Column({ name: 'race_ethnicity', type: 'text', array: true, default: () => "'{}'" })
  raceEthnicity: RaceEthnicity[];

  @Column({ type: 'text', nullable: true })
  gender: Gender | null;

  @Column({ name: 'veteran_status', type: 'text', nullable: true })
  veteranStatus: VeteranStatus | null;

  /** The sign-in account linked to this person (staff only). */
  @Column({ name: 'account_id', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The linked sign-in account (program staff only)' })
  @Authorized(STAFF_ROLES)
  accountId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  @Field(() => Int, { description: 'Optimistic concurrency: send it back as expectedVersion' })
  version: number;
}
