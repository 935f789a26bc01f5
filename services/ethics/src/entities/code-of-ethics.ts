// A version of the Code of Ethics and its principles (data, not code): acknowledgments sign a
// version, and complaint allegations are mapped to the principles of the version in force.
import { EthicsPrinciple } from '@cpss/domain';
import { graphqlEnum } from '@cpss/server-kit';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const EthicsPrincipleEnum = graphqlEnum(EthicsPrinciple, 'EthicsPrinciple', 'A principle of the Code of Ethics');

@Entity({ name: 'code_of_ethics_version' })
@ObjectType({ description: 'A version of the Code of Ethics, in force from its effective date until the next one' })
export class CodeOfEthicsVersion {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field({ description: 'Version label, e.g. 2019' })
  version: string;

  @Column({ name: 'effective_from', type: 'date' })
  @Field(() => LocalDateResolver)
  effectiveFrom: string;

  @Column({ type: 'text' })
  @Field()
  title: string;
}

@Entity({ name: 'code_of_ethics_principle' })
@ObjectType({ description: 'One principle of a version of the Code of Ethics' })
export class CodeOfEthicsPrinciple {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ type: 'text' })
  @Field(() => EthicsPrincipleEnum)
  code: EthicsPrinciple;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Position in the code' })
  number: number;

  @Column({ type: 'text' })
  @Field()
  title: string;

  @Column({ type: 'text' })
  @Field()
  statement: string;
}
