// The gateway client against a real HTTP server playing the gateway: what it sends (a SERVICE
// token, the request id) and how each kind of answer reaches the caller.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayClient, createTokenVerifier, GatewayCallError, type AuthConfig } from '../src';

const auth: AuthConfig = { secret: 'a-secret-that-is-long-enough-for-hs256!!', issuer: 'cpss-gateway', audience: 'cpss' };
let server: Server;
let url: string;
let answer: { status: number; body: unknown } = { status: 200, body: { data: {} } };
const seen: { authorization?: string; requestId?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ authorization: req.headers.authorization, requestId: req.headers['x-request-id'] as string | undefined });
    req.resume();
    req.on('end', () => {
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const client = () => createGatewayClient({ url, auth, service: 'training' });
const codeOf = (err: unknown) => (err as { extensions?: { code?: string } }).extensions?.code;

describe('gateway client', () => {
  it('signs in as the service and passes the request id on', async () => {
    answer = { status: 200, body: { data: { person: { id: 'p1' } } } };
    await expect(client().request('certification', '{ person { id } }', {}, { requestId: 'req-42' })).resolves.toEqual({ person: { id: 'p1' } });
    const last = seen.at(-1)!;
    expect(last.requestId).toBe('req-42');
    const principal = await createTokenVerifier(auth).verify(last.authorization!.replace('Bearer ', ''));
    expect(principal).toMatchObject({ subject: 'service:training', roles: ['SERVICE'], personId: null });
  });

  it('answers SERVICE_UNAVAILABLE naming the domain when any part of the answer is an error', async () => {
    answer = { status: 200, body: { data: { person: null }, errors: [{ message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE' } }] } };
    const err = await client().request('ethics', '{ x }').catch((e: unknown) => e);
    expect(codeOf(err)).toBe('SERVICE_UNAVAILABLE');
    expect((err as { extensions: { service: string } }).extensions.service).toBe('ethics');
    answer = { status: 502, body: {} };
    expect(codeOf(await client().request('ethics', '{ x }').catch((e: unknown) => e))).toBe('SERVICE_UNAVAILABLE');
  });

  it('answers SERVICE_UNAVAILABLE when nothing listens', async () => {
    const nobody = createGatewayClient({ url: 'http://127.0.0.1:9/graphql', auth, service: 'training', timeoutMs: 2000 });
    expect(codeOf(await nobody.request('certification', '{ x }').catch((e: unknown) => e))).toBe('SERVICE_UNAVAILABLE');
  });

  it('passes NOT_FOUND on, and treats a refused query as a bug here', async () => {
    answer = { status: 200, body: { data: null, errors: [{ message: 'Person p9 was not found', extensions: { code: 'NOT_FOUND', what: 'Person', id: 'p9' } }] } };
    const missing = await client().request('certification', '{ x }').catch((e: unknown) => e);
    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect((missing as Error).message).toBe('Person p9 was not found');
    answer = { status: 400, body: { errors: [{ message: 'Cannot query field "nope"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] } };
    expect(await client().request('certification', '{ nope }').catch((e: unknown) => e)).toBeInstanceOf(GatewayCallError);
  });
});
