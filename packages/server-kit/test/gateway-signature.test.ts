// Subgraph protection: without a token only the gateway's signed requests are answered, and
// `_entities` / `_service` only to the gateway, whatever the token. A real Apollo subgraph over a
// tiny federated schema (nothing here reads a database).
import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import { Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { Role } from '@cpss/domain';
import { capturingLogger, errorCodes, gatewayHeaders, gql, TEST_AUTH, TEST_SUBGRAPH_SECRET, tokenFor } from '../../testkit/src'; // not a dependency: testkit is built on server-kit
import {
  buildFederatedSchema,
  createSubgraphServer,
  createTokenVerifier,
  GATEWAY_SIGNATURE_HEADER,
  GATEWAY_SIGNATURE_TOLERANCE_SECONDS,
  signGatewayRequest,
  verifyGatewaySignature,
} from '../src';

@ObjectType()
@Directive('@key(fields: "id")')
class Thing {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@Resolver()
class ThingResolver {
  @Query(() => String)
  hello(): string {
    return 'hello';
  }
}

const fakeDataSource = { query: async () => [{ '?column?': 1 }] } as unknown as DataSource;
const { logger } = capturingLogger('probe');
let app: Awaited<ReturnType<typeof createSubgraphServer>>['app'];

beforeAll(async () => {
  const { schema } = await buildFederatedSchema({
    resolvers: [ThingResolver],
    orphanedTypes: [Thing],
    referenceResolvers: { Thing: (ref: { id: string }) => ({ id: ref.id, name: `thing ${ref.id}` }) },
  });
  ({ app } = await createSubgraphServer({ name: 'probe', schema, dataSource: fakeDataSource, logger, verifier: createTokenVerifier(TEST_AUTH), gatewaySecret: TEST_SUBGRAPH_SECRET }));
});

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Thing { id name } } }`;
const things = { r: [{ __typename: 'Thing', id: '7' }] };
/** A request posted as-is with these headers (no helper signing it). */
const post = (body: string, headers: Record<string, string> = {}) => {
  let req = request(app).post('/graphql').set('content-type', 'application/json');
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  return req.send(body);
};

describe('a subgraph called without a token', () => {
  it('refuses the request (401 UNAUTHENTICATED) unless the gateway signed it', async () => {
    const direct = await gql(app, '{ hello }', {}, { gateway: false });
    expect(direct.status).toBe(401);
    expect(errorCodes(direct)).toEqual(['UNAUTHENTICATED']);
    expect(direct.body.data ?? null).toBeNull();
    expect(direct.body.errors![0]!.message).toBe('Sign in, or call this service through the gateway');

    const viaGateway = await gql(app, '{ hello }');
    expect(viaGateway.status).toBe(200);
    expect(viaGateway.body).toEqual({ data: { hello: 'hello' } });
  });

  it('keeps the health routes open', async () => {
    expect((await request(app).get('/health/live')).status).toBe(200);
    expect((await request(app).get('/health/ready')).status).toBe(200);
  });
});

describe('a subgraph called with a valid token but not by the gateway', () => {
  it('answers ordinary fields', async () => {
    const res = await gql(app, '{ hello }', {}, { token: await tokenFor([Role.Applicant]), gateway: false });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { hello: 'hello' } });
  });

  it.each([
    ['an admin', [Role.Admin]],
    ['a service', [Role.Service]],
  ] as const)('refuses _entities and _service to %s (403 FORBIDDEN), aliased or in fragments too', async (_who, roles) => {
    const token = await tokenFor([...roles]);
    const entities = await gql(app, ENTITIES, things, { token, gateway: false });
    expect(entities.status).toBe(403);
    expect(errorCodes(entities)).toEqual(['FORBIDDEN']);
    expect(entities.body.data ?? null).toBeNull();
    const service = await gql(app, '{ _service { sdl } }', {}, { token, gateway: false });
    expect(service.status).toBe(403);
    expect(errorCodes(service)).toEqual(['FORBIDDEN']);
    const hidden = await gql(
      app,
      `query($r: [_Any!]!) { hello ...F ... on Query { s: _service { sdl } } } fragment F on Query { e: _entities(representations: $r) { __typename } }`,
      things,
      { token, gateway: false },
    );
    expect(hidden.status).toBe(403);
    expect(hidden.body.errors![0]!.message).toBe('_entities and _service are answered only to the gateway');
  });
});

describe('a request signed by the gateway', () => {
  it('gets _entities and _service, with or without a token', async () => {
    const anonymous = await gql(app, ENTITIES, things);
    expect(anonymous.status).toBe(200);
    // Without a token the entity itself stays closed (the reference resolver's own rule).
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const signedIn = await gql(app, ENTITIES, things, { token: await tokenFor([Role.Service]) });
    expect(signedIn.body).toEqual({ data: { _entities: [{ id: '7', name: 'thing 7' }] } });
    const sdl = await gql(app, '{ _service { sdl } }');
    expect((sdl.body.data!['_service'] as { sdl: string }).sdl).toMatch(/type Thing\s+@key\(fields: "id"\)/);
  });

  it('is refused whole (401) when the signature is wrong, stale, for another body or malformed, whatever the token', async () => {
    const token = await tokenFor([Role.Admin]);
    const body = JSON.stringify({ query: '{ hello }' });
    const now = Date.now();
    const cases: Record<string, string> = {
      'another secret': signGatewayRequest('another-secret-of-at-least-32-characters!!', body, now),
      expired: signGatewayRequest(TEST_SUBGRAPH_SECRET, body, now - (GATEWAY_SIGNATURE_TOLERANCE_SECONDS + 5) * 1000),
      'too far ahead': signGatewayRequest(TEST_SUBGRAPH_SECRET, body, now + (GATEWAY_SIGNATURE_TOLERANCE_SECONDS + 5) * 1000),
      'another body': signGatewayRequest(TEST_SUBGRAPH_SECRET, JSON.stringify({ query: '{ _service { sdl } }' }), now),
      malformed: 'sig=00',
      'the secret itself': TEST_SUBGRAPH_SECRET,
    };
    for (const [name, header] of Object.entries(cases)) {
      for (const headers of [{}, { authorization: `Bearer ${token}` }]) {
        const res = await post(body, { ...headers, [GATEWAY_SIGNATURE_HEADER]: header });
        expect({ name, status: res.status, codes: errorCodes(res) }).toEqual({ name, status: 401, codes: ['UNAUTHENTICATED'] });
        expect(res.body.errors[0].message).toBe('The gateway signature on this request is not valid or has expired');
      }
    }
    // The same body, signed now: answered.
    const good = await post(body, gatewayHeaders(body));
    expect(good.body).toEqual({ data: { hello: 'hello' } });
  });

  it('signs only a body: a GET carrying a signature is refused', async () => {
    const res = await request(app)
      .get('/graphql')
      .query({ query: '{ hello }' })
      .set('apollo-require-preflight', 'true')
      .set(GATEWAY_SIGNATURE_HEADER, signGatewayRequest(TEST_SUBGRAPH_SECRET, ''));
    expect(res.status).toBe(401);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('the signature', () => {
  const body = Buffer.from('{"query":"{ hello }"}');
  const at = Date.UTC(2027, 0, 1);

  it('holds within the tolerance either way and not beyond', () => {
    const header = signGatewayRequest(TEST_SUBGRAPH_SECRET, body, at);
    const tolerance = GATEWAY_SIGNATURE_TOLERANCE_SECONDS * 1000;
    expect(verifyGatewaySignature(TEST_SUBGRAPH_SECRET, header, body, at)).toBe('valid');
    expect(verifyGatewaySignature(TEST_SUBGRAPH_SECRET, header, body, at + tolerance)).toBe('valid');
    expect(verifyGatewaySignature(TEST_SUBGRAPH_SECRET, header, body, at - tolerance)).toBe('valid');
    expect(verifyGatewaySignature(TEST_SUBGRAPH_SECRET, header, body, at + tolerance + 1000)).toBe('invalid');
    expect(verifyGatewaySignature(TEST_SUBGRAPH_SECRET, header, body, at - tolerance - 1000)).toBe('invalid');
  });

  it('binds the body and the secret, and tells a missing header from a bad one', () => {
    const header = signGatewayRequest(TEST_SUBGRAPH_SECRET, body, at);
    expect(header).toMatch(/^t=\d+,sig=[0-9a-f]{64}$/);
    expect(verifyGatewaySignature(TEST_SUBGRAPH_SECRET, header, Buffer.from('{"query":"{ other }"}'), at)).toBe('invalid');
    expect(verifyGatewaySignature(`${TEST_SUBGRAPH_SECRET}x`, header, body, at)).toBe('invalid');
    expect(verifyGatewaySignature(TEST_SUBGRAPH_SECRET, header.replace(/t=(\d+)/, (_m, t: string) => `t=${Number(t) + 1}`), body, at)).toBe('invalid');
    expect(verifyGatewaySignature(TEST_SUBGRAPH_SECRET, [header, header], body, at)).toBe('invalid');
    expect(verifyGatewaySignature(TEST_SUBGRAPH_SECRET, header, undefined, at)).toBe('invalid');
    expect(verifyGatewaySignature(TEST_SUBGRAPH_SECRET, undefined, body, at)).toBe('missing');
  });

  it('is required to build a subgraph server', async () => {
    const { schema } = await buildFederatedSchema({ resolvers: [ThingResolver] });
    const deps = { name: 'probe', schema, dataSource: fakeDataSource, logger, verifier: createTokenVerifier(TEST_AUTH) };
    await expect(createSubgraphServer({ ...deps, gatewaySecret: undefined as unknown as string })).rejects.toThrow(/SUBGRAPH_SECRET/);
    await expect(createSubgraphServer({ ...deps, gatewaySecret: 'short' })).rejects.toThrow(/at least 32 characters/);
  });
});
