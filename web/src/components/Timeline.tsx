import { enumWords } from '../labels';

export interface TimelineItem {
  id: string;
  fromStatus?: string | null;
  toStatus: string;
  actor: string;
  /** The actor's name as they were signed in; older entries and the system have none. */
  actorName?: string | null;
  reason?: string | null;
  at: string;
}

/** Every change of status of a case, oldest first as the API sends it. */
export function Timeline({ entries, testId = 'timeline' }: { entries: readonly TimelineItem[]; testId?: string }) {
  if (entries.length === 0) return <p className="muted">No changes recorded yet.</p>;
  return (
    <ol className="timeline" data-testid={testId}>
      {entries.map((t) => (
        <li key={t.id}>
          <time dateTime={t.at}>{new Date(t.at).toLocaleString()}</time> · <strong>{t.fromStatus ? `${enumWords(t.fromStatus)} → ${enumWords(t.toStatus)}` : enumWords(t.toStatus)}</strong>{' '}
          <span className="muted">by {actorLabel(t)}</span>
          {t.reason && <div>{t.reason}</div>}
        </li>
      ))}
    </ol>
  );
}

/** A person's name; the scheduled jobs as "the system"; an account id only when nothing better is known. */
export function actorLabel(t: Pick<TimelineItem, 'actor' | 'actorName'>): string {
  if (t.actorName) return t.actorName;
  if (t.actor === 'system' || t.actor === 'demo-seed' || t.actor === 'migration') return 'the system';
  return t.actor;
}
