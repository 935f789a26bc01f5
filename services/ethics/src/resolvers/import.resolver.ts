// Imports of CSV files into ethics (admins): server-kit's import resolver, named for this domain.
import { graphqlEnum, importResolver } from '@cpss/server-kit';
import { EthicsImportKind } from '../services/import.service';

export const EthicsImportKindEnum = graphqlEnum(EthicsImportKind, 'EthicsImportKind', 'What an ethics import file holds');

export const EthicsImportResolver = importResolver('ethics', EthicsImportKindEnum, 'past disciplinary actions');
