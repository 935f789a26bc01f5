// What one GraphQL request may ask of the gateway: every document the web UI sends passes the
// default limits; a request over a limit is refused with QUERY_LIMIT_EXCEEDED naming it, before
// any subgraph is asked. Production hides introspection, the landing page and field suggestions.
// A body over the size limit is a JSON 413.
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSchema, Kind, parse, print, specifiedRules, validate, visit, type DocumentNode } from 'graphql';
import * as web from '../../../web/src/gql/graphql';
import { DEFAULT_QUERY_LIMITS, queryLimits } from '../src/limits';
import { apiSchemaFile } from '../src/supergraph';
import { startTestGateway, type TestGateway } from './harness';

/** The UI's documents as urql sends them: graphcache adds __typename to every selection below the root. */
function asSent(document: DocumentNode): string {
  const withTypename = visit(document, {
    SelectionSet: {
      leave(node, _key, parent) {
        if (parent && !Array.isArray(parent) && (parent as { kind?: string }).kind === Kind.OPERATION_DEFINITION) return undefined;
        if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias)) return undefined;
        return { ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] };
      },
    },
  });
  return print(withTypename);
}

const webDocuments = Object.entries(web)
  .filter(([name]) => name.endsWith('Document'))
  .map(([name, document]) => [name, asSent(document as DocumentNode)] as const);

describe('the default limits', () => {
  const schema = buildSchema(readFileSync(apiSchemaFile, 'utf8'));
  const limits = queryLimits(DEFAULT_QUERY_LIMITS);

  it('are met by every document the web UI sends', () => {
    expect(webDocuments.length).toBeGreaterThan(80);
    const refused: string[] = [];
    for (const [name, text] of webDocuments) {
      let document: DocumentNode;
      try {
        document = parse(text, limits.parseOptions);
      } catch (err) {
        refused.push(`${name}: ${(err as Error).message}`);
        continue;
      }
      const errors = validate(schema, document, [...specifiedRules, ...limits.validationRules]);
      refused.push(...errors.map((e) => `${name}: ${e.message}`));
    }
    expect(refused).toEqual([]);
  });

  it('refuse the same documents when set below them (the check above checks something)', () => {
    const tight = queryLimits({ ...DEFAULT_QUERY_LIMITS, maxDepth: 3 });
    const personView = webDocuments.find(([name]) => name === 'PersonViewDocument')![1];
    const errors = validate(schema, parse(personView), [...specifiedRules, ...tight.validationRules]);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/^Query depth limit of 3 exceeded, found \d+\.$/)]);
  });
});

