// Follows one import run for the page: while it is RUNNING, read its progress (the counts only)
// every half second until it has finished, then read it whole once more for its problems and its
// error file. The page keys the component using it by run id, so another run starts afresh; leaving
// the page stops the reading (the run goes on, and the recent imports list it).
import { useCallback, useEffect, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import type { ImportRunFieldsFragment } from '../../gql/graphql';
import type { ImportDomain } from './importModel';
import { readImportProgress, readImportRun } from './importOperations';

export const POLL_INTERVAL_MS = 500;

export type ImportRun = ImportRunFieldsFragment;

export interface FollowedRun {
  /** The run as last read (its counts as the last progress read has them); null until read. */
  run: ImportRun | null;
  /** The run is not on record (any more). */
  missing: boolean;
  error: CombinedError | undefined;
  /** Read it again after an error. */
  retry: () => void;
}

/** `seed`: the run as the mutation that started it answered; without one the run is read first. `domain`: whose run it is. */
export function useImportRun(id: string, seed: ImportRun | null, domain: ImportDomain = 'certification'): FollowedRun {
  const client = useClient();
  const [run, setRun] = useState<ImportRun | null>(seed);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function readWhole() {
      const result = await readImportRun(client, domain, id);
      if (stopped) return;
      setError(result.error);
      if (result.error) return;
      const whole = result.data;
      setRun(whole);
      setMissing(!whole);
      if (whole?.status === 'RUNNING') timer = setTimeout(readProgress, POLL_INTERVAL_MS);
    }

    async function readProgress() {
      const result = await readImportProgress(client, domain, id);
      if (stopped) return;
      setError(result.error);
      if (result.error) return;
      const progress = result.data;
      if (!progress || progress.status !== 'RUNNING') return void readWhole();
      setRun((r) => (r ? { ...r, ...progress } : r));
      timer = setTimeout(readProgress, POLL_INTERVAL_MS);
    }

    // A run just started came with its first answer: follow its progress (after an error, read it whole).
    if (attempt === 0 && seed) {
      if (seed.status === 'RUNNING') timer = setTimeout(readProgress, POLL_INTERVAL_MS);
    } else {
      void readWhole();
    }
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // The seed only starts the following of this run (the component is keyed by its id).
  }, [client, id, domain, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { run, missing, error, retry };
}
