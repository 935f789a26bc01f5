// Imports of CSV files (admins): start one (it goes on after the mutation returns), then poll it.
import { Role } from '@cpss/domain';
import { badInput, type RequestContext } from '@cpss/server-kit';
import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { CertificationImportKindEnum, ImportModeEnum, ImportRun, type CertificationImportKind } from '../entities/import-run';
import { certificationHolders, MAX_HOLDERS_ASKED, type ImportService } from '../services/import.service';

@ObjectType({ description: 'Who holds a certification number (another domain importing rows that name people by it)' })
export class CertificationHolder {
  @Field()
  certificationNumber: string;

  @Field(() => ID)
  personId: string;
}

@InputType({ description: 'A CSV file to import (UTF-8, a header row)' })
export class StartCertificationImportInput {
  @Field(() => CertificationImportKindEnum)
  kind: CertificationImportKind;

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
export class ImportResolver {
  constructor(private readonly imports: ImportService) {}

  @Authorized([Role.Admin])
  @Mutation(() => ImportRun, { description: 'Starts an import (admins); it returns at once, RUNNING: poll certificationImportRun' })
  startCertificationImport(@Arg('input', () => StartCertificationImportInput) input: StartCertificationImportInput, @Ctx() ctx: RequestContext) {
    return this.imports.start(ctx.principal, input, ctx.requestId);
  }

  @Authorized([Role.Admin])
  @Query(() => ImportRun, { nullable: true, description: 'One import run (admins)' })
  certificationImportRun(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.imports.byId(ctx.principal, id);
  }

  @Authorized([Role.Admin])
  @Query(() => [ImportRun], { description: 'The latest import runs, newest first (admins)' })
  certificationImportRuns(@Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number, @Ctx() ctx: RequestContext) {
    return this.imports.list(ctx.principal, first);
  }

  @Authorized([Role.Service, Role.Admin])
  @Query(() => [CertificationHolder], { description: 'The holders of these certification numbers (at most 1,000; unknown numbers left out): another domain (SERVICE) or admins' })
  peopleByCertificationNumbers(@Arg('numbers', () => [String]) numbers: string[]) {
    if (numbers.length > MAX_HOLDERS_ASKED) throw badInput({ field: 'numbers', reason: `must name at most ${MAX_HOLDERS_ASKED} numbers` });
    return certificationHolders(this.imports.manager, numbers);
  }
}
