// Imports of CSV files into certification (admins): server-kit's import resolver, named for this
// domain; and who holds which certification numbers, for the other domains' imports.
import { Role } from '@cpss/domain';
import { badInput, importResolver } from '@cpss/server-kit';
import { Arg, Authorized, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { CertificationImportKindEnum } from '../entities/import-run';
import { certificationHolders, MAX_HOLDERS_ASKED, type ImportService } from '../services/import.service';

export const ImportResolver = importResolver('certification', CertificationImportKindEnum, 'people and their certifications');

@ObjectType({ description: 'Who holds a certification number (another domain importing rows that name people by it)' })
export class CertificationHolder {
  @Field()
  certificationNumber: string;

  @Field(() => ID)
  personId: string;
}

@Resolver()
export class CertificationHolderResolver {
  constructor(private readonly imports: ImportService) {}

  @Authorized([Role.Service, Role.Admin])
  @Query(() => [CertificationHolder], { description: 'The holders of these certification numbers (at most 1,000; unknown numbers left out): another domain (SERVICE) or admins' })
  peopleByCertificationNumbers(@Arg('numbers', () => [String]) numbers: string[]) {
    if (numbers.length > MAX_HOLDERS_ASKED) throw badInput({ field: 'numbers', reason: `must name at most ${MAX_HOLDERS_ASKED} numbers` });
    return certificationHolders(this.imports.manager, numbers);
  }
}
