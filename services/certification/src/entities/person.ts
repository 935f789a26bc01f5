// Person: owned by certification and shared with every subgraph as a federation entity.
import { STAFF_ROLES } from '@cpss/domain';
import { LocalDateResolver } from 'graphql-scalars';
import { Authorized, Directive, Field, ID, ObjectType } from 'type-graphql';
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
