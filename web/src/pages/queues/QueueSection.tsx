// One queue on the work queues page: a heading with its total, a line saying how many are shown, a
// table (keyboard-scrollable when wider than the screen) or its empty state, and a link to the
// queue's own page when it has one.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Unavailable } from '../../components/Unavailable';

export interface QueueSectionProps {
  id: string;
  title: string;
  total: number;
  status: string;
  intro: string;
  empty: string;
  busy: boolean;
  head: readonly string[];
  rows: ReactNode[];
  more?: { to: string; text: string };
  /** The queue's CSV export link (components/ExportLink). */
  exportLink?: ReactNode;
}

export function QueueSection({ id, title, total, status, intro, empty, busy, head, rows, more, exportLink }: QueueSectionProps) {
  const titleId = `${id}-title`;
  return (
    <section className="card queue" id={id} aria-labelledby={titleId} data-testid={id}>
      <div className="queue__head">
        <h2 id={titleId}>
          {title} <span className="queue__total" data-testid={`${id}-total`}>{total}</span>
        </h2>
        {more && (
          <Link to={more.to} className="queue__more">
            {more.text}
          </Link>
        )}
        {exportLink}
      </div>
      <p className="muted queue__intro">
        {intro} <span data-testid={`${id}-count`}>{status}.</span>
      </p>
      {rows.length === 0 ? (
        <p className="muted" data-testid={`${id}-empty`}>
          {empty}
        </p>
      ) : (
        <div className="table-wrap" role="region" aria-label={title} tabIndex={0}>
          <table className="table" aria-busy={busy}>
            <thead>
              <tr>
                {head.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{rows}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A queue whose domain did not answer (marked unavailable) or whose query failed (the error is above). */
export function MissingQueueSection({ id, title, state }: { id: string; title: string; state: 'unavailable' | 'failed' }) {
  const titleId = `${id}-title`;
  return (
    <section className="card queue" id={id} aria-labelledby={titleId} data-testid={id} data-state={state}>
      <div className="queue__head">
        <h2 id={titleId}>{title}</h2>
      </div>
      {state === 'unavailable' ? (
        <p data-testid={`${id}-unavailable`}>
          <Unavailable what={title} />
        </p>
      ) : (
        <p className="muted" data-testid={`${id}-failed`}>
          Not loaded: see the error above.
        </p>
      )}
    </section>
  );
}
