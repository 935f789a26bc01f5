// Helpers for tests that run a real subgraph in-process against a real, throwaway PostgreSQL.
import type { Express } from 'express';
import request from 'supertest';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@cpss/devdb';
import { type Role } from '@cpss/domain';
import { createLogger, createTokenVerifier, GATEWAY_SIGNATURE_HEADER, signGatewayRequest, signToken, type AuthConfig, type Logger } from '@cpss/server-kit';

export const TEST_AUTH: AuthConfig = {
  secret: 'test-secret-that-is-long-enough-for-hs256!!',
  issuer: 'cpss-gateway',
  audience: 'cpss',
};

export const testVerifier = () => createTokenVerifier(TEST_AUTH);

/** The SUBGRAPH_SECRET of in-process test subgraphs (give it to createServer as `gatewaySecret`). */
export const TEST_SUBGRAPH_SECRET = 'test-subgraph-secret-shared-with-the-gateway!!';

/** The gateway's signature header for this body (a test playing the gateway), by default with TEST_SUBGRAPH_SECRET. */
export function gatewayHeaders(body: string, secret = TEST_SUBGRAPH_SECRET, nowMs = Date.now()): Record<string, string> {
  return { [GATEWAY_SIGNATURE_HEADER]: signGatewayRequest(secret, body, nowMs) };
}

export async function tokenFor(roles: Role[], personId: string | null = null, subject = 'test-account'): Promise<string> {
  const { token } = await signToken(TEST_AUTH, { subject, roles, personId, name: 'Test' }, 600);
  return token;
}

export { createThrowawayDatabase, type ThrowawayDatabase };

/** A logger (with the platform's redaction) whose lines are kept for assertions, not printed. */
export function capturingLogger(name = 'test'): { logger: Logger; lines: () => string[] } {
  const lines: string[] = [];
  const logger = createLogger(name, 'info', { write: (line: string) => void lines.push(line) });
  return { logger, lines: () => lines };
}

export interface GqlResult {
  status: number;
  headers: Record<string, string>;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[] };
}

export async function gql(
  app: Express,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; headers?: Record<string, string>; gateway?: boolean } = {},
): Promise<GqlResult> {
  const body = JSON.stringify({ query, variables });
  let req = request(app).post('/graphql').set('content-type', 'application/json');
  // In production every request reaches a subgraph through the gateway, which signs it; so does
  // this helper unless `gateway: false` (a caller going around the gateway).
  if (options.gateway !== false) for (const [k, v] of Object.entries(gatewayHeaders(body))) req = req.set(k, v);
  if (options.token) req = req.set('authorization', `Bearer ${options.token}`);
  for (const [k, v] of Object.entries(options.headers ?? {})) req = req.set(k, v);
  const res = await req.send(body);
  return { status: res.status, headers: res.headers as Record<string, string>, body: res.body };
}

export function errorCodes(result: GqlResult): unknown[] {
  return (result.body.errors ?? []).map((e) => e.extensions?.['code']);
}


/** Auth options for gql(): a token for these roles (and person). */
export async function as(roles: Role[], personId: string | null = null, subject = 'test-account'): Promise<{ token: string }> {
  return { token: await tokenFor(roles, personId, subject) };
}

type ErrorsBody = { body: { errors?: { extensions?: Record<string, unknown> }[] } };

/** The field paths a BAD_USER_INPUT response names. */
export function fieldsOf(res: ErrorsBody): string[] {
  return (res.body.errors ?? []).flatMap((e) => ((e.extensions?.['fields'] as { field: string }[] | undefined) ?? []).map((f) => f.field));
}

/** The rules a FAILED_PRECONDITION response names. */
export function unmetRules(res: ErrorsBody): string[] {
  return (res.body.errors ?? []).flatMap((e) => ((e.extensions?.['unmet'] as { rule: string }[] | undefined) ?? []).map((f) => f.rule));
}
