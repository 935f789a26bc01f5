// The authorization matrix: every Query and Mutation field of the supergraph, asked through the
// gateway by every role (and by a caller without a token), is allowed or denied exactly as the one
// policy table (authorization-policy.ts) says; and the table names every field of the schema, no
// more, no fewer.
//
// Each call carries minimal arguments built from the schema: required arguments and required input
// fields filled with valid-looking values; ids of existing records that belong to someone else (a
// seeded application, course, session, complaint ...) where the argument names one, random uuids
// elsewhere. Tokens are minted for one role each, with a person of their own who holds nothing, so
// a role allowed only on its own records ('own') is seen with another person's ids.
//
// Classification: denied = an error at the field with code UNAUTHENTICATED or FORBIDDEN; not found
// = NOT_FOUND (or null from a nullable look-up); allowed = anything else (data, BAD_USER_INPUT,
// FAILED_PRECONDITION, CONFLICT ...). The mutations run on a platform of their own.
// MATRIX_PRINT=1 prints what every caller got, field by field (a start for a new field's row).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createThrowawayDatabase, freePort, type ThrowawayDatabase } from '@cpss/devdb';
import { ALL_ROLES, DEMO_PEOPLE, type Role } from '@cpss/domain';
import { repoRoot, startPlatform, type RunningPlatform } from '@cpss/launcher';
import { signToken } from '@cpss/server-kit';
import { graphql, type GraphQLResponse } from '../support/client';
import { ANONYMOUS, AUTHORIZATION_POLICY, CALLERS, type Caller, type Cell } from './authorization-policy';

const schemaFile = join(repoRoot(), 'services', 'gateway', 'api-schema.graphql');
const schema: GraphQLSchema = buildSchema(readFileSync(schemaFile, 'utf8'));
const SECRET = randomBytes(32).toString('hex');

let platform: RunningPlatform;
let db: ThrowawayDatabase;
const tokens = new Map<Caller, string | undefined>();
/** Ids of seeded records, by the kind of record an argument names. */
const existing: Partial<Record<RecordKind, string>> = {};

type RecordKind = 'person' | 'application' | 'document' | 'certification' | 'complaint' | 'course' | 'submission' | 'material' | 'session' | 'enrollment';

/** The kind of record an `id` argument (or an input's `id` field) names, from the field's return type. */
const KIND_OF_TYPE: Record<string, RecordKind> = {
  Person: 'person',
  Application: 'application',
  ApplicationDocumentContent: 'document',
  Certification: 'certification',
  Complaint: 'complaint',
  Course: 'course',
  CourseSubmission: 'submission',
  CourseMaterialFile: 'material',
  TrainingSession: 'session',
};
const KIND_OF_NAME: Record<string, RecordKind> = {
  personId: 'person',
  respondentPersonId: 'person',
  applicationId: 'application',
  certificationId: 'certification',
  complaintId: 'complaint',
  courseId: 'course',
  submissionId: 'submission',
  sessionId: 'session',
  enrollmentId: 'enrollment',
};

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
const PDF = Buffer.from('%PDF-1.4\n% matrix\n').toString('base64');

function stringFor(name: string): string {
  const n = name.toLowerCase();
  if (n.includes('email')) return 'someone@example.org';
  if (n.includes('phone')) return '919-555-0100';
  if (n.includes('base64')) return PDF;
  if (n.includes('contenttype')) return 'application/pdf';
  if (n.includes('filename')) return 'evidence.pdf';
  if (n === 'county') return 'Wake';
  if (n === 'state') return 'NC';
  if (n.includes('zip') || n.includes('postal')) return '27601';
  if (n === 'code') return 'NOSUCHCODE';
  return 'Matrix probe';
}

/**
 * A value of an input type; `name` is the argument or field it fills. Valid-looking, or (`bad`)
 * still of the right type but wrong for the domain: empty strings, negative numbers.
 */
function valueFor(type: GraphQLInputType, name: string, kind: RecordKind | undefined, bad = false): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, name, kind, bad);
  if (isListType(type)) return [valueFor(type.ofType, name, kind, bad)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = valueFor(f.type, f.name, kind, bad);
    }
    return out;
  }
  switch (type.name) {
    case 'ID': {
      const k = name === 'id' ? kind : KIND_OF_NAME[name];
      return (k && existing[k]) ?? randomUUID();
    }
    case 'String':
      return bad ? '' : stringFor(name);
    case 'Int':
      return bad ? -1 : 1;
    case 'Float':
      return bad ? -1 : 1;
    case 'Boolean':
      return false;
    case 'LocalDate':
      return today;
    case 'DateTimeISO':
      return new Date().toISOString();
    case 'JSONObject':
      return {};
    default:
      throw new Error(`no probe value for scalar ${type.name} (${name})`);
  }
}

