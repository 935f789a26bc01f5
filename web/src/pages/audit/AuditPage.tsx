// The admin's view of the audit trails: each domain's (every write, every read of a sensitive field)
// and the gateway's sign-ins, newest first. The trail and the filter live in the URL, so a search can
// be linked to (`/audit?domain=ethics&subjectId=…`) and the back button steps through searches; the
// filter is applied when the form is sent. Entries name the fields touched, never their values.
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert, Loading } from '../../components/Status';
import { roleLabels } from '../../roles';
import {
  AUDIT_ACTIONS,
  AUDIT_DOMAINS,
  actionLabel,
  actorLabel,
  domainLabel,
  entryCountLabel,
  fieldsLabel,
  filterFromForm,
  filterFromParams,
  hasFilter,
  paramsFromFilter,
  type AuditDomain,
  type AuditEntry,
  type AuditFilter,
} from './auditModel';
import { useAuditTrail } from './useAuditTrail';

const formatTime = (iso: string) => new Date(iso).toLocaleString();

export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const { domain, filter } = filterFromParams(params);
  // The search as the page reads it: a changed URL (a new filter, a tab, back) is a new search.
  const search = paramsFromFilter(domain, filter).toString();
  const meta = AUDIT_DOMAINS.find((d) => d.value === domain)!;

  return (
    <section aria-labelledby="audit-title">
      <title>Audit trail · CPSS Platform</title>
      <h1 id="audit-title">Audit trail</h1>
      <p className="lede">
        Who did what to which record, when, in which request: newest first. An entry names the fields read or changed, never their values.
      </p>
      {/* Each trail is a link to the same search in that trail: the filter is kept, so one request's
          entries can be followed from domain to domain, and the back button returns. */}
      <nav aria-label="Audit trails" className="toolbar" data-testid="audit-domains">
        <ul className="plain-list" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', margin: 0 }}>
          {AUDIT_DOMAINS.map((d) => (
            <li key={d.value}>
              <Link
                to={`/audit?${paramsFromFilter(d.value, filter).toString()}`}
                className={`button ${d.value === domain ? 'button--primary' : 'button--secondary'}`}
                aria-current={d.value === domain ? 'page' : undefined}
                data-testid={`audit-tab-${d.value}`}
                // A link drawn as a button: no underline, and white text kept on hover (links turn brand-blue).
                style={{ display: 'inline-block', textDecoration: 'none', ...(d.value === domain ? { color: '#fff' } : {}) }}
              >
                {d.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="card" aria-labelledby="audit-trail-title">
        <h2 id="audit-trail-title">{meta.label}</h2>
        <p className="muted">{meta.about}</p>
        <FilterForm key={`form?${search}`} domain={domain} filter={filter} onApply={(f) => setParams(paramsFromFilter(domain, f))} />
        <TrailResults key={`trail?${search}`} search={search} domain={domain} filtered={hasFilter(filter)} />
      </section>
    </section>
  );
}

/** The filter form: its fields start from the URL's filter and are applied together when it is sent. */
function FilterForm({ domain, filter, onApply }: { domain: AuditDomain; filter: AuditFilter; onApply: (filter: AuditFilter) => void }) {
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(filterFromForm(new FormData(event.currentTarget)));
  }
  const id = (name: string) => `audit-${name}`;
  return (
    <form className="filters" aria-label={`Filter the ${domainLabel(domain).toLowerCase()} trail`} onSubmit={onSubmit} data-testid="audit-filters">
      <div className="field field--inline">
        <label htmlFor={id('actor')}>Actor (account id)</label>
        <input id={id('actor')} name="actor" defaultValue={filter.actor} autoComplete="off" spellCheck={false} placeholder="or system, anonymous" />
      </div>
      <div className="field field--inline">
        <label htmlFor={id('action')}>Action</label>
        <select id={id('action')} name="action" defaultValue={filter.action}>
          <option value="">Any action</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor={id('subject-type')}>Record type</label>
        <input id={id('subject-type')} name="subjectType" defaultValue={filter.subjectType} autoComplete="off" spellCheck={false} placeholder="e.g. application" />
      </div>
      <div className="field field--inline">
        <label htmlFor={id('subject-id')}>Record id</label>
        <input id={id('subject-id')} name="subjectId" defaultValue={filter.subjectId} autoComplete="off" spellCheck={false} />
      </div>
      <div className="field field--inline">
        <label htmlFor={id('request-id')}>Request id</label>
        <input id={id('request-id')} name="requestId" defaultValue={filter.requestId} autoComplete="off" spellCheck={false} />
      </div>
      <div className="field field--inline">
        <label htmlFor={id('operation')}>Operation</label>
        <input id={id('operation')} name="operation" defaultValue={filter.operation} autoComplete="off" spellCheck={false} placeholder="e.g. submitApplication" />
      </div>
      <div className="field field--inline">
        <label htmlFor={id('from')}>From (day)</label>
        <input id={id('from')} name="from" type="date" defaultValue={filter.from} />
      </div>
      <div className="field field--inline">
        <label htmlFor={id('to')}>To (day, included)</label>
        <input id={id('to')} name="to" type="date" defaultValue={filter.to} />
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem' }}>
        <button type="submit" className="button button--primary" data-testid="audit-apply">
          Apply filters
        </button>
        <button type="button" className="button button--secondary" onClick={() => onApply(filterFromForm(new FormData()))} disabled={!hasFilter(filter)} data-testid="audit-clear">
          Clear filters
        </button>
      </div>
    </form>
  );
}

function TrailResults({ search, domain, filtered }: { search: string; domain: AuditDomain; filtered: boolean }) {
  const trail = useAuditTrail(search);
  const label = domainLabel(domain);
  return (
    <>
      <p className="toolbar__status" role="status" data-testid="audit-count">
        {trail.loaded ? `Newest first: ${entryCountLabel(trail.totalCount, trail.entries.length)}${filtered ? ' matching the filters' : ''}.` : ''}
      </p>
      {trail.error && (
        <ErrorAlert
          error={trail.error.error}
          messages={trail.error.messages}
          title={trail.loaded ? 'Could not load more entries' : `Could not load the ${label.toLowerCase()} trail`}
          onRetry={trail.retry}
        />
      )}
      {!trail.loaded && trail.fetching && <Loading>{`Loading the ${label.toLowerCase()} trail…`}</Loading>}
      {trail.loaded && trail.entries.length === 0 && (
        <p className="muted" data-testid="audit-empty">
          {filtered ? 'No entries match these filters.' : `The ${label.toLowerCase()} trail has no entries yet.`}
        </p>
      )}
      {trail.entries.length > 0 && <AuditTable domain={domain} entries={trail.entries} busy={trail.fetching} />}
      {trail.nextCursor && (
        <div className="load-more">
          <button type="button" className="button button--secondary" disabled={trail.fetching} onClick={trail.loadMore} data-testid="audit-load-more">
            Load more
          </button>
          {trail.fetching && <Loading>Loading more entries…</Loading>}
        </div>
      )}
    </>
  );
}

function AuditTable({ domain, entries, busy }: { domain: AuditDomain; entries: readonly AuditEntry[]; busy: boolean }) {
  const label = domainLabel(domain);
  return (
    <div className="table-wrap" role="region" aria-label={`${label} audit entries`} tabIndex={0}>
      <table className="table" data-testid="audit-table" aria-busy={busy}>
        <caption style={{ textAlign: 'left', padding: '0.5rem 0.75rem', fontWeight: 600 }}>{label} audit trail, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Record</th>
            <th scope="col">Fields</th>
            <th scope="col">Operation</th>
            <th scope="col">Request id</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-testid="audit-row" data-action={e.action} data-actor={e.actor}>
              <td data-testid="audit-at">
                <time dateTime={e.at}>{formatTime(e.at)}</time>
              </td>
              <td data-testid="audit-actor">
                <span style={{ overflowWrap: 'anywhere' }}>{actorLabel(e.actor)}</span>
                {e.actorRoles.length > 0 && <div className="muted">{roleLabels(e.actorRoles)}</div>}
              </td>
              <td data-testid="audit-action">{actionLabel(e.action)}</td>
              <td data-testid="audit-subject">
                {e.subjectType}
                <div>
                  <code style={{ overflowWrap: 'anywhere' }}>{e.subjectId}</code>
                </div>
              </td>
              <td data-testid="audit-fields">{fieldsLabel(e.fields)}</td>
              <td data-testid="audit-operation">{e.operation ?? '—'}</td>
              <td data-testid="audit-request">
                {e.requestId ? (
                  <Link to={`/audit?${paramsFromFilter(domain, { requestId: e.requestId }).toString()}`} title={`Every ${label.toLowerCase()} entry of request ${e.requestId}`}>
                    {/* No code background under the link colour: it would not keep the contrast. */}
                    <code style={{ overflowWrap: 'anywhere', background: 'transparent', padding: 0 }}>{e.requestId}</code>
                  </Link>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
