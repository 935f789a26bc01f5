// Each domain's import operations as one shape for the page: start a run, read one whole, read its
// progress, list the recent ones. The ImportRun type is shared by the subgraphs (@shareable), so
// every domain's answer is the same ImportRun here.
import type { Client, CombinedError } from 'urql';
import { useFragment as unmask } from '../../gql';
import type { CertificationImportKind, EthicsImportKind, ImportRunProgressFieldsFragment, StartCertificationImportInput, TrainingImportKind } from '../../gql/graphql';
import {
  CertificationImportProgressDocument,
  CertificationImportRunDocument,
  CertificationImportRunsDocument,
  EthicsImportProgressDocument,
  EthicsImportRunDocument,
  EthicsImportRunsDocument,
  ImportRunFields,
  ImportRunProgressFields,
  StartCertificationImportDocument,
  StartEthicsImportDocument,
  StartTrainingImportDocument,
  TrainingImportProgressDocument,
  TrainingImportRunDocument,
  TrainingImportRunsDocument,
} from './importDocuments';
import type { ImportDomain } from './importModel';
import type { ImportRun } from './useImportRun';

// (Without the fragment's name marker: the counts are laid over a whole run.)
export type ImportProgress = Omit<ImportRunProgressFieldsFragment, ' $fragmentName'>;

export interface Answer<T> {
  data: T | null;
  error: CombinedError | undefined;
}

/** The start input every domain takes (its kind enum aside). */
export type StartImportInput = Omit<StartCertificationImportInput, 'kind'> & { kind: string };

const context = { requestPolicy: 'network-only' as const };

/** Starts a run of the kind's domain: the run as the mutation answered (RUNNING). */
export async function startImport(client: Client, domain: ImportDomain, input: StartImportInput): Promise<Answer<ImportRun>> {
  if (domain === 'training') {
    const r = await client.mutation(StartTrainingImportDocument, { input: { ...input, kind: input.kind as TrainingImportKind } }).toPromise();
    return { data: unmask(ImportRunFields, r.data?.startTrainingImport) ?? null, error: r.error };
  }
  if (domain === 'ethics') {
    const r = await client.mutation(StartEthicsImportDocument, { input: { ...input, kind: input.kind as EthicsImportKind } }).toPromise();
    return { data: unmask(ImportRunFields, r.data?.startEthicsImport) ?? null, error: r.error };
  }
  const r = await client.mutation(StartCertificationImportDocument, { input: { ...input, kind: input.kind as CertificationImportKind } }).toPromise();
  return { data: unmask(ImportRunFields, r.data?.startCertificationImport) ?? null, error: r.error };
}

/** A run whole (its problems and error file); null data without an error: not on record. */
export async function readImportRun(client: Client, domain: ImportDomain, id: string): Promise<Answer<ImportRun>> {
  if (domain === 'training') {
    const r = await client.query(TrainingImportRunDocument, { id }, context).toPromise();
    return { data: unmask(ImportRunFields, r.data?.trainingImportRun) ?? null, error: r.error };
  }
  if (domain === 'ethics') {
    const r = await client.query(EthicsImportRunDocument, { id }, context).toPromise();
    return { data: unmask(ImportRunFields, r.data?.ethicsImportRun) ?? null, error: r.error };
  }
  const r = await client.query(CertificationImportRunDocument, { id }, context).toPromise();
  return { data: unmask(ImportRunFields, r.data?.certificationImportRun) ?? null, error: r.error };
}

/** A run's progress: its counts only. */
export async function readImportProgress(client: Client, domain: ImportDomain, id: string): Promise<Answer<ImportProgress>> {
  if (domain === 'training') {
    const r = await client.query(TrainingImportProgressDocument, { id }, context).toPromise();
    return { data: unmask(ImportRunProgressFields, r.data?.trainingImportRun) ?? null, error: r.error };
  }
  if (domain === 'ethics') {
    const r = await client.query(EthicsImportProgressDocument, { id }, context).toPromise();
    return { data: unmask(ImportRunProgressFields, r.data?.ethicsImportRun) ?? null, error: r.error };
  }
  const r = await client.query(CertificationImportProgressDocument, { id }, context).toPromise();
  return { data: unmask(ImportRunProgressFields, r.data?.certificationImportRun) ?? null, error: r.error };
}

/** The recent-runs query of each domain (the page asks each on its own: one down leaves the others listed). */
export const RECENT_IMPORT_DOCUMENTS = {
  certification: CertificationImportRunsDocument,
  training: TrainingImportRunsDocument,
  ethics: EthicsImportRunsDocument,
} as const;
