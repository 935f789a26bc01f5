// The import page's documents: start an import (it answers at once, RUNNING), a run's progress
// (polled every half second while it runs), a run whole once it has finished (its problems and its
// error file), and the recent runs. graphcache normalizes ImportRun by id, so the recent list's row
// of the run being followed moves with it.
import { graphql } from '../../gql';

export const StartCertificationImportDocument = graphql(`
  mutation StartCertificationImport($input: StartCertificationImportInput!) {
    startCertificationImport(input: $input) {
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
  }
`);

export const CertificationImportRunDocument = graphql(`
  query CertificationImportRun($id: ID!) {
    certificationImportRun(id: $id) {
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
  }
`);

/** The recent runs, without their problems and error files (the run shown above has them). */
export const CertificationImportRunsDocument = graphql(`
  query CertificationImportRuns($first: Int!) {
    certificationImportRuns(first: $first) {
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
  }
`);

/** Polled every half second while a run is RUNNING: its progress only, not its problems or error file. */
export const CertificationImportProgressDocument = graphql(`
  query CertificationImportProgress($id: ID!) {
    certificationImportRun(id: $id) {
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
  }
`);

// Ethics (past disciplinary actions): the same documents on its own operations.

export const StartEthicsImportDocument = graphql(`
  mutation StartEthicsImport($input: StartEthicsImportInput!) {
    startEthicsImport(input: $input) {
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
  }
`);

export const EthicsImportRunDocument = graphql(`
  query EthicsImportRun($id: ID!) {
    ethicsImportRun(id: $id) {
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
  }
`);

export const EthicsImportRunsDocument = graphql(`
  query EthicsImportRuns($first: Int!) {
    ethicsImportRuns(first: $first) {
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
  }
`);

export const EthicsImportProgressDocument = graphql(`
  query EthicsImportProgress($id: ID!) {
    ethicsImportRun(id: $id) {
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
  }
`);

// Training (courses, trainers, completions): the same documents on its own operations.

export const StartTrainingImportDocument = graphql(`
  mutation StartTrainingImport($input: StartTrainingImportInput!) {
    startTrainingImport(input: $input) {
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
  }
`);

export const TrainingImportRunDocument = graphql(`
  query TrainingImportRun($id: ID!) {
    trainingImportRun(id: $id) {
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
  }
`);

export const TrainingImportRunsDocument = graphql(`
  query TrainingImportRuns($first: Int!) {
    trainingImportRuns(first: $first) {
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
  }
`);

export const TrainingImportProgressDocument = graphql(`
  query TrainingImportProgress($id: ID!) {
    trainingImportRun(id: $id) {
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
  }
`);
