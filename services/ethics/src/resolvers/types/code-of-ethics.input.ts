import { EthicsPrinciple } from '@cpss/domain';
import { ArrayMaxSize, IsNotEmpty, MaxLength, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { EthicsPrincipleEnum } from '../../entities/code-of-ethics';

@InputType()
export class CodeOfEthicsPrincipleInput {
  @Field(() => EthicsPrincipleEnum)
  code: EthicsPrinciple;

  @Field()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @Field()
  @IsNotEmpty()
  @MaxLength(2000)
  statement: string;
}

@InputType()
export class AddCodeOfEthicsVersionInput {
  @Field({ description: 'Version label, e.g. 2026' })
  @IsNotEmpty()
  @MaxLength(40)
  version: string;

  @Field(() => LocalDateResolver)
  effectiveFrom: string;

  @Field()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @Field(() => [CodeOfEthicsPrincipleInput], { description: 'In the order of the code' })
  @ValidateNested()
  @ArrayMaxSize(50)
  principles: CodeOfEthicsPrincipleInput[];
}
