// Training standards as data: a version holds 9 domains, each with its core concepts. Course
// crosswalks and reviews point at the concepts of the version a submission was judged against.
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'standards_version' })
@ObjectType({ description: 'A version of the training standards: the domains and their core concepts' })
export class TrainingStandards {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field()
  version: string;

  @Column({ name: 'effective_from', type: 'date' })
  @Field(() => LocalDateResolver)
  effectiveFrom: string;

  @Column({ type: 'text' })
  @Field()
  note: string;

  @OneToMany(() => TrainingDomain, (d) => d.standards)
  @Field(() => [TrainingDomain])
  domains: TrainingDomain[];
}

@Entity({ name: 'standards_domain' })
@ObjectType({ description: 'One of the domains of the training standards' })
export class TrainingDomain {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'standards_version_id', type: 'uuid' })
  standardsVersionId: string;

  @ManyToOne(() => TrainingStandards, (s) => s.domains)
  @JoinColumn({ name: 'standards_version_id' })
  standards: TrainingStandards;

  @Column({ type: 'integer' })
  @Field(() => Int)
  number: number;

  @Column({ type: 'text' })
  @Field()
  name: string;

  @OneToMany(() => CoreConcept, (c) => c.domain)
  @Field(() => [CoreConcept])
  coreConcepts: CoreConcept[];
}

@Entity({ name: 'core_concept' })
@ObjectType({ description: 'A core concept a course must teach (crosswalk) and reviewers judge' })
export class CoreConcept {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'domain_id', type: 'uuid' })
  domainId: string;

  @ManyToOne(() => TrainingDomain, (d) => d.coreConcepts)
  @JoinColumn({ name: 'domain_id' })
  domain: TrainingDomain;

  @Column({ type: 'text' })
  @Field({ description: 'Domain number and concept number, e.g. 5.2' })
  code: string;

  @Column({ type: 'text' })
  @Field()
  statement: string;
}
