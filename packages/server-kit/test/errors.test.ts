// Error masking and request ids, through a real Apollo Server on a tiny type-graphql schema.
import 'reflect-metadata';
import { describe, expect, it, beforeAll } from 'vitest';
import { Arg, Field, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { IsEmail, Length } from 'class-validator';
import { Role } from '@cpss/domain';
import { capturingLogger, errorCodes, gql, TEST_AUTH, TEST_SUBGRAPH_SECRET, tokenFor } from '../../testkit/src'; // not a dependency: testkit is built on server-kit
import { badInput, buildFederatedSchema, createSubgraphServer, createTokenVerifier, failedPrecondition, formatError, signToken } from '../src';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import request from 'supertest';

@ObjectType()
class Probe {
  @Field()
  value: string;
}

@InputType()
class ContactInput {
  @Field()
  @IsEmail()
  email: string;

  @Field()
  @Length(2, 50)
  name: string;
}

@Resolver()
class ProbeResolver {
  @Query(() => Probe)
  boom(): Probe {
    throw new Error('relation "secret_table" does not exist');
  }

  @Query(() => Probe)
  rule(): Probe {
    throw failedPrecondition('Cannot approve', [{ rule: 'recoveryMonths', reason: 'needs 18 months' }]);
  }

  @Query(() => Probe)
  field(): Probe {
    throw badInput({ field: 'county', reason: 'is not a North Carolina county' });
  }

  @Mutation(() => Probe)
  contact(@Arg('input') input: ContactInput): Probe {
    return { value: input.email };
  }
}

const fakeDataSource = { query: async () => [{ '?column?': 1 }] } as unknown as DataSource;
const { logger, lines } = capturingLogger('probe');
let app: Awaited<ReturnType<typeof createSubgraphServer>>['app'];

beforeAll(async () => {
  const { schema } = await buildFederatedSchema({ resolvers: [ProbeResolver] });
  ({ app } = await createSubgraphServer({ name: 'probe', schema, dataSource: fakeDataSource, logger, verifier: createTokenVerifier(TEST_AUTH), gatewaySecret: TEST_SUBGRAPH_SECRET }));
});

describe('error masking', () => {
  it('masks an unexpected error and gives the request id, keeping the detail in the log only', async () => {
    const res = await gql(app, '{ boom { value } }', {}, { headers: { 'x-request-id': 'help-desk-42' } });
    expect(res.headers['x-request-id']).toBe('help-desk-42');
    const error = res.body.errors![0]!;
    expect(error.message).toBe('Internal server error');
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'help-desk-42' });
    expect(JSON.stringify(res.body)).not.toContain('secret_table');
    const logged = lines().find((l) => l.includes('secret_table'));
    expect(logged).toBeDefined();
    expect(JSON.parse(logged!).reqId).toBe('help-desk-42');
  });

  it('makes a request id when the caller sends none (or a malformed one)', async () => {
    const res = await gql(app, '{ boom { value } }', {}, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.errors![0]!.extensions!['requestId']).toBe(res.headers['x-request-id']);
  });

  it('passes a rule failure with the rules not met', async () => {
    const res = await gql(app, '{ rule { value } }');
    expect(res.body.errors![0]!.extensions).toEqual({
      code: 'FAILED_PRECONDITION',
      unmet: [{ rule: 'recoveryMonths', reason: 'needs 18 months' }],
    });
  });

  it('passes a bad field with its name and why', async () => {
    const res = await gql(app, '{ field { value } }');
    expect(res.body.errors![0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'county', reason: 'is not a North Carolina county' }],
    });
  });

  it('turns validation failures into BAD_USER_INPUT listing every field', async () => {
    const res = await gql(app, 'mutation($i: ContactInput!) { contact(input: $i) { value } }', { i: { email: 'nope', name: 'x' } });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const fields = (res.body.errors![0]!.extensions!['fields'] as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['input.email', 'input.name']);
  });

  it('refuses a request with an expired token as a whole, with 401', async () => {
    const { token } = await signToken(TEST_AUTH, { subject: 'a', personId: null, roles: [Role.Admin], name: null }, -10);
    const res = await gql(app, '{ field { value } }', {}, { token });
    expect(res.status).toBe(401);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it('accepts a valid token', async () => {
    const res = await gql(app, '{ rule { value } }', {}, { token: await tokenFor([Role.Admin]) });
    expect(res.status).toBe(200);
    expect(errorCodes(res)).toEqual(['FAILED_PRECONDITION']);
  });
});

