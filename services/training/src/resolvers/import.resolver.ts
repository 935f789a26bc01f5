// Imports of CSV files into training (admins): start one (it goes on after the mutation returns),
// then poll it. ImportRun is server-kit's (shareable, the same as certification's).
import { Role } from '@cpss/domain';
import { ImportModeEnum, ImportRun, type RequestContext } from '@cpss/server-kit';
import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TrainingImportKindEnum, type TrainingImportKind, type TrainingImportService } from '../services/import.service';

@InputType({ description: 'A CSV file to import into training (UTF-8, a header row)' })
export class StartTrainingImportInput {
  @Field(() => TrainingImportKindEnum)
  kind: TrainingImportKind;

  @Field(() => ImportModeEnum)
  mode: 'ALL_OR_NOTHING' | 'VALID_ROWS_ONLY';

  @Field()
  fileName: string;

  @Field({ description: 'The file, base64 (at most 10 MiB of CSV)' })
  contentBase64: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Check only: write nothing' })
  dryRun?: boolean | null;
}

@Resolver()
export class TrainingImportResolver {
  constructor(private readonly imports: TrainingImportService) {}

  @Authorized([Role.Admin])
  @Mutation(() => ImportRun, { description: 'Starts an import of courses, trainers or training completions (admins); it returns at once, RUNNING: poll trainingImportRun' })
  startTrainingImport(@Arg('input', () => StartTrainingImportInput) input: StartTrainingImportInput, @Ctx() ctx: RequestContext) {
    return this.imports.start(ctx.principal, input, ctx.requestId);
  }

  @Authorized([Role.Admin])
  @Query(() => ImportRun, { nullable: true, description: 'One training import run (admins)' })
  trainingImportRun(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.imports.byId(ctx.principal, id);
  }

  @Authorized([Role.Admin])
  @Query(() => [ImportRun], { description: 'The latest training import runs, newest first (admins)' })
  trainingImportRuns(@Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number, @Ctx() ctx: RequestContext) {
    return this.imports.list(ctx.principal, first);
  }
}
