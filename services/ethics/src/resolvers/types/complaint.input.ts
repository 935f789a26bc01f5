// Inputs of complaint intake and of each step of the case flow (validated with field paths).
import type { AppealDecision, ComplaintChannel, ComplaintOutcomeKind, ComplaintStatus, ComplaintSubjectKind, Cooperation, EthicsPrinciple, TriageLevel } from '@cpss/domain';
import { ConnectionArgs } from '@cpss/server-kit';
import { ArrayMaxSize, IsEmail, IsIn, IsNotEmpty, IsOptional, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { EthicsPrincipleEnum } from '../../entities/code-of-ethics';
import {
  AppealDecisionEnum,
  ComplaintChannelEnum,
  ComplaintOutcomeKindEnum,
  ComplaintStatusEnum,
  ComplaintSubjectKindEnum,
  CooperationEnum,
  TriageLevelEnum,
} from '../../entities/enums';

@InputType()
export class AllegationInput {
  @Field(() => EthicsPrincipleEnum, { description: 'The principle of the Code of Ethics the conduct would breach' })
  principle: EthicsPrinciple;

  @Field()
  @IsNotEmpty()
  @MaxLength(4000)
  description: string;
}

@InputType({ description: 'Who files the complaint: kept confidential' })
export class ComplainantInput {
  @Field()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[0-9 ()+.-]{7,30}$/, { message: 'must be a phone number' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  postalAddress?: string | null;
}

@InputType({ description: 'A complaint from the public online form (no sign-in)' })
export class FileComplaintInput {
  @Field(() => ComplaintSubjectKindEnum)
  subjectKind: ComplaintSubjectKind;

  @Field(() => String, { nullable: true, description: 'Whom the complaint is about: name, role, where they work' })
  @IsOptional()
  @MaxLength(500)
  respondentDescription?: string | null;

  @Field(() => LocalDateResolver, { description: 'When the conduct happened (complaints are accepted within the filing limit)' })
  incidentOn: string;

  @Field({ description: 'What happened' })
  @IsNotEmpty()
  @MaxLength(20000)
  summary: string;

  @Field(() => ComplainantInput)
  @ValidateNested()
  complainant: ComplainantInput;

  @Field(() => [AllegationInput], { nullable: true })
  @IsOptional()
  @ValidateNested()
  @ArrayMaxSize(20)
  allegations?: AllegationInput[] | null;
}

@InputType({ description: 'A complaint received by phone, email or mail, entered by ethics staff' })
export class RecordComplaintInput extends FileComplaintInput {
  @Field(() => ComplaintChannelEnum)
  @IsIn(['PHONE', 'EMAIL', 'MAIL'], { message: 'must be PHONE, EMAIL or MAIL (the online form files itself)' })
  channel: ComplaintChannel;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day the call, email or letter arrived (today by default)' })
  receivedOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'The respondent, when known to be a person in the program' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a person id' })
  respondentPersonId?: string | null;
}

@InputType()
export class ComplaintStepInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a complaint id' })
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT' })
  @Min(1)
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}

@InputType()
export class TriageComplaintInput extends ComplaintStepInput {
  @Field(() => TriageLevelEnum)
  level: TriageLevel;

  @Field(() => ID, { nullable: true, description: 'Links the respondent to a person when intake could not' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a person id' })
  respondentPersonId?: string | null;

  @Field(() => [AllegationInput], { nullable: true, description: 'Replaces the allegations, mapped to principles' })
  @IsOptional()
  @ValidateNested()
  @ArrayMaxSize(20)
  allegations?: AllegationInput[] | null;
}

@InputType()
export class ReferComplaintInput extends ComplaintStepInput {
  @Field({ description: 'Who investigates, e.g. the Division’s program-integrity team' })
  @IsNotEmpty()
  @MaxLength(300)
  referredTo: string;
}

@InputType()
export class RespondentResponseInput extends ComplaintStepInput {
  @Field()
  @IsNotEmpty()
  @MaxLength(20000)
  response: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When the response arrived (today by default)' })
  receivedOn?: string | null;
}

@InputType()
export class CooperationInput extends ComplaintStepInput {
  @Field(() => CooperationEnum)
  cooperation: Cooperation;
}

@InputType()
export class FindingsInput extends ComplaintStepInput {
  @Field()
  substantiated: boolean;

  @Field()
  @IsNotEmpty()
  @MaxLength(20000)
  findings: string;
}

@InputType({ description: 'The outcome; sanction details as the kind requires them' })
export class OutcomeInput extends ComplaintStepInput {
  @Field(() => ComplaintOutcomeKindEnum)
  outcome: ComplaintOutcomeKind;

  @Field({ description: 'Why: sent with the notice' })
  @IsNotEmpty()
  @MaxLength(20000)
  reason: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Start of a sanction (probation, suspension, revocation, removal as trainer)' })
  effectiveFrom?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'End of a probation or suspension period' })
  effectiveUntil?: string | null;

  @Field(() => String, { nullable: true, description: 'Conditions of a probation' })
  @IsOptional()
  @MaxLength(4000)
  conditions?: string | null;

  @Field(() => String, { nullable: true, description: 'Training a corrective action mandates' })
  @IsOptional()
  @MaxLength(500)
  mandatedTraining?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'When the mandated training is due' })
  trainingDueOn?: string | null;
}

@InputType()
export class AppealInput extends ComplaintStepInput {
  @Field()
  @IsNotEmpty()
  @MaxLength(20000)
  grounds: string;
}

@InputType()
export class AppealDecisionInput extends ComplaintStepInput {
  @Field(() => AppealDecisionEnum)
  decision: AppealDecision;

  @Field()
  @IsNotEmpty()
  @MaxLength(20000)
  reason: string;
}

@InputType({ description: 'Filters of the complaint queue' })
export class ComplaintFilterInput {
  @Field(() => Boolean, { nullable: true, description: 'true: not closed (the default); false: closed; null: all' })
  open?: boolean | null;

  @Field(() => [ComplaintStatusEnum], { nullable: true })
  statuses?: ComplaintStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only cases whose earliest running target is past due' })
  overdue?: boolean | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a person id' })
  respondentPersonId?: string | null;

  @Field(() => ComplaintSubjectKindEnum, { nullable: true })
  subjectKind?: ComplaintSubjectKind | null;

  @Field(() => TriageLevelEnum, { nullable: true })
  triageLevel?: TriageLevel | null;

  @Field(() => String, { nullable: true, description: 'The reference number a complainant quotes (e.g. ETH-2026-000123)' })
  @IsOptional()
  @MaxLength(40)
  referenceNumber?: string | null;
}

@ArgsType()
export class ComplaintsArgs extends ConnectionArgs {
  @Field(() => ComplaintFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ComplaintFilterInput | null;
}
