// A table of commands ethics sent (or is sending) to another domain: what, to whom, how delivery is
// going (attempts, last error, next attempt), what the other domain answered once delivered, and a
// "Retry now" button on the pending ones. A wide table scrolls inside its own focusable region.
import { Link } from 'react-router';
import type { EthicsOutboundCommandsQuery } from '../../gql/graphql';
import { canRetry, commandTypeLabel, payloadFacts, retryResult, shortId, statusLabel, targetDomainLabel } from './commandModel';

export type Command = EthicsOutboundCommandsQuery['ethicsOutboundCommands']['edges'][number]['node'];

export const formatTime = (iso: string) => new Date(iso).toLocaleString();

function Time({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatTime(iso)}</time>;
}

export interface CommandTableProps {
  label: string;
  testId: string;
  commands: readonly Command[];
  busy: boolean;
  /** Commands retried on this page, with their attempts when the retry was asked. */
  retried: ReadonlyMap<string, number>;
  retrying: string | null;
  onRetry: (command: Command) => void;
}

export function CommandTable({ label, testId, commands, busy, retried, retrying, onRetry }: CommandTableProps) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table className="table" data-testid={testId} aria-busy={busy}>
        <thead>
          <tr>
            <th scope="col">Command</th>
            <th scope="col">To</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Attempts
            </th>
            <th scope="col">Last error</th>
            <th scope="col">Next attempt or delivery</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {commands.map((c) => (
            <tr key={c.id} data-testid="command-row" data-id={c.id} data-status={c.status}>
              <th scope="row">
                {commandTypeLabel(c.type)}
                <ul className="plain-list command__facts">
                  {payloadFacts(c.payload).map((f) => (
                    <li key={f.label}>
                      {f.label}:{' '}
                      {f.to ? (
                        <Link to={f.to} title={f.value}>
                          {shortId(f.value)}
                        </Link>
                      ) : (
                        f.value
                      )}
                    </li>
                  ))}
                  <li>
                    Created <Time iso={c.createdAt} />
                  </li>
                </ul>
              </th>
              <td data-testid="command-target">{targetDomainLabel(c.targetDomain)}</td>
              <td data-testid="command-status">
                {statusLabel(c)}
                {c.stuck && (
                  <span className="badge badge--bad" data-testid="command-stuck">
                    Stuck
                  </span>
                )}
              </td>
              <td className="num" data-testid="command-attempts">
                {c.attempts}
              </td>
              <td data-testid="command-error">
                {c.lastError ? (
                  <>
                    {c.lastError}
                    {c.lastAttemptAt && (
                      <div className="muted">
                        at <Time iso={c.lastAttemptAt} />
                      </div>
                    )}
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td data-testid="command-delivery">
                {c.status === 'delivered' ? (
                  <>
                    Delivered {c.deliveredAt && <Time iso={c.deliveredAt} />}
                    {c.outcome && <div className="muted">{c.outcome}</div>}
                  </>
                ) : (
                  <>
                    Next attempt <Time iso={c.nextAttemptAt} />
                  </>
                )}
              </td>
              <td>
                {canRetry(c) && (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => onRetry(c)}
                    disabled={retrying !== null}
                    aria-label={`Retry now: ${commandTypeLabel(c.type)}, created ${formatTime(c.createdAt)}`}
                    data-testid="command-retry"
                  >
                    {retrying === c.id ? 'Retrying…' : 'Retry now'}
                  </button>
                )}
                {retried.has(c.id) && (
                  <p className="command__result" data-testid="command-retry-result">
                    {retryResult(c, retried.get(c.id)!, formatTime)}
                  </p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