describe('a request over a limit', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(inject('pgAdminUrl'), {
      queryLimits: { maxDepth: 4, maxAliases: 3, maxDirectives: 3, maxTokens: 60, maxCost: 30 },
    });
  });
  afterAll(async () => gw?.stop());

  const post = (query: string) => request(gw.app).post('/graphql').set('x-forwarded-for', '10.1.0.1').send({ query });

  it('within the limits goes to the subgraph (so the counter below means something)', async () => {
    const before = gw.subgraphs.hits();
    const res = await post('{ registryLookup(certificationNumber: "C-1") { name } }');
    expect(res.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(gw.subgraphs.hits()).toBeGreaterThan(before);
  });

  it.each([
    ['depth', '{ person(id: "p") { applications { person { applications { id } } } } }', /^Query depth limit of 4 exceeded, found 5\.$/],
    ['aliases', '{ a: registryLookup(certificationNumber: "1") { name } b: registryLookup(certificationNumber: "2") { name } c: registryLookup(certificationNumber: "3") { name } d: registryLookup(certificationNumber: "4") { name } }', /^Aliases limit of 3 exceeded, found 4\.$/],
    ['directives', '{ registryLookup(certificationNumber: "1") { name @include(if: true) county @include(if: true) status @include(if: true) goodThrough @skip(if: false) } }', /^Directives limit of 3 exceeded, found 4\.$/],
    ['cost', '{ person(id: "p") { applications { id status kind createdAt submittedOn decidedOn person { id legalName } } certifications { id status } } }', /^Query Cost limit of 30 exceeded, found 37.25\.$/],
    ['tokens', `{ ${Array.from({ length: 61 }, () => '__typename').join(' ')} }`, /^Token limit of 60 exceeded\.$/],
  ])('too many %s: 400 QUERY_LIMIT_EXCEEDED naming the limit, no subgraph asked', async (limit, query, message) => {
    const before = gw.subgraphs.hits();
    const res = await post(query);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit });
    expect(res.body.errors[0].message).toMatch(message);
    expect(gw.subgraphs.hits()).toBe(before);
  });

  it('counts fragments too (a deep query cannot hide in them)', async () => {
    const before = gw.subgraphs.hits();
    const res = await post('{ person(id: "p") { ...A } } fragment A on Person { applications { person { applications { id } } } }');
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'depth', max: 4 } }));
    expect(gw.subgraphs.hits()).toBe(before);
  });

  it('outside production, suggests field names and answers introspection', async () => {
    const typo = await post('{ registryLookp(certificationNumber: "1") { name } }');
    expect(typo.body.errors[0].message).toMatch(/Did you mean "registryLookup"/);
    const schema = await post('{ __schema { queryType { name } } }');
    expect(schema.status).toBe(200);
    expect(schema.body.data.__schema.queryType.name).toBe('Query');
    const landing = await request(gw.app).get('/graphql').set('accept', 'text/html');
    expect(landing.status).toBe(200);
    expect(landing.headers['content-type']).toContain('text/html');
  });
});

describe('in production', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(inject('pgAdminUrl'), { production: true });
  });
  afterAll(async () => gw?.stop());

  const post = (query: string) => request(gw.app).post('/graphql').set('x-forwarded-for', '10.1.1.1').send({ query });

  it('does not suggest field names', async () => {
    const typo = await post('{ registryLookp(certificationNumber: "1") { name } }');
    expect(typo.status).toBe(400);
    expect(typo.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.body.errors[0].message).toBe('Cannot query field "registryLookp" on type "Query".');
  });

  it('refuses introspection', async () => {
    const res = await post('{ __schema { queryType { name } } }');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors[0].message).toMatch(/introspection is not allowed/i);
    expect(JSON.stringify(res.body)).not.toContain('"Query"');
  });

  it('serves no landing page', async () => {
    const landing = await request(gw.app).get('/graphql').set('accept', 'text/html');
    expect(landing.headers['content-type'] ?? '').not.toContain('text/html');
    expect(landing.text).not.toMatch(/<html|<!doctype/i);
  });
});

describe('the request body', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(inject('pgAdminUrl'), { bodyLimitMiB: 1 });
  });
  afterAll(async () => gw?.stop());

  it('over the limit is 413 with a JSON error, and nothing reaches a subgraph', async () => {
    const before = gw.subgraphs.hits();
    const upload = 'A'.repeat(1024 * 1024 + 10);
    const res = await request(gw.app)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ query: '{ registryLookup(certificationNumber: "1") { name } }', variables: { upload } }));
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.body.errors[0].message).toContain('1 MiB');
    expect(gw.subgraphs.hits()).toBe(before);
  });

  it('under the limit is read (a large upload in the variables is fine)', async () => {
    const before = gw.subgraphs.hits();
    const res = await request(gw.app)
      .post('/graphql')
      .send({ query: 'query($n: String!) { registryLookup(certificationNumber: $n) { name } }', variables: { n: 'B'.repeat(900 * 1024) } });
    expect(res.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(gw.subgraphs.hits()).toBeGreaterThan(before);
  });

  it('that is not JSON is a JSON 400', async () => {
    const res = await request(gw.app).post('/graphql').set('content-type', 'application/json').send('{"query": ');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});
