// The GraphQL side of a domain's CSV imports, the same in every subgraph that imports (admins):
// `start${Domain}Import(input)` (it returns at once, RUNNING, and the run goes on), then
// `${domain}ImportRun(id)` to poll it and `${domain}ImportRuns(first)` for the latest.
import { Role } from '@cpss/domain';
import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from './context';
import { ImportModeEnum, ImportRun, type ImportRunService } from './import-run';

/** `kindEnum`: the domain's kinds as registered with graphqlEnum; `what`: what its files hold, in words. */
export function importResolver(domain: string, kindEnum: object, what: string) {
  const Domain = domain[0]!.toUpperCase() + domain.slice(1);

  @InputType(`Start${Domain}ImportInput`, { description: `A CSV file to import into ${domain} (UTF-8, a header row)` })
  class StartImportInput {
    @Field(() => kindEnum)
    kind: string;

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
  class ImportResolver {
    constructor(readonly imports: ImportRunService) {}

    @Authorized([Role.Admin])
    @Mutation(() => ImportRun, { name: `start${Domain}Import`, description: `Starts an import of ${what} (admins); it returns at once, RUNNING: poll ${domain}ImportRun` })
    start(@Arg('input', () => StartImportInput) input: StartImportInput, @Ctx() ctx: RequestContext) {
      return this.imports.start(ctx.principal, input, ctx.requestId);
    }

    @Authorized([Role.Admin])
    @Query(() => ImportRun, { name: `${domain}ImportRun`, nullable: true, description: `One ${domain} import run (admins)` })
    run(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
      return this.imports.byId(ctx.principal, id);
    }

    @Authorized([Role.Admin])
    @Query(() => [ImportRun], { name: `${domain}ImportRuns`, description: `The latest ${domain} import runs, newest first (admins)` })
    runs(@Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number, @Ctx() ctx: RequestContext) {
      return this.imports.list(ctx.principal, first);
    }
  }
  return ImportResolver;
}