interface Probe {
  document: string;
  variables: Record<string, unknown>;
  /** The same with input no service would accept: a refused caller must be refused all the same. */
  badVariables: Record<string, unknown>;
  nullable: boolean;
}

/** The field alone, with its required arguments as variables (built once the seeded ids are known). */
function probeFor(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): Probe {
  const kind = KIND_OF_TYPE[getNamedType(field.type).name];
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const named = getNamedType(field.type);
  const selection = isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? ' { __typename }' : '';
  const decl = required.length ? `(${required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})` : '';
  const args = required.length ? `(${required.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  return {
    document: `${operation}${decl} { ${field.name}${args}${selection} }`,
    variables: Object.fromEntries(required.map((a) => [a.name, valueFor(a.type, a.name, kind)])),
    badVariables: Object.fromEntries(required.map((a) => [a.name, valueFor(a.type, a.name, kind, true)])),
    nullable: !isNonNullType(field.type),
  };
}

const schemaFields = (): { operation: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] => [
  ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ operation: 'query' as const, field })),
  ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({ operation: 'mutation' as const, field })),
];

type Outcome = 'denied' | 'not found' | 'allowed';

function classify(res: GraphQLResponse<Record<string, unknown>>, field: string, nullable: boolean): { outcome: Outcome; detail: string } | { broken: string } {
  const errors = (res.errors ?? []).filter((e) => !e.path || e.path[0] === field);
  const codes = errors.map((e) => String(e.extensions?.['code'] ?? 'NONE'));
  if (codes.some((c) => c === 'UNAUTHENTICATED' || c === 'FORBIDDEN')) return { outcome: 'denied', detail: codes.join(',') };
  // The probe itself is wrong (not the access rule): say so rather than guess.
  if (codes.some((c) => c === 'GRAPHQL_VALIDATION_FAILED' || c === 'GRAPHQL_PARSE_FAILED' || c === 'TOO_MANY_REQUESTS' || c === 'RATE_LIMITED' || c === 'INTERNAL_SERVER_ERROR')) {
    return { broken: `${res.status} ${JSON.stringify(errors.map((e) => ({ code: e.extensions?.['code'], message: e.message })))}` };
  }
  if (codes.includes('NOT_FOUND')) return { outcome: 'not found', detail: 'NOT_FOUND' };
  if (!errors.length && nullable && res.data?.[field] === null) return { outcome: 'not found', detail: 'null' };
  return { outcome: 'allowed', detail: codes.length ? codes.join(',') : 'data' };
}

/** What a cell of the table lets the probe see: 'own' is seen with someone else's records. */
function accepted(cell: Cell, probeNamesRecords: boolean): Outcome[] {
  if (cell === 'yes') return ['allowed', 'not found'];
  if (cell === 'no') return ['denied'];
  // Own records only: with another person's ids, refused or not found; without ids, one's own (allowed).
  return probeNamesRecords ? ['denied', 'not found'] : ['allowed', 'not found'];
}

/** Whether the minimal arguments name a record (an ID anywhere in them). */
function namesRecords(operation: 'query' | 'mutation', fieldName: string): boolean {
  const root = operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const field = root.getFields()[fieldName]!;
  const hasId = (type: GraphQLInputType, depth = 0): boolean => {
    if (depth > 5) return false;
    if (isNonNullType(type)) return hasId(type.ofType, depth);
    if (isListType(type)) return hasId(type.ofType, depth);
    if (isInputObjectType(type)) return Object.values(type.getFields()).some((f) => isNonNullType(f.type) && f.defaultValue === undefined && hasId(f.type, depth + 1));
    return !isEnumType(type) && type.name === 'ID';
  };
  return field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined && hasId(a.type));
}

async function pool<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await run(items[next++]!);
  }));
}

beforeAll(async () => {
  db = await createThrowawayDatabase(inject('pgAdminUrl'), 'e2e_matrix');
  const logDir = join(mkdtempSync(join(tmpdir(), 'cpss-matrix-')), 'logs');
  platform = await startPlatform({
    repoRoot: repoRoot(),
    databaseUrl: db.url,
    host: '127.0.0.1',
    ports: { gateway: await freePort(), certification: await freePort(), training: await freePort(), ethics: await freePort() },
    // Known here, so each role's token can be minted (no demo account holds exactly one role of each kind).
    secret: SECRET,
    seedDemo: true,
    logLevel: 'info',
    logDir,
    // Every caller asks from one address: the per-client limits are not what this tests.
    extraEnv: { ANONYMOUS_REQUESTS_PER_MINUTE: '100000', REGISTRY_REQUESTS_PER_MINUTE: '100000', CERTIFICATE_VERIFICATIONS_PER_MINUTE: '100000', COMPLAINTS_PER_HOUR: '100000' },
  }).catch((err: Error) => {
    throw new Error(`${err.message} (service logs in ${logDir})`);
  });
  const auth = { secret: SECRET, issuer: 'cpss-gateway', audience: 'cpss' };
  tokens.set(ANONYMOUS, undefined);
  for (const role of ALL_ROLES) {
    // A person of their own who holds nothing: every seeded record belongs to someone else.
    // (Another domain acting as itself is no person.)
    const { token } = await signToken(auth, { subject: randomUUID(), roles: [role], personId: role === 'SERVICE' ? null : randomUUID(), name: `Matrix ${role}` }, 3600);
    tokens.set(role, token);
  }
  // Seeded records of other people, read as an admin.
  const admin = tokens.get('ADMIN')!;
  const gw = `${platform.gatewayUrl}/graphql`;
  const seeded = await graphql<{
    people: { edges: { node: { id: string; certifications: { id: string }[] } }[] };
    courses: { edges: { node: { id: string } }[] };
    trainingSessions: { edges: { node: { id: string; roster: { id: string }[] } }[] };
    complaints: { edges: { node: { id: string } }[] };
  }>(
    gw,
    `{ people(first: 100) { edges { node { id certifications { id } } } }
       courses(first: 100) { edges { node { id } } }
       trainingSessions(first: 100) { edges { node { id roster { id } } } }
       complaints(first: 100) { edges { node { id } } } }`,
    {},
    admin,
  );
  expect(seeded.errors, JSON.stringify(seeded.errors)).toBeUndefined();
  const d = seeded.data!;
  existing.person = DEMO_PEOPLE[0]!.id;
  existing.certification = d.people.edges.flatMap((e) => e.node.certifications)[0]?.id;
  existing.course = d.courses.edges[0]?.node.id;
  existing.session = d.trainingSessions.edges[0]?.node.id;
  existing.complaint = d.complaints.edges[0]?.node.id;
  existing.enrollment = d.trainingSessions.edges.flatMap((e) => e.node.roster)[0]?.id;
  // The seed has no uploads and no submission: made here by their owners.
  const mint = async (roles: Role[], personId: string | null, subject: string) => (await signToken(auth, { subject, roles, personId, name: 'Owner' }, 3600)).token;
  const must = async <T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => {
    const res = await graphql<T>(gw, query, variables, token);
    expect(res.errors, `${query.slice(0, 60)}: ${JSON.stringify(res.errors)}`).toBeUndefined();
    return res.data!;
  };
  const applicationOwner = DEMO_PEOPLE.find((p) => p.id === existing.person)!;
  const ownApplication = await must<{ applications: { edges: { node: { id: string } }[] } }>(
    '{ applications(first: 1) { edges { node { id } } } }',
    {},
    await mint(['APPLICANT'], applicationOwner.id, randomUUID()),
  );
  existing.application = ownApplication.applications.edges[0]!.node.id;
  const file = { fileName: 'proof.pdf', contentType: 'application/pdf', contentBase64: PDF };
  const uploaded = await must<{ uploadApplicationDocument: { id: string } }>(
    'mutation($input: UploadApplicationDocumentInput!) { uploadApplicationDocument(input: $input) { id } }',
    { input: { applicationId: existing.application, purpose: 'OTHER', file } },
    await mint(['APPLICANT'], applicationOwner.id, randomUUID()),
  );
  existing.document = uploaded.uploadApplicationDocument.id;
  const developer = await mint(['CURRICULUM_DEVELOPER'], null, randomUUID());
  const course = await must<{ createCourse: { id: string } }>(
    'mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }',
    { input: { title: 'Matrix Course', kind: 'ELECTIVE', faceToFaceHours: 2 } },
    developer,
  );
  const submission = await must<{ createCourseSubmission: { id: string } }>(
    'mutation($input: CreateCourseSubmissionInput!) { createCourseSubmission(input: $input) { id } }',
    { input: { courseId: course.createCourse.id, agenda: [{ day: 1, title: 'Day one', hours: 2 }], crosswalk: [] } },
    developer,
  );
  existing.submission = submission.createCourseSubmission.id;
  const material = await must<{ uploadCourseMaterial: { id: string } }>(
    'mutation($input: UploadCourseMaterialInput!) { uploadCourseMaterial(input: $input) { id } }',
    { input: { submissionId: existing.submission, kind: 'OTHER', document: file } },
    developer,
  );
  existing.material = material.uploadCourseMaterial.id;
  const missing = [...new Set([...Object.values(KIND_OF_TYPE), ...Object.values(KIND_OF_NAME)])].filter((k) => !existing[k]);
  expect(missing, 'seeded records of these kinds to probe with').toEqual([]);
});

afterAll(async () => {
  await platform?.stop();
  await db?.drop();
});

describe('authorization matrix', () => {
  it('the policy table names every Query and Mutation field of the supergraph, and no other', () => {
    const inSchema = schemaFields().map(({ operation, field }) => `${operation === 'query' ? 'Query' : 'Mutation'}.${field.name}`).sort();
    const inTable = Object.keys(AUTHORIZATION_POLICY).sort();
    expect({ missingFromTable: inSchema.filter((f) => !inTable.includes(f)), notInSchema: inTable.filter((f) => !inSchema.includes(f)) }).toEqual({ missingFromTable: [], notInSchema: [] });
    // Every row says something for every caller.
    const incomplete = Object.entries(AUTHORIZATION_POLICY).filter(([, row]) => CALLERS.some((c) => !(c in row))).map(([f]) => f);
    expect(incomplete).toEqual([]);
  });

  it('every role, and a caller without a token, is allowed or denied each field as the table says', async () => {
    // Fields side by side; one field's callers one after another, in the table's order (a write
    // allowed to one caller then meets the record as it left it, not a race with the next).
    const fields = schemaFields();
    const mismatches: string[] = [];
    const broken: string[] = [];
    const observed: Record<string, Record<string, string>> = {};
    const gw = `${platform.gatewayUrl}/graphql`;
    await pool(fields, 12, async ({ operation, field }) => {
      for (const caller of CALLERS) await ask(operation, field, caller);
    });
    async function ask(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, caller: Caller): Promise<void> {
      const key = `${operation === 'query' ? 'Query' : 'Mutation'}.${field.name}`;
      const probe = probeFor(operation, field);
      const cell = AUTHORIZATION_POLICY[key]?.[caller];
      const someoneElses = namesRecords(operation, field.name);
      const ok = cell ? accepted(cell, someoneElses) : null;
      // A caller refused the field, or asked about someone else's record ('own' with ids), is
      // asked twice: with sensible input and with input no service accepts (whoever checks the
      // input before the role or the owner tells a stranger what is wrong with it).
      const refused = cell === 'no' || (cell === 'own' && someoneElses);
      const variants = refused ? [['', probe.variables], [' (bad input)', probe.badVariables]] as const : [['', probe.variables]] as const;
      for (const [label, variables] of variants) {
        const res = await graphql<Record<string, unknown>>(gw, probe.document, variables, tokens.get(caller));
        const seen = classify(res, field.name, probe.nullable);
        if ('broken' in seen) {
          broken.push(`${key} as ${caller}${label}: ${seen.broken}`);
          continue;
        }
        if (!label) (observed[key] ??= {})[caller] = `${seen.outcome} (${seen.detail})`;
        if (!cell || !ok) continue; // the field without a row: the test above names it
        if (!ok.includes(seen.outcome)) mismatches.push(`${key} as ${caller}${label}: table says '${cell}' (${ok.join(' or ')}), got ${seen.outcome} (${seen.detail})`);
      }
    }
    if (process.env['MATRIX_PRINT']) console.log(JSON.stringify(observed, null, 1));
    expect(broken.sort(), 'probes the schema could not answer (fix the probe values)').toEqual([]);
    expect(mismatches.sort().join('\n')).toBe('');
  });
});
