// The import page's documents: start an import (it answers at once, RUNNING), a run's progress
// (polled every half second while it runs), a run whole once it has finished (its problems and its
// error file), and the recent runs. graphcache normalizes ImportRun by id, so the recent list's row
// of the run being followed moves with it.
import { graphql } from '../../gql';

// The three selections of a run, the same for every domain's operations (ImportRun is one shared type).

/** A run whole: its counts, problems and error file. */
export const ImportRunFields = graphql(`
  fragment ImportRunFields on ImportRun {
    id
    kind
    mode
    fileName
    dryRun
    status
    rowsTotal
    rowsProcessed
    rowsValid
    rowsInvalid
    created
    updated
    unchanged
    problems {
      line
      column
      reason
    }
    problemCount
    errorFileCsv
    startedBy
    startedAt
    finishedAt
  }
`);

/** A recent run, without its problems and error file (the run shown above has them). */
export const ImportRunSummaryFields = graphql(`
  fragment ImportRunSummaryFields on ImportRun {
    id
    kind
    mode
    fileName
    dryRun
    status
    rowsTotal
    rowsProcessed
    rowsInvalid
    created
    updated
    unchanged
    problemCount
    startedBy
    startedAt
    finishedAt
  }
`);

/** A run's progress: its counts only (polled every half second while it runs). */
export const ImportRunProgressFields = graphql(`
  fragment ImportRunProgressFields on ImportRun {
    id
    status
    rowsTotal
    rowsProcessed
    rowsValid
    rowsInvalid
    created
    updated
    unchanged
    problemCount
    finishedAt
  }
`);

export const StartCertificationImportDocument = graphql(`
  mutation StartCertificationImport($input: StartCertificationImportInput!) {
    startCertificationImport(input: $input) {
      ...ImportRunFields
    }
  }
`);

export const CertificationImportRunDocument = graphql(`
  query CertificationImportRun($id: ID!) {
    certificationImportRun(id: $id) {
      ...ImportRunFields
    }
  }
`);

export const CertificationImportRunsDocument = graphql(`
  query CertificationImportRuns($first: Int!) {
    certificationImportRuns(first: $first) {
      ...ImportRunSummaryFields
    }
  }
`);

export const CertificationImportProgressDocument = graphql(`
  query CertificationImportProgress($id: ID!) {
    certificationImportRun(id: $id) {
      ...ImportRunProgressFields
    }
  }
`);

export const StartTrainingImportDocument = graphql(`
  mutation StartTrainingImport($input: StartTrainingImportInput!) {
    startTrainingImport(input: $input) {
      ...ImportRunFields
    }
  }
`);

export const TrainingImportRunDocument = graphql(`
  query TrainingImportRun($id: ID!) {
    trainingImportRun(id: $id) {
      ...ImportRunFields
    }
  }
`);

export const TrainingImportRunsDocument = graphql(`
  query TrainingImportRuns($first: Int!) {
    trainingImportRuns(first: $first) {
      ...ImportRunSummaryFields
    }
  }
`);

export const TrainingImportProgressDocument = graphql(`
  query TrainingImportProgress($id: ID!) {
    trainingImportRun(id: $id) {
      ...ImportRunProgressFields
    }
  }
`);

export const StartEthicsImportDocument = graphql(`
  mutation StartEthicsImport($input: StartEthicsImportInput!) {
    startEthicsImport(input: $input) {
      ...ImportRunFields
    }
  }
`);

export const EthicsImportRunDocument = graphql(`
  query EthicsImportRun($id: ID!) {
    ethicsImportRun(id: $id) {
      ...ImportRunFields
    }
  }
`);

export const EthicsImportRunsDocument = graphql(`
  query EthicsImportRuns($first: Int!) {
    ethicsImportRuns(first: $first) {
      ...ImportRunSummaryFields
    }
  }
`);

export const EthicsImportProgressDocument = graphql(`
  query EthicsImportProgress($id: ID!) {
    ethicsImportRun(id: $id) {
      ...ImportRunProgressFields
    }
  }
`);
