// Sign-in at the gateway against a real PostgreSQL (identity schema) with the real argon2 hashes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, Role } from '@cpss/domain';
import { initializeAndMigrate } from '@cpss/server-kit';
import { capturingLogger, createThrowawayDatabase, TEST_AUTH, TEST_SUBGRAPH_SECRET, testVerifier, type ThrowawayDatabase } from '@cpss/testkit';
import type { DataSource } from 'typeorm';
import { createIdentityDataSource } from '../src/data-source';
import { createServer } from '../src/server';
import { seedDemoAccounts } from '../src/services/account.service';
import { apiSchemaFile, composeSupergraph, supergraphFile } from '../src/supergraph';

let db: ThrowawayDatabase;
let ds: DataSource;
let app: Awaited<ReturnType<typeof createServer>>['app'];
const { logger, lines } = capturingLogger('gateway');
const webDist = mkdtempSync(join(tmpdir(), 'cpss-web-'));

beforeAll(async () => {
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>CPSS UI</title>');
  db = await createThrowawayDatabase(inject('pgAdminUrl'));
  ds = await initializeAndMigrate(createIdentityDataSource(db.url));
  await seedDemoAccounts(ds, logger);
  ({ app } = await createServer({
    dataSource: ds,
    logger,
    auth: TEST_AUTH,
    verifier: testVerifier(),
    // Nothing listens here: these tests never reach a subgraph.
    subgraphUrls: { certification: 'http://127.0.0.1:9/graphql', training: 'http://127.0.0.1:9/graphql', ethics: 'http://127.0.0.1:9/graphql' },
    subgraphSecret: TEST_SUBGRAPH_SECRET,
    sessionTtlSeconds: 900,
    secureCookie: false,
    loginAttemptsPerMinute: 5,
    anonymousRequestsPerMinute: 4,
    webDistDir: webDist,
  }));
});

afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

const admin = DEMO_ACCOUNTS.find((a) => a.roles.includes(Role.Admin))!;

describe('POST /auth/login', () => {
  it('signs in with the right password: HttpOnly SameSite cookie and a bearer token', async () => {
    const res = await request(app).post('/auth/login').set('x-forwarded-for', '10.0.0.1').send({ email: admin.email.toUpperCase(), password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ roles: [Role.Admin], name: admin.displayName });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^cpss_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect((await testVerifier().verify(res.body.token)).roles).toEqual([Role.Admin]);

    const me = await request(app).get('/auth/me').set('cookie', cookie.split(';')[0]!);
    expect(me.status).toBe(200);
    expect(me.body.user.roles).toEqual([Role.Admin]);
  });

  it('refuses a wrong password and an unknown email with the same words', async () => {
    const wrong = await request(app).post('/auth/login').set('x-forwarded-for', '10.0.0.2').send({ email: admin.email, password: 'not-it' });
    const unknown = await request(app).post('/auth/login').set('x-forwarded-for', '10.0.0.2').send({ email: 'nobody@demo.cpss', password: DEMO_PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.message).toBe('Email or password is incorrect');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('names the missing field', async () => {
    const res = await request(app).post('/auth/login').set('x-forwarded-for', '10.0.0.3').send({ email: admin.email });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_USER_INPUT');
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['password']);
  });

  it('slows down guessing: too many attempts from one address are refused', async () => {
    const attempt = () => request(app).post('/auth/login').set('x-forwarded-for', '10.0.0.4').send({ email: admin.email, password: 'guess' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
  });

  it('never logs the password', () => {
    expect(lines().join('\n')).not.toContain(DEMO_PASSWORD);
  });
});

describe('sessions', () => {
  it('logout clears the cookie', async () => {
    const res = await request(app).post('/auth/logout').send({});
    expect(res.status).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/cpss_session=;.*Expires=Thu, 01 Jan 1970/);
  });

  it('refuses a bad token at /graphql before reaching any subgraph', async () => {
    const res = await request(app).post('/graphql').set('authorization', 'Bearer nonsense').send({ query: '{ people { totalCount } }' });
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('/auth/me without a session is 401', async () => {
    expect((await request(app).get('/auth/me')).status).toBe(401);
  });
});

describe('callers without a token', () => {
  it('are limited per address; signed-in callers are not counted', async () => {
    const anonymous = () => request(app).post('/graphql').set('x-forwarded-for', '10.0.1.1').send({ query: '{ __typename }' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await anonymous()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const { tokenFor } = await import('@cpss/testkit');
    const signedIn = await request(app).post('/graphql').set('x-forwarded-for', '10.0.1.1').set('authorization', `Bearer ${await tokenFor([Role.Admin])}`).send({ query: '{ __typename }' });
    expect(signedIn.status).toBe(200);
  });
});

describe('a subgraph that does not answer', () => {
  it('is SERVICE_UNAVAILABLE naming the subgraph, not an internal error', async () => {
    const { tokenFor } = await import('@cpss/testkit');
    const res = await request(app)
      .post('/graphql')
      .set('authorization', `Bearer ${await tokenFor([Role.Admin])}`)
      .send({ query: '{ people { totalCount } }' });
    expect(res.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(res.body.errors[0].message).toContain('certification');
    expect(JSON.stringify(res.body)).not.toContain('127.0.0.1:9');
  });
});

describe('the web UI host', () => {
  it('serves index.html for client-side routes, not for the API', async () => {
    const page = await request(app).get('/people');
    expect(page.status).toBe(200);
    expect(page.text).toContain('CPSS UI');
    expect((await request(app).get('/health/live')).body).toEqual({ status: 'ok' });
  });
});

describe('composition', () => {
  it('has a committed supergraph composed from the committed subgraph schemas', () => {
    const { supergraphSdl, apiSchema } = composeSupergraph();
    expect(readFileSync(supergraphFile, 'utf8'), 'services/gateway/supergraph.graphql is stale: run `npm run compose`').toBe(supergraphSdl);
    expect(readFileSync(apiSchemaFile, 'utf8'), 'services/gateway/api-schema.graphql is stale: run `npm run compose`').toBe(apiSchema);
  });
});
