// The admin's import page: choose what the file holds (each kind whose domain imports it; the
// others are listed as coming), the CSV file, what to do with rows that have
// problems, and whether only to check; the file is read in the browser and sent base64 (so it is
// checked against the gateway's request limit first). The run then shows its progress, and once
// finished its result; the recent imports of every domain are listed below (each domain asked on
// its own, so one that does not answer leaves the others' runs listed).
import { useCallback, useState, type ChangeEvent, type FormEvent } from 'react';
import { useClient, useQuery, type CombinedError } from 'urql';
import { RefusalAlert, fieldReasons } from '../../components/Refusal';
import { formatBytes, readFileAsBase64 } from '../../files';
import {
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  IMPORT_MODES,
  MAX_IMPORT_FILE_BYTES,
  comingKindsHint,
  importFileProblem,
  importKindDomain,
  importKindLabel,
  mergeRecentRuns,
  templateCsv,
  templateFileName,
  type ImportModeValue,
} from './importModel';
import { ImportRunSummaryFields } from './importDocuments';
import { RECENT_IMPORT_DOCUMENTS, startImport } from './importOperations';
import { useFragment as unmask } from '../../gql';
import { ImportRunView } from './ImportRunView';
import { RecentImports } from './RecentImports';
import { useBlobUrl } from './useBlobUrl';
import type { ImportRun } from './useImportRun';

export const RECENT_IMPORTS = 20;

type Sending = { phase: 'idle' } | { phase: 'reading'; percent: number } | { phase: 'sending' };

/** The fields of the input a refusal may name next to the file. */
const FILE_FIELDS = ['contentBase64', 'fileName'];

