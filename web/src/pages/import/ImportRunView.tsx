// One import run on the import page: while it runs, a progress bar (rows processed of the file's
// rows); once finished, its status in words, what it means, its counts, the problems by line and
// column, and the rejected rows as a file to download, correct and import again.
import { useEffect, useRef } from 'react';
import { ErrorAlert, Loading } from '../../components/Status';
import { useUser } from '../../session';
import { errorFileName, importKindLabel, importModeLabel, problemsNote, progressPercent, progressWords, runCounts, runExplanation, runStatusWords, startedByLabel } from './importModel';
import type { ImportDomain } from './importModel';
import { useBlobUrl } from './useBlobUrl';
import { useImportRun, type ImportRun } from './useImportRun';

const formatTime = (iso: string) => new Date(iso).toLocaleString();

/** Keyed by the run's id by the page: another run is followed from scratch. */
export function ImportRunView({ id, seed, domain, onFinished }: { id: string; seed: ImportRun | null; domain: ImportDomain; onFinished?: () => void }) {
  const { run, missing, error, retry } = useImportRun(id, seed, domain);
  return (
    <section className="card" aria-labelledby="import-run-title" data-testid="import-run">
      <h2 id="import-run-title">{run ? `Import of ${run.fileName}` : 'Import'}</h2>
      {error && <ErrorAlert error={error} title="Could not read how the import is going" onRetry={retry} />}
      {!run && !missing && !error && <Loading>Loading the import…</Loading>}
      {missing && (
        <p className="muted" role="status" data-testid="import-missing">
          This import is not on record any more.
        </p>
      )}
      {run && <RunDetails run={run} onFinished={onFinished} />}
    </section>
  );
}

function RunDetails({ run, onFinished }: { run: ImportRun; onFinished?: (() => void) | undefined }) {
  const running = run.status === 'RUNNING';
  const percent = progressPercent(run);
  const errorFileUrl = useBlobUrl(running ? null : run.errorFileCsv);
  const { accountId } = useUser();
  useFinished(running, onFinished);
  return (
    <>
      <p className="muted" data-testid="import-run-facts">
        {importKindLabel(run.kind)} · {importModeLabel(run.mode)}
        {run.dryRun ? ' · Check only (dry run)' : ''} · started <time dateTime={run.startedAt}>{formatTime(run.startedAt)}</time> by {startedByLabel(run.startedBy, accountId)}
        {run.finishedAt && (
          <>
            {' '}
            · finished <time dateTime={run.finishedAt}>{formatTime(run.finishedAt)}</time>
          </>
        )}
      </p>
      {/* The status alone is announced (not each count as it grows). */}
      <p role="status" data-testid="import-status" data-status={run.status}>
        <strong>{runStatusWords(run)}</strong>
      </p>
      {running && (
        <div className="field" data-testid="import-progress-block">
          <label htmlFor="import-progress">{run.dryRun ? 'Rows checked' : 'Rows processed'}</label>
          {/* Without a total yet the bar is indeterminate (no value). */}
          <progress
            id="import-progress"
            data-testid="import-progress"
            max={run.rowsTotal && run.rowsTotal > 0 ? run.rowsTotal : undefined}
            value={percent === null ? undefined : run.rowsProcessed}
            aria-valuetext={progressWords(run)}
            style={{ width: '100%', height: '1.25rem' }}
          />
          <span className="hint" data-testid="import-progress-words">
            {progressWords(run)}
          </span>
        </div>
      )}
      <p data-testid="import-explanation">{runExplanation(run)}</p>
      {!running && (
        <dl className="facts" data-testid="import-counts" style={{ marginBottom: '1rem' }}>
          {runCounts(run).map((c) => (
            <div key={c.testId}>
              <dt>{c.label}</dt>
              <dd data-testid={c.testId}>{c.value.toLocaleString('en-US')}</dd>
            </div>
          ))}
        </dl>
      )}
      {!running && run.errorFileCsv && errorFileUrl && (
        <p>
          <a href={errorFileUrl} download={errorFileName(run.fileName)} data-testid="import-error-file">
            Download the rejected rows
          </a>{' '}
          <span className="hint">({errorFileName(run.fileName)}: the rows as they were, with the reason in a last column, “error”)</span>
        </p>
      )}
      {!running && run.problems.length > 0 && <ProblemsTable run={run} />}
    </>
  );
}

function ProblemsTable({ run }: { run: ImportRun }) {
  const note = problemsNote(run);
  return (
    <>
      {note && (
        <p className="muted" data-testid="import-problems-note">
          {note}
        </p>
      )}
      <div className="table-wrap" role="region" aria-label="Problems found in the file" tabIndex={0}>
        <table className="table" data-testid="import-problems">
          <caption style={{ textAlign: 'left', padding: '0.5rem 0.75rem', fontWeight: 600 }}>
            Problems found, by line of the file (the header is line 1): {run.problemCount.toLocaleString('en-US')}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Column</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {run.problems.map((p, i) => (
              <tr key={`${p.line}:${p.column ?? ''}:${i}`} data-testid="import-problem" data-line={p.line}>
                <td className="num" data-testid="import-problem-line">
                  {p.line}
                </td>
                <td data-testid="import-problem-column">{p.column ? <code>{p.column}</code> : '—'}</td>
                <td data-testid="import-problem-reason">{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Tells the page once when the run it follows has finished (to re-read the recent imports). */
function useFinished(running: boolean, onFinished: (() => void) | undefined) {
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) onFinished?.();
    wasRunning.current = running;
  }, [running, onFinished]);
}
