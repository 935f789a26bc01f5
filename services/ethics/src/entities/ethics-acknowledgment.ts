// A signed acknowledgment of a version of the Code of Ethics: certification asks for one.
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'ethics_acknowledgment' })
@ObjectType({ description: 'A person signed a version of the Code of Ethics' })
export class EthicsAcknowledgment {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'code_of_ethics_version_id', type: 'uuid' })
  codeOfEthicsVersionId: string;

  /** The version's label, kept beside the reference (readers of the first schema use it). */
  @Column({ name: 'code_version', type: 'text' })
  @Field({ description: 'Version of the Code of Ethics signed' })
  codeVersion: string;

  @Column({ name: 'signed_on', type: 'date' })
  @Field(() => LocalDateResolver)
  signedOn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
