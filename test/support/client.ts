// A small client for the running platform: sign in, then send GraphQL with the bearer token.
import { DEMO_PASSWORD } from '@cpss/domain';
// The signing module alone (not the whole server-kit) for suites that play the gateway to a subgraph.
import { GATEWAY_SIGNATURE_HEADER, signGatewayRequest } from '@cpss/server-kit/dist/gateway-signature';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export async function signIn(gatewayUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${gatewayUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed with ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  /** A test playing the gateway to a subgraph: sign the request with the platform's SUBGRAPH_SECRET. */
  options: { subgraphSecret?: string } = {},
): Promise<GraphQLResponse<T>> {
  const body = JSON.stringify({ query, variables });
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(options.subgraphSecret ? { [GATEWAY_SIGNATURE_HEADER]: signGatewayRequest(options.subgraphSecret, body) } : {}),
    },
    body,
  });
  return { status: res.status, ...((await res.json()) as Omit<GraphQLResponse<T>, 'status'>) };
}

export const codes = (r: GraphQLResponse<unknown>) => (r.errors ?? []).map((e) => e.extensions?.['code']);
