// One import of a CSV file (services/import.service.ts): the import_run table and the GraphQL
// ImportRun type are server-kit's (import-run.ts), the same in every domain that imports.
import { graphqlEnum } from '@cpss/server-kit';

export { ImportModeEnum, ImportProblemObject as ImportProblem, ImportRun, ImportRunStatusEnum, MAX_STORED_PROBLEMS } from '@cpss/server-kit';

export const CertificationImportKind = { PeopleCertifications: 'PEOPLE_CERTIFICATIONS' } as const;
export type CertificationImportKind = (typeof CertificationImportKind)[keyof typeof CertificationImportKind];
export const CertificationImportKindEnum = graphqlEnum(CertificationImportKind, 'CertificationImportKind', 'What a certification import file holds');
