// Partial answers: when one domain's subgraph cannot answer, the gateway still answers the others'
// fields and names the missing domain in a SERVICE_UNAVAILABLE error; the fields that domain adds to
// another's entity (a person's training hours, complaints, disciplinary status…) come back null.
// A page then shows what it has, a small notice naming the domain, and "Unavailable" in place of
// each missing part, instead of an error in place of the whole page.
import type { CombinedError } from 'urql';
import { ErrorAlert } from './Status';

const DOMAIN_NAMES: Record<string, string> = { certification: 'Certification', training: 'Training', ethics: 'Ethics' };

/** The domains a response says could not answer (SERVICE_UNAVAILABLE's `service`), in order, once each. */
export function unavailableDomains(error: CombinedError | undefined): string[] {
  const domains = new Set<string>();
  for (const e of error?.graphQLErrors ?? []) {
    const service = e.extensions?.['service'];
    if (e.extensions?.['code'] === 'SERVICE_UNAVAILABLE' && typeof service === 'string' && service) domains.add(service);
  }
  return [...domains];
}

/** Every error of the response is a domain that could not answer (so the data it has is good to show). */
export function onlyUnavailable(error: CombinedError | undefined): boolean {
  return !!error && !error.networkError && error.graphQLErrors.length > 0 && error.graphQLErrors.length === error.graphQLErrors.filter((e) => e.extensions?.['code'] === 'SERVICE_UNAVAILABLE').length && unavailableDomains(error).length > 0;
}

/** A small notice above a partial answer: which domains did not answer. */
export function UnavailableNotice({ domains, onRetry }: { domains: readonly string[]; onRetry?: () => void }) {
  if (domains.length === 0) return null;
  const names = domains.map((d) => DOMAIN_NAMES[d] ?? d);
  return (
    <div role="status" className="alert alert--info" data-testid="unavailable-notice" data-domains={domains.join(' ')}>
      <p>
        {names.join(' and ')} {names.length === 1 ? 'is' : 'are'} not answering right now: {names.length === 1 ? 'its' : 'their'} parts are marked unavailable; the rest is up to date.
      </p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/**
 * What a page shows for its response's error: with data and only domains out of reach, the small
 * notice (the page renders the data); otherwise the error as before.
 */
export function ResponseProblem({ error, hasData, title, onRetry }: { error: CombinedError | undefined; hasData: boolean; title: string; onRetry?: () => void }) {
  if (!error) return null;
  if (hasData && onlyUnavailable(error)) return <UnavailableNotice domains={unavailableDomains(error)} onRetry={onRetry} />;
  return <ErrorAlert error={error} title={title} onRetry={onRetry} />;
}

/** In place of a part a domain did not answer. */
export function Unavailable({ what }: { what?: string }) {
  return (
    <span className="muted" data-testid="unavailable" title={what ? `${what}: not answering right now` : 'Not answering right now'}>
      Unavailable
    </span>
  );
}

/** The same, as text (table cells, titles, fact lists). */
export const UNAVAILABLE = 'Unavailable';

/** One part of a page that asks each domain in a query of its own: answered, out of reach, failed or still loading. */
export type PartState = 'ready' | 'unavailable' | 'failed' | 'loading';

export function partState(result: { data?: unknown; error?: CombinedError }): PartState {
  if (result.data) return 'ready';
  if (onlyUnavailable(result.error)) return 'unavailable';
  return result.error ? 'failed' : 'loading';
}

/**
 * What a page asking one query per domain shows for their errors: one notice naming every domain out
 * of reach (a part's own, or one adding fields to it), and an error for each part that really failed.
 */
export function PartsProblem({ results, title, onRetry }: { results: readonly { data?: unknown; error?: CombinedError }[]; title: string; onRetry?: () => void }) {
  const domains = [...new Set(results.flatMap((r) => (onlyUnavailable(r.error) ? unavailableDomains(r.error) : [])))];
  const failed = results.filter((r) => r.error && !onlyUnavailable(r.error));
  return (
    <>
      <UnavailableNotice domains={domains} onRetry={onRetry} />
      {failed.map((r, i) => (
        <ErrorAlert key={i} error={r.error} title={title} onRetry={onRetry} />
      ))}
    </>
  );
}