export function ImportPage() {
  const [kind, setKind] = useState<string>('PEOPLE_CERTIFICATIONS');
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportModeValue>('ALL_OR_NOTHING');
  const [dryRun, setDryRun] = useState(false);
  const [sending, setSending] = useState<Sending>({ phase: 'idle' });
  const [readError, setReadError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<CombinedError | undefined>();
  // The run shown: the one just started (with the mutation's answer) or one chosen in the list.
  const [shown, setShown] = useState<{ id: string; seed: ImportRun | null; kind: string } | null>(null);
  const client = useClient();
  const [recentCertification, reexecuteCertification] = useQuery({ query: RECENT_IMPORT_DOCUMENTS.certification, variables: { first: RECENT_IMPORTS }, requestPolicy: 'cache-and-network' });
  const [recentTraining, reexecuteTraining] = useQuery({ query: RECENT_IMPORT_DOCUMENTS.training, variables: { first: RECENT_IMPORTS }, requestPolicy: 'cache-and-network' });
  const [recentEthics, reexecuteEthics] = useQuery({ query: RECENT_IMPORT_DOCUMENTS.ethics, variables: { first: RECENT_IMPORTS }, requestPolicy: 'cache-and-network' });
  const recentLists = [recentCertification.data?.certificationImportRuns, recentTraining.data?.trainingImportRuns, recentEthics.data?.ethicsImportRuns].map((runs) => (runs ? unmask(ImportRunSummaryFields, runs) : undefined));
  const recentRuns = recentLists.some(Boolean) ? mergeRecentRuns(recentLists, RECENT_IMPORTS) : undefined;
  const hint = comingKindsHint();

  const columns = IMPORT_COLUMNS[kind] ?? [];
  const templateUrl = useBlobUrl(templateCsv(columns));
  const fileProblem = file ? importFileProblem(file) : null;
  const busy = sending.phase !== 'idle';
  const refusedFile = fieldReasons(refusal).reasonsFor(...FILE_FIELDS);
  const fileError = fileProblem ?? readError ?? refusedFile ?? null;

  const reloadRecent = useCallback(() => {
    reexecuteCertification({ requestPolicy: 'network-only' });
    reexecuteTraining({ requestPolicy: 'network-only' });
    reexecuteEthics({ requestPolicy: 'network-only' });
  }, [reexecuteCertification, reexecuteTraining, reexecuteEthics]);

  function onFile(event: ChangeEvent<HTMLInputElement>) {
    setFile(event.currentTarget.files?.[0] ?? null);
    setReadError(null);
    setRefusal(undefined);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file || fileProblem || busy) return;
    setRefusal(undefined);
    setReadError(null);
    setSending({ phase: 'reading', percent: 0 });
    let contentBase64: string;
    try {
      contentBase64 = await readFileAsBase64(file, (fraction) => setSending({ phase: 'reading', percent: Math.round(fraction * 100) }));
    } catch {
      setSending({ phase: 'idle' });
      setReadError('The browser could not read this file; choose it again.');
      return;
    }
    setSending({ phase: 'sending' });
    const result = await startImport(client, importKindDomain(kind), { kind, mode, dryRun, fileName: file.name, contentBase64 });
    setSending({ phase: 'idle' });
    const run = result.data;
    if (result.error || !run) {
      setRefusal(result.error);
      return;
    }
    setShown({ id: run.id, seed: run, kind: run.kind });
    reloadRecent();
  }

  return (
    <section aria-labelledby="import-title">
      <title>Import · CPSS Platform</title>
      <h1 id="import-title">Import</h1>
      <p className="lede">
        Bring records kept elsewhere into the platform from a CSV file. Every row is checked first (dates, known values, references); a row is matched by its natural key, so
        importing the same file again changes nothing.
      </p>

      <section className="card" aria-labelledby="import-new-title">
        <h2 id="import-new-title">New import</h2>
        <form className="form" aria-labelledby="import-new-title" onSubmit={onSubmit} noValidate data-testid="import-form">
          <div className="field field--inline">
            <label htmlFor="import-kind">What the file holds</label>
            <select id="import-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)} aria-describedby={hint ? 'import-kind-hint' : undefined} disabled={busy}>
              {IMPORT_KINDS.map((k) => (
                <option key={k.value} value={k.value} disabled={!k.available}>
                  {k.available ? k.label : `${k.label} (coming)`}
                </option>
              ))}
            </select>
            {hint && (
              <p className="hint" id="import-kind-hint">
                {hint}
              </p>
            )}
          </div>

          <div className="field" data-testid="import-columns">
            <p style={{ margin: 0 }}>
              <strong>The file’s columns.</strong> {IMPORT_KINDS.find((k) => k.value === kind)?.row}; a header row names the columns (in any order, any case). Required:{' '}
              {columns.filter((c) => c.required).map((c) => c.name).join(', ')}. Optional: {columns.filter((c) => !c.required).map((c) => c.name).join(', ')}.
            </p>
            <details>
              <summary>What each column holds</summary>
              <div className="table-wrap" style={{ marginTop: '0.5rem' }}>
                <table className="table">
                  <caption style={{ textAlign: 'left', padding: '0.5rem 0.75rem', fontWeight: 600 }}>Columns of a {importKindLabel(kind).toLowerCase()} file</caption>
                  <thead>
                    <tr>
                      <th scope="col">Column</th>
                      <th scope="col">Required</th>
                      <th scope="col">What it holds</th>
                    </tr>
                  </thead>
                  <tbody>
                    {columns.map((c) => (
                      <tr key={c.name}>
                        <th scope="row">
                          <code>{c.name}</code>
                        </th>
                        <td>{c.required ? 'Required' : 'Optional'}</td>
                        <td>{c.about}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
            {templateUrl && (
              <p style={{ margin: 0 }}>
                <a href={templateUrl} download={templateFileName(kind)} data-testid="import-template">
                  Download the template
                </a>{' '}
                <span className="hint">(CSV, the header row only)</span>
              </p>
            )}
          </div>

          <div className="field field--inline">
            <label htmlFor="import-file">CSV file</label>
            <input
              id="import-file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              onChange={onFile}
              disabled={busy}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? 'import-file-hint import-file-error' : 'import-file-hint'}
              data-testid="import-file"
            />
            <p className="hint" id="import-file-hint">
              {file && !fileProblem ? `${file.name}, ${formatBytes(file.size)}. ` : ''}UTF-8, comma-separated, with the header row; at most {formatBytes(MAX_IMPORT_FILE_BYTES)}.
            </p>
            {fileError && (
              <p className="field__error" id="import-file-error" data-testid="import-file-error">
                {fileError}
              </p>
            )}
          </div>

          <fieldset disabled={busy}>
            <legend>If some rows have problems</legend>
            {IMPORT_MODES.map((m) => (
              <div key={m.value} style={{ display: 'flex', gap: '0.5rem', alignItems: 'baseline', marginTop: '0.35rem' }}>
                <input
                  type="radio"
                  id={`import-mode-${m.value}`}
                  name="mode"
                  value={m.value}
                  checked={mode === m.value}
                  onChange={() => setMode(m.value)}
                  aria-describedby={`import-mode-${m.value}-hint`}
                />
                <div>
                  <label htmlFor={`import-mode-${m.value}`}>{m.label}</label>
                  <p className="hint" id={`import-mode-${m.value}-hint`}>
                    {m.about}
                  </p>
                </div>
              </div>
            ))}
          </fieldset>

          <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'baseline' }}>
            <input type="checkbox" id="import-dry-run" checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} disabled={busy} aria-describedby="import-dry-run-hint" />
            <div>
              <label htmlFor="import-dry-run">Check only (dry run)</label>
              <p className="hint" id="import-dry-run-hint">
                Check every row and list the problems; write nothing.
              </p>
            </div>
          </div>

          <div className="toolbar" style={{ marginBottom: 0, justifyContent: 'flex-start' }}>
            <button type="submit" className="button button--primary" disabled={!file || !!fileProblem || busy} data-testid="import-start">
              {dryRun ? 'Check the file' : 'Start the import'}
            </button>
            <p className="toolbar__status" role="status" data-testid="import-sending">
              {sending.phase === 'reading' && `Reading the file… ${sending.percent}%`}
              {sending.phase === 'sending' && 'Sending the file to the platform…'}
            </p>
          </div>
        </form>
        <RefusalAlert error={refusal} title="The import was not started" placed={FILE_FIELDS} testId="import-refusal" />
      </section>

      {shown && <ImportRunView key={shown.id} id={shown.id} seed={shown.seed} domain={importKindDomain(shown.kind)} onFinished={reloadRecent} />}

      <RecentImports
        runs={recentRuns}
        fetching={recentCertification.fetching || recentTraining.fetching || recentEthics.fetching}
        error={recentCertification.error ?? recentTraining.error ?? recentEthics.error}
        shownId={shown?.id ?? null}
        onShow={(run) => setShown({ id: run.id, seed: null, kind: run.kind })}
        onReload={reloadRecent}
      />
    </section>
  );
}
