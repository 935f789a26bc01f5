// Application inputs. Dates are YYYY-MM-DD strings checked in the service, so a bad one comes back
// as BAD_USER_INPUT naming its path (input.trainingLog.2.completedOn).
import { ConnectionArgs } from '@cpss/server-kit';
import { GraphQLID } from 'graphql';
import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { ApplicationChannelEnum, ApplicationStatusEnum, DesignationKindEnum, EducationProofKindEnum, PaymentMethodEnum } from '../../entities/enums';
import { DocumentUploadInput } from '@cpss/server-kit';

@InputType()
export class CreateApplicationInput {
  @Field(() => GraphQLID, { nullable: true, description: 'Staff entering a mailed packet name the person; applicants omit it' })
  personId?: string | null;

  @Field(() => ApplicationChannelEnum, { nullable: true, defaultValue: 'ONLINE' })
  channel?: 'ONLINE' | 'MAIL' | null;
}

@InputType()
export class CreateRecertificationInput {
  @Field(() => GraphQLID)
  certificationId: string;

  @Field(() => ApplicationChannelEnum, { nullable: true, defaultValue: 'ONLINE' })
  channel?: 'ONLINE' | 'MAIL' | null;
}

@InputType()
export class CoreCourseInput {
  @Field()
  title: string;

  @Field({ description: 'YYYY-MM-DD' })
  completedOn: string;

  @Field(() => Float)
  hours: number;
}

@InputType()
export class TrainingLogEntryInput {
  @Field()
  topic: string;

  @Field(() => Float)
  hours: number;

  @Field({ description: 'YYYY-MM-DD' })
  completedOn: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  childFamily?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  ethics?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  militarySpecific?: boolean | null;

  @Field(() => GraphQLID, { nullable: true })
  evidenceDocumentId?: string | null;

  @Field(() => String, { nullable: true })
  evidenceNote?: string | null;
}

@InputType()
export class ReferenceInput {
  @Field()
  name: string;

  @Field()
  relation: string;

  @Field(() => Float)
  yearsKnown: number;

  @Field()
  knowsAboutRecovery: boolean;

  @Field(() => String, { nullable: true })
  contact?: string | null;
}

@InputType()
export class DesignationRequestInput {
  @Field(() => DesignationKindEnum)
  designation: string;

  @Field(() => GraphQLID, { nullable: true })
  proofDocumentId?: string | null;
}

@InputType({ description: 'Parts left out are kept; lists given replace the saved ones' })
export class SaveApplicationDraftInput {
  @Field(() => GraphQLID)
  applicationId: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => Boolean, { nullable: true })
  consumerOfServices?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Sensitive. YYYY-MM-DD' })
  recoveryStartDate?: string | null;

  @Field(() => EducationProofKindEnum, { nullable: true })
  educationProofKind?: string | null;

  @Field(() => GraphQLID, { nullable: true })
  educationProofDocumentId?: string | null;

  @Field(() => CoreCourseInput, { nullable: true })
  coreCourse?: CoreCourseInput | null;

  @Field(() => [TrainingLogEntryInput], { nullable: true })
  trainingLog?: TrainingLogEntryInput[] | null;

  @Field(() => [ReferenceInput], { nullable: true })
  references?: ReferenceInput[] | null;

  @Field(() => String, { nullable: true, description: 'The Code of Ethics version signed (today)' })
  codeOfEthicsVersion?: string | null;

  @Field(() => String, { nullable: true, description: 'Sensitive' })
  recoveryStatement?: string | null;

  @Field(() => Boolean, { nullable: true })
  statementOwnWork?: boolean | null;

  @Field(() => String, { nullable: true })
  workHistory?: string | null;

  @Field(() => [DesignationRequestInput], { nullable: true })
  designationRequests?: DesignationRequestInput[] | null;
}

@InputType()
export class ApplicationVersionInput {
  @Field(() => GraphQLID)
  applicationId: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@InputType()
export class RequestMissingItemsInput {
  @Field(() => GraphQLID)
  applicationId: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => [String], { description: 'What is missing, one item each' })
  items: string[];
}

@InputType()
export class DenyApplicationInput {
  @Field(() => GraphQLID)
  applicationId: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => [String])
  reasons: string[];

  @Field({ description: 'How the applicant may appeal' })
  appealRights: string;
}

@InputType()
export class UploadApplicationDocumentInput {
  @Field(() => GraphQLID)
  applicationId: string;

  @Field({ description: 'EDUCATION_PROOF, TRAINING_CERTIFICATE, DESIGNATION_PROOF or OTHER' })
  purpose: string;

  @Field(() => DocumentUploadInput)
  file: DocumentUploadInput;
}

@InputType()
export class RecordFeePaymentInput {
  @Field(() => GraphQLID)
  feeId: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => PaymentMethodEnum)
  method: 'CHECK' | 'MONEY_ORDER';

  @Field({ description: 'Check or money order number' })
  referenceNumber: string;

  @Field({ description: 'YYYY-MM-DD' })
  paidOn: string;
}

@InputType()
export class WaiveFeeInput {
  @Field(() => GraphQLID)
  feeId: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field()
  reason: string;
}

@ArgsType()
export class ApplicationsArgs extends ConnectionArgs {
  @Field(() => GraphQLID, { nullable: true, description: 'Staff: one person' })
  personId?: string | null;

  @Field(() => [ApplicationStatusEnum], { nullable: true })
  statuses?: string[] | null;
}

@ArgsType()
export class ApplicationQueueArgs extends ConnectionArgs {
  @Field(() => [ApplicationStatusEnum], { nullable: true, description: 'Default: SUBMITTED and IN_REVIEW' })
  statuses?: string[] | null;

  @Field(() => ApplicationChannelEnum, { nullable: true })
  channel?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only cases waiting at least this many business days' })
  waitingAtLeastBusinessDays?: number | null;
}
