// Loads an audit trail page by page for the audit page: a domain's `<domain>AuditTrail` through
// GraphQL, the sign-ins through GET /auth/audit (the session cookie travels with it). Every page is
// read from the server (the trail grows all the time); "Load more" appends the next page. A search
// that was replaced (another trail or filter) before its answer came is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient, type Client, type CombinedError } from 'urql';
import { useSession } from '../../session';
import { CertificationAuditTrailDocument, EthicsAuditTrailDocument, TrainingAuditTrailDocument } from './auditDocuments';
import { apiFilter, filterFromParams, parseTrailPage, signInTrailPath, trailErrorMessages, type AuditDomain, type AuditEntry, type AuditFilter, type AuditPage } from './auditModel';

export const AUDIT_PAGE_SIZE = 25;

export interface TrailError {
  error?: CombinedError;
  messages?: string[];
}

export interface TrailState {
  /** The first page has come (entries, totalCount and the cursor are the server's). */
  loaded: boolean;
  fetching: boolean;
  entries: AuditEntry[];
  totalCount: number;
  nextCursor: string | null;
  error: TrailError | null;
}

const INITIAL: TrailState = { loaded: false, fetching: true, entries: [], totalCount: 0, nextCursor: null, error: null };

type Loaded = { page: AuditPage } | { error: TrailError };

interface GraphqlConnection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: AuditEntry }[];
}

function pageOf(connection: GraphqlConnection): AuditPage {
  return {
    totalCount: connection.totalCount,
    hasNextPage: connection.pageInfo.hasNextPage,
    endCursor: connection.pageInfo.endCursor ?? null,
    entries: connection.edges.map((e) => e.node),
  };
}

async function loadGraphqlPage(client: Client, domain: Exclude<AuditDomain, 'sign-ins'>, filter: AuditFilter, first: number, after: string | null): Promise<Loaded> {
  const variables = { filter: apiFilter(filter), first, after };
  const context = { requestPolicy: 'network-only' as const };
  let connection: GraphqlConnection | undefined;
  let error: CombinedError | undefined;
  if (domain === 'certification') {
    const r = await client.query(CertificationAuditTrailDocument, variables, context).toPromise();
    connection = r.data?.certificationAuditTrail;
    error = r.error;
  } else if (domain === 'training') {
    const r = await client.query(TrainingAuditTrailDocument, variables, context).toPromise();
    connection = r.data?.trainingAuditTrail;
    error = r.error;
  } else {
    const r = await client.query(EthicsAuditTrailDocument, variables, context).toPromise();
    connection = r.data?.ethicsAuditTrail;
    error = r.error;
  }
  if (!connection) return { error: error ? { error } : { messages: ['The server sent no audit entries; try again shortly'] } };
  return { page: pageOf(connection) };
}

async function loadSignInPage(filter: AuditFilter, first: number, after: string | null, onUnauthenticated: () => void): Promise<Loaded> {
  let res: Response;
  try {
    res = await fetch(signInTrailPath(filter, first, after), { credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch {
    return { error: { messages: ['Could not reach the server; check your connection and try again'] } };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.status === 401) queueMicrotask(onUnauthenticated);
  if (!res.ok) return { error: { messages: trailErrorMessages(res.status, body) } };
  const page = parseTrailPage(body);
  return page ? { page } : { error: { messages: ['The server sent an unexpected answer; try again shortly'] } };
}

/**
 * The trail and filter `search` names (the audit page's URL search params, see auditModel.ts), the
 * entries loaded so far, and `loadMore` / `retry`.
 */
export function useAuditTrail(search: string): TrailState & { loadMore: () => void; retry: () => void } {
  const client = useClient();
  const { expire } = useSession();
  const [state, setState] = useState<TrailState>(INITIAL);
  // Bumped for every new search: answers to an older one are dropped.
  const generation = useRef(0);

  const load = useCallback(
    async (after: string | null) => {
      const gen = after === null ? ++generation.current : generation.current;
      setState((s) => (after === null ? INITIAL : { ...s, fetching: true, error: null }));
      const { domain, filter } = filterFromParams(new URLSearchParams(search));
      const result = domain === 'sign-ins' ? await loadSignInPage(filter, AUDIT_PAGE_SIZE, after, expire) : await loadGraphqlPage(client, domain, filter, AUDIT_PAGE_SIZE, after);
      if (gen !== generation.current) return;
      setState((s) => {
        if ('error' in result) return { ...s, fetching: false, error: result.error };
        const { page } = result;
        // Entries written since the first page push older ones along, never into a later page (the
        // cursor is the last entry's time and id), so appending cannot repeat one; guard anyway.
        const seen = new Set(after === null ? [] : s.entries.map((e) => e.id));
        const entries = after === null ? page.entries : [...s.entries, ...page.entries.filter((e) => !seen.has(e.id))];
        return { loaded: true, fetching: false, entries, totalCount: page.totalCount, nextCursor: page.hasNextPage ? page.endCursor : null, error: null };
      });
    },
    [client, expire, search],
  );

  useEffect(() => {
    void load(null);
    return () => {
      generation.current += 1;
    };
  }, [load]);

  const loadMore = useCallback(() => {
    if (state.nextCursor && !state.fetching) void load(state.nextCursor);
  }, [load, state.nextCursor, state.fetching]);

  // After a failed "Load more" the loaded entries stay and the same page is asked again.
  const retry = useCallback(() => void load(state.loaded ? state.nextCursor : null), [load, state.loaded, state.nextCursor]);

  return { ...state, loadMore, retry };
}
