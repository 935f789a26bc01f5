// The recent imports of every domain, newest first: what each was, how it went and its counts; "Show" opens one in
// the result above (its problems and its error file). A run being followed updates its row too: the
// normalized cache holds one ImportRun by id.
import type { CombinedError } from 'urql';
import { ErrorAlert, Loading } from '../../components/Status';
import type { ImportRunSummaryFieldsFragment } from '../../gql/graphql';
import { useUser } from '../../session';
import { importKindLabel, importModeLabel, runStatusWords, startedByLabel } from './importModel';

export type RecentRun = ImportRunSummaryFieldsFragment;

const formatTime = (iso: string) => new Date(iso).toLocaleString();

export function RecentImports({
  runs,
  fetching,
  error,
  shownId,
  onShow,
  onReload,
}: {
  runs: readonly RecentRun[] | undefined;
  fetching: boolean;
  error: CombinedError | undefined;
  shownId: string | null;
  onShow: (run: RecentRun) => void;
  onReload: () => void;
}) {
  const { accountId } = useUser();
  return (
    <section className="card" aria-labelledby="import-recent-title" data-testid="import-recent">
      <div className="queue__head">
        <h2 id="import-recent-title">Recent imports</h2>
        <button type="button" className="button button--secondary" onClick={onReload} disabled={fetching}>
          Refresh
        </button>
      </div>
      {error && <ErrorAlert error={error} title="Could not load the recent imports" onRetry={onReload} />}
      {!runs && fetching && <Loading>Loading the recent imports…</Loading>}
      {runs && runs.length === 0 && (
        <p className="muted" data-testid="import-recent-empty">
          No file has been imported yet.
        </p>
      )}
      {runs && runs.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Recent imports" tabIndex={0} style={{ marginTop: '1rem' }}>
          <table className="table" data-testid="import-recent-table" aria-busy={fetching}>
            <caption style={{ textAlign: 'left', padding: '0.5rem 0.75rem', fontWeight: 600 }}>{runs.length === 1 ? 'The last import' : `The last ${runs.length} imports, newest first`}</caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">File</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Rows
                </th>
                <th scope="col" className="num">
                  Created
                </th>
                <th scope="col" className="num">
                  Updated
                </th>
                <th scope="col" className="num">
                  Unchanged
                </th>
                <th scope="col" className="num">
                  Rejected
                </th>
                <th scope="col">By</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id} data-testid="import-recent-row" data-status={r.status} aria-current={r.id === shownId ? 'true' : undefined}>
                  <td>
                    <time dateTime={r.startedAt}>{formatTime(r.startedAt)}</time>
                  </td>
                  <th scope="row" style={{ fontWeight: 'normal' }}>
                    <span style={{ overflowWrap: 'anywhere', fontWeight: 600 }}>{r.fileName}</span>
                    <div className="muted">
                      {importKindLabel(r.kind)} · {importModeLabel(r.mode)}
                      {r.dryRun ? ' · Check only' : ''}
                    </div>
                  </th>
                  <td data-testid="import-recent-status">{runStatusWords(r)}</td>
                  <td className="num">{(r.rowsTotal ?? r.rowsProcessed).toLocaleString('en-US')}</td>
                  <td className="num">{r.created.toLocaleString('en-US')}</td>
                  <td className="num">{r.updated.toLocaleString('en-US')}</td>
                  <td className="num">{r.unchanged.toLocaleString('en-US')}</td>
                  <td className="num">{r.rowsInvalid.toLocaleString('en-US')}</td>
                  <td style={{ overflowWrap: 'break-word' }}>{startedByLabel(r.startedBy, accountId)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => onShow(r)}
                      disabled={r.id === shownId}
                      aria-label={`Show the import of ${r.fileName} started ${formatTime(r.startedAt)}`}
                    >
                      Show
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
