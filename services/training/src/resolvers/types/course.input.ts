import { CourseKind, CourseMaterialKind, CourseStatus, CourseSubmissionPurpose, CourseSubmissionStatus } from '@cpss/domain';
import { ConnectionArgs } from '@cpss/server-kit';
import { ArrayMaxSize, IsNotEmpty, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { CourseMaterialKindEnum, CourseStatusEnum, CourseSubmissionPurposeEnum, CourseSubmissionStatusEnum } from '../../entities/enums';
import { CourseKindEnum } from '../../entities/training-completion';
import { DocumentUploadInput } from '@cpss/server-kit';

@InputType()
export class CreateCourseInput {
  @Field()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @Field(() => CourseKindEnum)
  kind: CourseKind;

  @Field(() => Float)
  @Min(0.5)
  @Max(500)
  faceToFaceHours: number;

  @Field(() => Float, { defaultValue: 0 })
  @Min(0)
  @Max(500)
  preWorkHours: number;

  @Field({ defaultValue: false, description: 'About children and families' })
  childAndFamily: boolean;
}

@InputType()
export class UpdateCourseInput extends CreateCourseInput {
  @Field(() => ID)
  courseId: string;

  @Field(() => Int)
  expectedVersion: number;
}

@ArgsType()
export class CoursesArgs extends ConnectionArgs {
  @Field(() => CourseStatusEnum, { nullable: true })
  status?: CourseStatus | null;

  @Field(() => CourseKindEnum, { nullable: true })
  kind?: CourseKind | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Approved courses whose term ends on or before this date: the recertification notice list' })
  expiresBy?: string | null;
}

@InputType({ description: 'A block of the daily agenda; day 0 is pre-work' })
export class AgendaEntryInput {
  @Field(() => Int)
  @Min(0)
  @Max(30)
  day: number;

  @Field()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @Field(() => Float)
  @Min(0.25)
  @Max(24)
  hours: number;
}

@InputType({ description: 'Where one core concept is taught' })
export class CrosswalkEntryInput {
  @Field(() => ID)
  conceptId: string;

  @Field(() => CourseMaterialKindEnum)
  material: CourseMaterialKind;

  @Field({ description: 'Module and/or page' })
  @IsNotEmpty()
  @MaxLength(200)
  location: string;

  @Field({ description: 'The agenda block that teaches it' })
  @IsNotEmpty()
  @MaxLength(200)
  agendaBlock: string;
}

@InputType()
export class CreateCourseSubmissionInput {
  @Field(() => ID)
  courseId: string;

  @Field(() => CourseSubmissionPurposeEnum, { defaultValue: 'INITIAL', description: 'RECERTIFICATION for an approved course due to recertify' })
  purpose: CourseSubmissionPurpose;

  @Field(() => [AgendaEntryInput])
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  agenda: AgendaEntryInput[];

  @Field(() => [CrosswalkEntryInput])
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  crosswalk: CrosswalkEntryInput[];
}

@InputType()
export class UpdateCourseSubmissionInput {
  @Field(() => ID)
  submissionId: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => [AgendaEntryInput])
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  agenda: AgendaEntryInput[];

  @Field(() => [CrosswalkEntryInput])
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  crosswalk: CrosswalkEntryInput[];
}

@InputType()
export class UploadCourseMaterialInput {
  @Field(() => ID)
  submissionId: string;

  @Field(() => CourseMaterialKindEnum)
  kind: CourseMaterialKind;

  @Field(() => DocumentUploadInput)
  @ValidateNested()
  document: DocumentUploadInput;
}

@InputType({ description: 'A submission and the version the client last saw' })
export class CourseSubmissionVersionInput {
  @Field(() => ID)
  submissionId: string;

  @Field(() => Int)
  expectedVersion: number;
}

@InputType()
export class CheckCourseFormatInput extends CourseSubmissionVersionInput {
  @Field()
  passed: boolean;

  @Field()
  @MaxLength(4000)
  comment: string;
}

@InputType({ description: "The review team's finding on one core concept" })
export class ConceptFindingInput {
  @Field(() => ID)
  conceptId: string;

  @Field()
  met: boolean;

  @Field(() => String, { nullable: true })
  @MaxLength(4000)
  comment?: string | null;
}

@InputType()
export class ReviewCourseConceptsInput extends CourseSubmissionVersionInput {
  @Field(() => [ConceptFindingInput])
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  findings: ConceptFindingInput[];
}

@InputType()
export class DecideCourseSubmissionInput extends CourseSubmissionVersionInput {
  @Field()
  @IsNotEmpty()
  @MaxLength(4000)
  reason: string;
}

@ArgsType()
export class CourseSubmissionsArgs extends ConnectionArgs {
  @Field(() => CourseSubmissionStatusEnum, { nullable: true })
  status?: CourseSubmissionStatus | null;

  @Field(() => [CourseSubmissionStatusEnum], { nullable: true, description: 'Any of these statuses (e.g. the review queue: RECEIVED and TEAM_REVIEW)' })
  @ArrayMaxSize(10)
  statuses?: CourseSubmissionStatus[] | null;

  @Field(() => ID, { nullable: true })
  courseId?: string | null;
}

