// The urql client for the gateway's /graphql: normalized caching (graphcache), POST only, and a
// hook for the session when the gateway no longer accepts the cookie.
import { cacheExchange } from '@urql/exchange-graphcache';
import { persistedExchange } from '@urql/exchange-persisted';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { Client, fetchExchange, mapExchange, type CombinedError } from 'urql';

export interface GraphqlClientOptions {
  /** Called when the gateway says the session is missing or expired (not set for public pages). */
  onUnauthenticated?: () => void;
  url?: string;
  /** For tests: a fetch that answers without a server. */
  fetch?: typeof fetch;
}

/** Answers keyed by what identifies them (public look-ups have no id). */
const NAMED_KEYS: Record<string, (data: Record<string, unknown>) => string | null> = {
  RegistryEntry: (e) => (typeof e['certificationNumber'] === 'string' ? e['certificationNumber'] : null),
  TrainingCertificateVerification: (e) => (typeof e['verificationCode'] === 'string' ? e['verificationCode'] : null),
};

/**
 * Every type with an `id` is normalized by it; a type without one (connections, edges, clocks,
 * counts) is embedded in its parent. A Proxy rather than a list of keyless types, which every new
 * screen would have to remember to extend.
 */
const keys = new Proxy(NAMED_KEYS, {
  get: (named, type: string) => named[type] ?? ((data: Record<string, unknown>) => (data['id'] != null ? String(data['id']) : null)),
});

export function createGraphqlClient({ onUnauthenticated, url = '/graphql', fetch }: GraphqlClientOptions): Client {
  return new Client({
    url,
    // Apollo's CSRF prevention refuses GET queries without a preflight-forcing header; POST avoids it.
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin', headers: { 'apollo-require-preflight': 'true' } },
    ...(fetch ? { fetch } : {}),
    exchanges: [
      mapExchange({
        onError(error) {
          // Deferred so the session never updates in the middle of a React render.
          if (onUnauthenticated && isUnauthenticated(error)) queueMicrotask(onUnauthenticated);
        },
      }),
      cacheExchange({
        keys,
        resolvers: {
          // "Load more" asks for the next page with `after`; this stitches the pages of the same
          // search into one list, so the page reads `people.edges` as a single growing array.
          Query: { people: relayPagination(), trainingCatalog: relayPagination(), ethicsOutboundCommands: relayPagination() },
        },
      }),
      // Automatic persisted queries: a query is sent as its SHA-256 hash, with its text only the
      // first time the gateway has not seen it, so repeated queries travel and parse smaller.
      persistedExchange({ preferGetForPersistedQueries: false }),
      fetchExchange,
    ],
  });
}

export function isUnauthenticated(error: CombinedError): boolean {
  return (
    error.graphQLErrors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED') ||
    (error.response as Response | undefined)?.status === 401
  );
}

/** Messages fit to show the user: the API's own, or a plain word about the network. */
export function errorMessages(error: CombinedError): string[] {
  const messages = error.graphQLErrors.map((e) => e.message).filter(Boolean);
  if (messages.length > 0) return [...new Set(messages)];
  return ['Could not reach the server; check your connection and try again'];
}

/** The error code the API put on its first error (BAD_USER_INPUT, CONFLICT, FORBIDDEN…), if any. */
export function errorCode(error: CombinedError | undefined): string | undefined {
  const code = error?.graphQLErrors.find((e) => typeof e.extensions?.['code'] === 'string')?.extensions?.['code'];
  return typeof code === 'string' ? code : undefined;
}

export interface FieldProblem {
  field: string;
  reason: string;
}

/** BAD_USER_INPUT's per-field reasons, with the `input.` prefix removed: `complainant.email`. */
export function fieldProblems(error: CombinedError | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const e of error?.graphQLErrors ?? []) {
    if (e.extensions?.['code'] !== 'BAD_USER_INPUT') continue;
    const fields = e.extensions['fields'];
    if (!Array.isArray(fields)) continue;
    for (const f of fields as unknown[]) {
      if (typeof f !== 'object' || f === null) continue;
      const { field, reason } = f as Record<string, unknown>;
      if (typeof field === 'string' && typeof reason === 'string') problems.push({ field: field.replace(/^input\./, ''), reason });
    }
  }
  return problems;
}

/** The request id to quote to support: the API's, on an internal error, else the response header. */
export function errorRequestId(error: CombinedError): string | undefined {
  for (const e of error.graphQLErrors) {
    const id = e.extensions?.['requestId'];
    if (typeof id === 'string' && id) return id;
  }
  const response = error.response as Response | undefined;
  const header = typeof response?.headers?.get === 'function' ? response.headers.get('x-request-id') : null;
  return header || undefined;
}
