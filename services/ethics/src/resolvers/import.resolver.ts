// Imports of CSV files into ethics (admins): start one (it goes on after the mutation returns), then poll it.
import { Role } from '@cpss/domain';
import { graphqlEnum, ImportModeEnum, ImportRun, type RequestContext } from '@cpss/server-kit';
import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { EthicsImportKind, type EthicsImportService } from '../services/import.service';

export const EthicsImportKindEnum = graphqlEnum(EthicsImportKind, 'EthicsImportKind', 'What an ethics import file holds');

@InputType({ description: 'A CSV file to import into ethics (UTF-8, a header row)' })
export class StartEthicsImportInput {
  @Field(() => EthicsImportKindEnum)
  kind: EthicsImportKind;

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
export class EthicsImportResolver {
  constructor(private readonly imports: EthicsImportService) {}

  @Authorized([Role.Admin])
  @Mutation(() => ImportRun, { description: 'Starts an import of past disciplinary actions (admins); it returns at once, RUNNING: poll ethicsImportRun' })
  startEthicsImport(@Arg('input', () => StartEthicsImportInput) input: StartEthicsImportInput, @Ctx() ctx: RequestContext) {
    return this.imports.start(ctx.principal, input, ctx.requestId);
  }

  @Authorized([Role.Admin])
  @Query(() => ImportRun, { nullable: true, description: 'One ethics import run (admins)' })
  ethicsImportRun(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.imports.byId(ctx.principal, id);
  }

  @Authorized([Role.Admin])
  @Query(() => [ImportRun], { description: 'The latest ethics import runs, newest first (admins)' })
  ethicsImportRuns(@Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number, @Ctx() ctx: RequestContext) {
    return this.imports.list(ctx.principal, first);
  }
}