describe('logging', () => {
  it('never writes tokens or sensitive fields to the log', () => {
    const { logger: l, lines: out } = capturingLogger('redaction');
    l.info({ req: { headers: { authorization: 'Bearer abc.def' } }, application: { recoveryStatement: 'my story' } }, 'x');
    expect(out().join('')).not.toContain('abc.def');
    expect(out().join('')).not.toContain('my story');
    expect(out().join('')).toContain('[redacted]');
  });

  it('keeps a malformed request body out of the request line, and the line still says the statements', async () => {
    const secret = 'I relapsed in 2019 and nobody knew';
    const res = await request(app).post('/graphql').set('content-type', 'application/json').send(`{"query": "{ field { value } }", "variables": {"recoveryStatement": "${secret}"`);
    expect(res.status).toBe(400);
    const ok = await gql(app, '{ rule { value } }', {}, { token: await tokenFor([Role.Admin]) });
    expect(ok.status).toBe(200);
    expect(lines().join('')).not.toContain(secret);
    const requestLine = lines().map((l) => JSON.parse(l) as { msg?: string; req?: { url?: string }; sqlStatements?: number }).filter((l) => l.msg === 'request completed').at(-1);
    expect(requestLine?.req?.url).toBe('/graphql');
    expect(requestLine?.sqlStatements).toBe(0);
  });

  it('writes the path of a GET without its query string, where the variables travel', async () => {
    const secret = 'zq-searched-name-7781';
    const res = await request(app)
      .get('/graphql')
      .query({ query: 'query($q: String) { field { value } }', variables: JSON.stringify({ q: secret }) })
      .set('apollo-require-preflight', 'true');
    expect(res.status).toBeLessThan(500);
    expect(lines().join('')).not.toContain(secret);
    const requestLine = lines().map((l) => JSON.parse(l) as { msg?: string; req?: { method?: string; url?: string } }).filter((l) => l.msg === 'request completed').at(-1);
    expect(requestLine?.req).toMatchObject({ method: 'GET', url: '/graphql' });
  });
});

describe('a database that cannot be reached', () => {
  const formatted = (err: Error) => formatError({ message: err.message, path: ['x'] }, new GraphQLError(err.message, { path: ['x'], originalError: err }));
  it('is SERVICE_UNAVAILABLE (the database), not a masked internal error: connection lost, refused, shut down, too many connections', () => {
    const typeormLike = Object.assign(new Error('terminating connection due to administrator command'), { driverError: Object.assign(new Error('x'), { code: '57P01' }) });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const cut = new Error('Connection terminated unexpectedly');
    const tooMany = Object.assign(new Error('sorry, too many clients already'), { code: '53300' });
    const wrapped = new Error('the database refused a complaint change', { cause: Object.assign(new Error('y'), { code: '08006' }) });
    const released = Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' });
    for (const err of [typeormLike, refused, cut, tooMany, wrapped, released]) {
      expect(formatted(err), err.message).toEqual({ message: 'The database is unavailable; try again shortly', path: ['x'], extensions: { code: 'SERVICE_UNAVAILABLE', service: 'database' } });
    }
  });

  it('leaves any other database error masked', () => {
    const unique = Object.assign(new Error('duplicate key value violates unique constraint'), { driverError: Object.assign(new Error('z'), { code: '23505' }) });
    expect(formatted(unique)).toEqual({ message: 'Internal server error', path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
