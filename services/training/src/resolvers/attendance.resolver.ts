// Attendance, completion certificates, external completions, and public verification of a
// certificate's code (no sign-in: employers and the program check certificates they are shown).
import { Role, STAFF_ROLES } from '@cpss/domain';
import { validatedInside, type RequestContext } from '@cpss/server-kit';
import { ArrayMaxSize, IsNotEmpty, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, FieldResolver, Float, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { CourseKind } from '@cpss/domain';
import { Attendance, CompletionCertificate, Enrollment } from '../entities/session';
import { CourseKindEnum, TrainingCompletion } from '../entities/training-completion';
import type { AttendanceService } from '../services/attendance.service';
import type { TrainingRecordService } from '../services/training-record.service';
import { DocumentUploadInput } from '@cpss/server-kit';

@InputType()
export class AttendanceEntryInput {
  @Field(() => ID)
  personId: string;

  @Field(() => Float)
  @Min(0)
  @Max(24)
  hours: number;
}

@InputType()
export class RecordTrainingAttendanceInput {
  @Field(() => ID)
  sessionId: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'A session day; omit for the course pre-work' })
  date?: string | null;

  @Field(() => [AttendanceEntryInput])
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  entries: AttendanceEntryInput[];
}

@InputType()
export class RecordExternalTrainingCompletionInput {
  @Field(() => ID)
  personId: string;

  @Field()
  @IsNotEmpty()
  @MaxLength(200)
  courseTitle: string;

  @Field(() => CourseKindEnum)
  kind: CourseKind;

  @Field(() => Float)
  @Min(0.25)
  @Max(500)
  hours: number;

  @Field(() => LocalDateResolver)
  completedOn: string;

  @Field(() => ID, { nullable: true, description: 'The approved course taken, when it is one of the program\'s courses taught by another provider: the completion date must fall within its approval term' })
  courseId?: string | null;

  @Field({ defaultValue: false })
  childAndFamily: boolean;

  @Field({ description: 'College, agency or other provider' })
  @IsNotEmpty()
  @MaxLength(200)
  provider: string;

  @Field(() => DocumentUploadInput, { description: 'The certificate or transcript (PDF, Word or image)' })
  @ValidateNested()
  evidence: DocumentUploadInput;
}

@ObjectType({ description: 'What a certificate code proves, without the holder’s identity' })
export class TrainingCertificateVerification {
  @Field()
  verificationCode: string;

  @Field()
  courseTitle: string;

  @Field(() => CourseKindEnum)
  courseKind: CourseKind;

  @Field(() => Float)
  hours: number;

  @Field(() => LocalDateResolver)
  completedOn: string;
}

@Resolver(() => Enrollment)
export class AttendanceResolver {
  constructor(
    private readonly attendanceService: AttendanceService,
    private readonly records: TrainingRecordService,
  ) {}

  @Authorized([Role.Trainer, ...STAFF_ROLES])
  @Mutation(() => [Enrollment], { description: "Records hours per participant for a session day (or pre-work); completes those who reach the course's hours" })
  recordTrainingAttendance(@Arg('input', () => RecordTrainingAttendanceInput, { validateFn: validatedInside }) input: RecordTrainingAttendanceInput, @Ctx() ctx: RequestContext) {
    return this.attendanceService.record(ctx.principal!, input);
  }

  @Authorized([Role.TrainingReviewer, Role.Admin])
  @Mutation(() => TrainingCompletion, { description: 'Staff enter training completed elsewhere, with evidence' })
  recordExternalTrainingCompletion(@Arg('input') input: RecordExternalTrainingCompletionInput, @Ctx() ctx: RequestContext) {
    return this.records.recordExternal(ctx.principal!, input);
  }

  @Query(() => TrainingCertificateVerification, { nullable: true, description: 'Public: checks a completion certificate code (null when unknown)' })
  async verifyTrainingCertificate(@Arg('code') code: string): Promise<TrainingCertificateVerification | null> {
    const cert = await this.attendanceService.verify(code);
    return cert && { verificationCode: cert.verificationCode, courseTitle: cert.courseTitle, courseKind: cert.courseKind, hours: cert.hours, completedOn: cert.completedOn };
  }

  @FieldResolver(() => [Attendance], { description: 'Hours recorded per day' })
  attendance(@Root() e: Enrollment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get('enrollment.attendance', this.attendanceService.attendanceOf).load(e.id);
  }

  @FieldResolver(() => Float)
  async attendedHours(@Root() e: Enrollment, @Ctx() ctx: RequestContext) {
    const rows = await ctx.loaders.get('enrollment.attendance', this.attendanceService.attendanceOf).load(e.id);
    return rows.reduce((s, a) => s + a.hours, 0);
  }

  @FieldResolver(() => CompletionCertificate, { nullable: true })
  certificate(@Root() e: Enrollment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get('enrollment.certificate', this.attendanceService.certificatesOf).load(e.id);
  }
}
