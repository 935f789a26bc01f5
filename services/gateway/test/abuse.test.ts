// Abuse at the gateway: a temporary lockout per account after failed sign-ins, per-client limits on
// the public operations, and requests a page on another site could send with the session cookie.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, Role } from '@cpss/domain';
import { tokenFor } from '@cpss/testkit';
import { startTestGateway, type TestGateway } from './harness';

const account = (email: string) => DEMO_ACCOUNTS.find((a) => a.email === email)!;

describe('sign-in lockout', () => {
  let gw: TestGateway;
  let now = new Date('2026-12-07T10:00:00Z');
  const later = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  let address = 0;
  // A new address each attempt: the lockout is per account, whatever the address.
  const signIn = (email: string, password: string) =>
    request(gw.app).post('/auth/login').set('x-forwarded-for', `10.3.0.${++address}`).send({ email, password });

  beforeAll(async () => {
    gw = await startTestGateway(inject('pgAdminUrl'), {
      loginAttemptsPerMinute: 1000,
      lockout: { maxFailures: 3, windowMinutes: 10, lockoutMinutes: 15 },
      clock: () => now,
    });
  });
  afterAll(async () => gw?.stop());

  it('locks an account after N failures in the window; its right password is refused like an unknown email until the lockout ends', async () => {
    const { email, id } = account('reviewer@demo.cpss');
    for (let i = 0; i < 3; i++) expect((await signIn(email, `guess-${i}`)).status).toBe(401);
    const [locked] = await gw.dataSource.query('select locked_until from identity.account where id = $1', [id]);
    expect(new Date(locked.locked_until).toISOString()).toBe('2026-12-07T10:15:00.000Z');

    const right = await signIn(email, DEMO_PASSWORD);
    const unknown = await signIn('nobody@demo.cpss', DEMO_PASSWORD);
    expect(right.status).toBe(401);
    expect(right.body).toEqual(unknown.body);
    expect(right.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Email or password is incorrect' } });
    expect(right.headers['set-cookie']).toBeUndefined();

    later(14);
    expect((await signIn(email, DEMO_PASSWORD)).status).toBe(401);
    later(2);
    const after = await signIn(email, DEMO_PASSWORD);
    expect(after.status).toBe(200);
    expect(after.body.user.roles).toEqual([Role.CertificationReviewer]);
    const [cleared] = await gw.dataSource.query('select failed_sign_ins, locked_until from identity.account where id = $1', [id]);
    expect(cleared).toEqual({ failed_sign_ins: 0, locked_until: null });
  });

  it('a successful sign-in starts the count over', async () => {
    const { email } = account('ethics@demo.cpss');
    for (let i = 0; i < 2; i++) expect((await signIn(email, 'wrong')).status).toBe(401);
    expect((await signIn(email, DEMO_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await signIn(email, 'wrong')).status).toBe(401);
    expect((await signIn(email, DEMO_PASSWORD)).status).toBe(200);
  });

  it('failures older than the window do not count', async () => {
    const { email } = account('developer@demo.cpss');
    for (let i = 0; i < 2; i++) expect((await signIn(email, 'wrong')).status).toBe(401);
    later(11);
    for (let i = 0; i < 2; i++) expect((await signIn(email, 'wrong')).status).toBe(401);
    expect((await signIn(email, DEMO_PASSWORD)).status).toBe(200);
  });

  it('concurrent guesses all count', async () => {
    const { email, id } = account('supervisor@demo.cpss');
    const statuses = await Promise.all([0, 1, 2].map((i) => signIn(email, `parallel-${i}`).then((r) => r.status)));
    expect(statuses).toEqual([401, 401, 401]);
    const [row] = await gw.dataSource.query('select locked_until from identity.account where id = $1', [id]);
    expect(row.locked_until).not.toBeNull();
    expect((await signIn(email, DEMO_PASSWORD)).status).toBe(401);
  });
});

describe('public operations', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(inject('pgAdminUrl'), {
      anonymousRequestsPerMinute: 1000,
      publicLimits: { registryPerMinute: 2, certificateVerificationsPerMinute: 1, complaintsPerHour: 1 },
    });
  });
  afterAll(async () => gw?.stop());

  const ask = (from: string, query: string, variables?: Record<string, unknown>) =>
    request(gw.app).post('/graphql').set('x-forwarded-for', from).send({ query, variables });
  const lookup = '{ registryLookup(certificationNumber: "C-1") { name } }';

  it('are limited per client address and root field: 429 RATE_LIMITED with Retry-After, no subgraph asked', async () => {
    for (let i = 0; i < 2; i++) {
      const before = gw.subgraphs.hits();
      const res = await ask('10.4.0.1', lookup);
      expect(res.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(gw.subgraphs.hits()).toBeGreaterThan(before);
    }
    const before = gw.subgraphs.hits();
    const refused = await ask('10.4.0.1', lookup);
    expect(refused.status).toBe(429);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors).toEqual([
      {
        message: expect.stringMatching(/^Too many registryLookup requests from this address \(limit 2 a minute\); try again in \d+ s$/),
        extensions: { code: 'RATE_LIMITED', field: 'registryLookup', limit: 2, retryAfterSeconds: expect.any(Number) },
      },
    ]);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.errors[0].extensions.retryAfterSeconds).toBe(retryAfter);
    expect(gw.subgraphs.hits()).toBe(before);

    // Another field, another address: counted apart.
    expect((await ask('10.4.0.1', '{ registrySearch(name: "Moore", county: "Adams") { name } }')).status).not.toBe(429);
    expect((await ask('10.4.0.2', lookup)).status).not.toBe(429);
  });

  it('count the field however it is asked (aliases, fragments), and signed-in callers too', async () => {
    const token = await tokenFor([Role.Admin]);
    const signedIn = (query: string) => request(gw.app).post('/graphql').set('x-forwarded-for', '10.4.1.1').set('authorization', `Bearer ${token}`).send({ query });
    expect((await signedIn('{ a: registryLookup(certificationNumber: "1") { name } b: registryLookup(certificationNumber: "2") { name } }')).status).not.toBe(429);
    expect((await signedIn('{ ...F } fragment F on Query { registryLookup(certificationNumber: "3") { name } }')).status).not.toBe(429);
    const third = await signedIn('{ ... on Query { registryLookup(certificationNumber: "4") { name } } }');
    expect(third.status).toBe(429);
    expect(third.body.errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('certificate verification and the complaint form have limits of their own', async () => {
    const verify = '{ verifyTrainingCertificate(code: "ABC") { verificationCode } }';
    expect((await ask('10.4.2.1', verify)).status).not.toBe(429);
    const second = await ask('10.4.2.1', verify);
    expect(second.status).toBe(429);
    expect(second.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', field: 'verifyTrainingCertificate' });

    const file = 'mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { referenceNumber } }';
    expect((await ask('10.4.2.1', file, { i: {} })).status).not.toBe(429);
    const before = gw.subgraphs.hits();
    const again = await ask('10.4.2.1', file, { i: {} });
    expect(again.status).toBe(429);
    expect(again.body.errors[0].message).toContain('limit 1 a hour');
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(60);
    expect(gw.subgraphs.hits()).toBe(before);
  });

  it('a refusal is not logged as an unexpected error', () => {
    expect(gw.lines().filter((l) => l.includes('RATE_LIMITED') || l.includes('Too many'))).toEqual([]);
  });

  it('leave the rest of the API alone', async () => {
    for (let i = 0; i < 4; i++) expect((await ask('10.4.3.1', '{ __typename }')).status).toBe(200);
  });
});

describe('requests a page on another site could send with the session cookie', () => {
  let gw: TestGateway;
  let cookie: string;
  const mutation = 'mutation { retryOutboundCommand(id: "00000000-0000-4000-8000-000000000000") { id } }';

  beforeAll(async () => {
    gw = await startTestGateway(inject('pgAdminUrl'));
    const login = await request(gw.app).post('/auth/login').send({ email: account('admin@demo.cpss').email, password: DEMO_PASSWORD });
    cookie = String(login.headers['set-cookie']).split(';')[0]!;
  });
  afterAll(async () => gw?.stop());

  it('a JSON POST with the cookie reaches the subgraphs (the control)', async () => {
    const before = gw.subgraphs.hits();
    const res = await request(gw.app).post('/graphql').set('cookie', cookie).send({ query: mutation });
    expect(res.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(gw.subgraphs.hits()).toBeGreaterThan(before);
  });

  it.each([
    ['text/plain', JSON.stringify({ query: mutation })],
    ['application/x-www-form-urlencoded', `query=${encodeURIComponent(mutation)}`],
    ['multipart/form-data; boundary=x', `--x\r\ncontent-disposition: form-data; name="query"\r\n\r\n${mutation}\r\n--x--\r\n`],
  ])('a %s POST is refused and asks no subgraph', async (type, body) => {
    const before = gw.subgraphs.hits();
    const res = await request(gw.app).post('/graphql').set('cookie', cookie).set('content-type', type).send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code ?? res.text).toMatch(/BAD_REQUEST|preflight/i);
    expect(gw.subgraphs.hits()).toBe(before);
  });

  it('a GET with a mutation is refused, with or without a preflight header, and asks no subgraph', async () => {
    const before = gw.subgraphs.hits();
    const plain = await request(gw.app).get('/graphql').query({ query: mutation }).set('cookie', cookie);
    expect(plain.status).toBe(400);
    expect(plain.text).toMatch(/preflight/i);
    const preflighted = await request(gw.app).get('/graphql').query({ query: mutation }).set('cookie', cookie).set('apollo-require-preflight', 'true');
    expect(preflighted.status).toBe(405);
    expect(preflighted.body.errors[0].message).toMatch(/GET requests only support query operations/);
    expect(gw.subgraphs.hits()).toBe(before);
  });

  it('sign-out needs a JSON body or a custom header; a form post leaves the session alone', async () => {
    const form = await request(gw.app).post('/auth/logout').set('cookie', cookie).set('content-type', 'application/x-www-form-urlencoded').send('a=1');
    expect(form.status).toBe(400);
    expect(form.body.error.code).toBe('BAD_REQUEST');
    expect(form.headers['set-cookie']).toBeUndefined();
    const empty = await request(gw.app).post('/auth/logout').set('cookie', cookie);
    expect(empty.status).toBe(400);

    const json = await request(gw.app).post('/auth/logout').set('cookie', cookie).send({});
    expect(json.status).toBe(204);
    expect(String(json.headers['set-cookie'])).toMatch(/cpss_session=;.*Expires=Thu, 01 Jan 1970/);
    const header = await request(gw.app).post('/auth/logout').set('cookie', cookie).set('x-requested-with', 'fetch');
    expect(header.status).toBe(204);
  });
});
