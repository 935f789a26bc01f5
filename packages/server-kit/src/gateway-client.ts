// A subgraph asking another domain through the gateway, signed in as itself: a short-lived token
// with the SERVICE role, signed with the platform's key and renewed before it expires. When the
// gateway or the domain asked does not answer (network, timeout, a subgraph down), the caller gets
// SERVICE_UNAVAILABLE naming that domain, so a decision that needed the answer writes nothing.
import { Role } from '@cpss/domain';
import type { GraphQLError } from 'graphql';
import { signToken, type AuthConfig } from './auth';
import { GraphQLError as GraphQLErrorClass } from 'graphql';
import { serviceUnavailable } from './errors';

export interface GatewayRequestOptions {
  /** The request being served, so the call shows up under the same id in every service's log. */
  requestId?: string;
}

export interface GatewayClient {
  /**
   * Sends one operation and returns its data. `domain` names who is asked (for the error). Any
   * error in the answer refuses the whole answer: a decision never stands on partial facts.
   * NOT_FOUND from the other domain is an answer and is passed on as NOT_FOUND.
   */
  request<T>(domain: string, query: string, variables?: Record<string, unknown>, options?: GatewayRequestOptions): Promise<T>;
}

/** Codes that mean the request itself was wrong: a bug here, not an outage over there. */
const CALLER_ERRORS = new Set(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED']);

export class GatewayCallError extends Error {}

export function createGatewayClient(options: { url: string; auth: Pick<AuthConfig, 'secret' | 'issuer' | 'audience'>; service: string; timeoutMs?: number }): GatewayClient {
  let cached: { token: string; expiresAt: Date } | null = null;
  const token = async () => {
    if (!cached || cached.expiresAt.getTime() - Date.now() < 60_000) {
      cached = await signToken(options.auth, { subject: `service:${options.service}`, roles: [Role.Service], personId: null, name: `${options.service} service` }, 300);
    }
    return cached.token;
  };
  return {
    async request<T>(domain: string, query: string, variables: Record<string, unknown> = {}, requestOptions: GatewayRequestOptions = {}): Promise<T> {
      const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${await token()}` };
      if (requestOptions.requestId) headers['x-request-id'] = requestOptions.requestId;
      let body: { data?: T | null; errors?: GraphQLError[] };
      try {
        const res = await fetch(options.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(options.timeoutMs ?? 5000) });
        if (res.status >= 500 || !res.headers.get('content-type')?.includes('json')) throw serviceUnavailable(domain);
        body = (await res.json()) as typeof body;
      } catch (err) {
        if ((err as GraphQLError).extensions?.['code']) throw err;
        throw serviceUnavailable(domain);
      }
      const errors = body.errors ?? [];
      const callerError = errors.find((e) => CALLER_ERRORS.has(String(e.extensions?.['code'])));
      if (callerError) throw new GatewayCallError(`${options.service} asked ${domain} wrongly: ${callerError.message}`);
      // "No such thing" is an answer, not an outage: the caller's client hears it as it is.
      const missing = errors.find((e) => e.extensions?.['code'] === 'NOT_FOUND');
      if (missing) throw notFoundElsewhere(missing);
      if (errors.length || !body.data) throw serviceUnavailable(domain);
      return body.data;
    },
  };
}

function notFoundElsewhere(error: GraphQLError): GraphQLErrorClass {
  return new GraphQLErrorClass(error.message, { extensions: { code: 'NOT_FOUND', what: error.extensions?.['what'], id: error.extensions?.['id'] } });
}
