// fast-check arbitraries from a GraphQL schema's argument and input types, for property tests that
// throw random values at every mutation: valid-shaped but hostile strings, numbers, dates, ids, enums
// and lists, now and then a value GraphQL itself refuses (it must come back as a clean 400). Plus a
// fingerprint of the database, to check that a refused mutation wrote nothing.
import fc from 'fast-check';
import type { Express } from 'express';
import { beforeAll, expect, it } from 'vitest';
import type { Role } from '@cpss/domain';
import { gql, tokenFor } from '@cpss/testkit';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';

export interface ArbitraryInputOptions {
  /**
   * Ids that name existing rows, so inputs get past "not found": a list, or ids per table (see
   * existingIds), from which an ID field `applicationId` takes the `application` table's, `sessionId`
   * the `training_session` table's, `evidenceDocumentId` the `document` table's (any when none fits).
   */
  knownIds?: readonly string[] | Readonly<Record<string, readonly string[]>>;
  /** Values per custom scalar name (LocalDate and DateTimeISO, JSONObject have defaults). */
  scalars?: Record<string, fc.Arbitrary<unknown>>;
  /** Input objects nested deeper than this get only their required fields. */
  maxDepth?: number;
  /**
   * How hostile a value is: `plausible` values a form would send (short words, small numbers, dates
   * near today, existing ids, valid enums); `hostile` ones anything (empty, huge, unicode, sql, html,
   * invalid dates, wrong types); `mixed` mostly plausible with now and then a hostile one, so a run
   * gets past validation to the rules behind it. arbitraryArgs mixes all three by default.
   */
  mode?: 'plausible' | 'mixed' | 'hostile';
  /** Plausible values for a field or argument by its name (defaults: email, phone, postalCode, county, state, file fields...). */
  byName?: (name: string, typeName: string) => fc.Arbitrary<unknown> | undefined;
  /** The field the arguments are for (set by arbitraryArgs): an `id` deep in its input may name what it acts on. */
  mutation?: string;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF').toString('base64');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex').toString('base64');

/** Plausible values of well-known field names, whatever the schema. */
export function defaultByName(name: string, typeName: string): fc.Arbitrary<unknown> | undefined {
  const n = name.toLowerCase();
  if (typeName === 'Int' && n.endsWith('version')) return fc.integer({ min: 1, max: 4 });
  if (typeName !== 'String') return undefined;
  // Dates some inputs take as strings (validated by the service): now and then one that does not exist.
  if (/(on|date|day|from|to|until)$/.test(n) && !/(reason|description|location|relation|action)$/.test(n)) return fc.oneof({ weight: 8, arbitrary: plausibleDates }, { weight: 1, arbitrary: dates });
  if (n === 'month') return fc.oneof({ weight: 8, arbitrary: plausibleDates.map((d) => d.slice(0, 7)) }, { weight: 1, arbitrary: fc.constantFrom('2026-13', '2026-00', '9999-12') });
  if (n.includes('email')) return fc.oneof(fc.emailAddress(), fc.constantFrom('robin@example.org', 'not-an-email'));
  if (n.includes('phone')) return fc.constantFrom('919-555-0100', '(919) 555 0199', '+1 919 555 0123', '555');
  if (n.includes('postalcode') || n === 'zip') return fc.constantFrom('27601', '27601-1234', '2760', 'ABCDE');
  if (n === 'county') return fc.constantFrom('Wake', 'Durham', 'Mecklenburg', 'Nowhere');
  if (n === 'state') return fc.constantFrom('NC', 'SC', 'N');
  if (n === 'contentbase64') return fc.constantFrom(PDF, PNG, Buffer.from('plain text').toString('base64'), '@@not base64@@');
  if (n === 'contenttype') return fc.constantFrom('application/pdf', 'image/png', 'image/jpeg', 'text/plain');
  if (n === 'filename') return fc.constantFrom('proof.pdf', 'photo.png', '../../x.pdf', 'a');
  if (n.includes('url')) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom('https://meet.example.org/room-1', 'https://example.com') }, { weight: 1, arbitrary: fc.webUrl() }, { weight: 1, arbitrary: fc.constant('javascript:alert(1)') });
  return undefined;
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '  \t\n ',
  '\u00a0\u2003',
  "'; drop table person; --",
  "Robert'); DELETE FROM application; --",
  '" OR 1=1 --',
  '%_\\',
  '<script>alert(1)</script>',
  '<b>bold</b> &amp; &lt;',
  'Zoë Ñúñez 李小龍 محمد',
  '👩🏽‍⚕️🏳️‍🌈',
  '\u202eright-to-left',
  'a\u0000b',
  '\ud800',
  'x'.repeat(256),
  'y'.repeat(5001),
  'null',
  'undefined',
  '0',
  '-1',
  'NaN',
];

const words = fc.constantFrom('Robin', 'Wake County', 'peer support', 'Met them twice for coffee.', 'Recovery Academy', 'x', 'Training of Trainers', 'On hold pending review');
const plausibleStrings: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: words }, { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 }) });

const strings: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 1001, maxLength: 3000 }) },
);

const ints: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, -1, 2, 3, 7, 100, -100, 2147483647, -2147483648),
  fc.integer({ min: -10, max: 50 }),
  fc.integer(),
);

const floats: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 0.5, -1.5, 1e-9, 1e15, -1e15, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.integer({ min: -10, max: 100 }),
);

const ISO_DAY = (d: Date) => d.toISOString().slice(0, 10);
const plausibleDates: fc.Arbitrary<string> = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }).map(ISO_DAY);
const dates: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('2026-02-30', '2026-02-29', '2024-02-29', '1900-01-01', '9999-12-31', '0001-01-01', '2026-11-23', '2026-12-31', '2027-01-01', '2026-13-01', '2026-00-10'),
  fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map(ISO_DAY),
);

const dateTimes: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('2026-02-30T10:00:00Z', '1900-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2026-11-23T12:00:00+14:00', '2026-11-23T12:00:00-12:00'),
  fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
);

const NON_UUIDS = ['', ' ', 'not-an-id', '0', '-1', '1', '00000000-0000-0000-0000-00000000000g', '../etc/passwd', "1' or '1'='1", 'ffffffff-ffff-ffff-ffff-ffffffffffff', '00000000-0000-0000-0000-000000000000'];

/** A value GraphQL refuses for most types: wrong kind, or null where null is not allowed. */
const illTypedValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
  fc.constant([1, 'two']),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 10 }),
);

/** Random values of a GraphQL input type (a `T!`, `[T]`, an input object, an enum or a scalar). */
export function arbitraryForType(type: GraphQLInputType, options: ArbitraryInputOptions = {}, depth = 0, name = ''): fc.Arbitrary<unknown> {
  const mode = options.mode ?? 'mixed';
  if (isNonNullType(type)) {
    const value = nonNullArbitrary(type.ofType, options, depth, name);
    return mode === 'hostile' ? fc.oneof({ weight: 15, arbitrary: value }, { weight: 1, arbitrary: illTypedValue }) : value;
  }
  const value = nonNullArbitrary(type, options, depth, name);
  return fc.oneof({ weight: mode === 'hostile' ? 1 : 2, arbitrary: fc.constantFrom(null, undefined) }, { weight: 5, arbitrary: value });
}

/** Plausible and hostile values of a leaf (scalar or enum), weighted by the mode. */
function leaf(plausible: fc.Arbitrary<unknown>, hostile: fc.Arbitrary<unknown>, options: ArbitraryInputOptions): fc.Arbitrary<unknown> {
  switch (options.mode ?? 'mixed') {
    case 'plausible':
      return plausible;
    case 'mixed':
      return fc.oneof({ weight: 12, arbitrary: plausible }, { weight: 1, arbitrary: hostile });
    case 'hostile':
      return fc.oneof({ weight: 1, arbitrary: plausible }, { weight: 3, arbitrary: hostile });
  }
}

function nonNullArbitrary(type: GraphQLInputType, options: ArbitraryInputOptions, depth: number, name: string): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return arbitraryForType(type, options, depth, name);
  const mode = options.mode ?? 'mixed';
  if (isListType(type)) {
    const item = arbitraryForType(type.ofType as GraphQLInputType, options, depth + 1, name);
    const long = isLeafType(getNamedType(type.ofType)) ? 200 : 30;
    const short = fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 4, arbitrary: fc.array(item, { minLength: 1, maxLength: 3 }) });
    return mode === 'plausible' ? short : fc.oneof({ weight: mode === 'mixed' ? 20 : 4, arbitrary: short }, { weight: 1, arbitrary: fc.array(item, { minLength: long, maxLength: long }) });
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return leaf(fc.constantFrom(...values), fc.constantFrom('NOT_A_VALUE', values[0]!.toLowerCase(), ...values), options);
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const deep = depth >= (options.maxDepth ?? 3);
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    const requiredKeys: string[] = [];
    for (const f of fields) {
      const required = isNonNullType(f.type) && f.defaultValue === undefined;
      if (deep && !required) continue;
      // An `id` of ComplaintStepInput names a complaint; one of OutcomeInput, what decideComplaintOutcome decides.
      model[f.name] = arbitraryForType(f.type, options, depth + 1, f.name === 'id' ? `${type.name.replace(/Input$/, '')}Id ${options.mutation ?? ''}Id` : f.name);
      if (required) requiredKeys.push(f.name);
    }
    return fc.record(model, { requiredKeys });
  }
  if (isScalarType(type)) {
    const custom = options.scalars?.[type.name];
    if (custom) return custom;
    const named = (options.byName ?? defaultByName)(name, type.name);
    if (named) return leaf(named, strings, options);
    switch (type.name) {
      case 'String':
        return leaf(plausibleStrings, strings, options);
      case 'Int':
        return leaf(fc.integer({ min: 0, max: 12 }), fc.oneof({ weight: 6, arbitrary: ints }, { weight: 1, arbitrary: fc.constantFrom(1.5, -0.25, 2147483648, 1e20) }), options);
      case 'Float':
        return leaf(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(0.5, 1, 1.5, 2, 2.25, 3, 4, 6, 8) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }) }), floats, options);
      case 'Boolean':
        return fc.boolean();
      case 'ID': {
        const ids = idsFor(name, options.knownIds);
        const known = ids.length ? fc.constantFrom(...ids) : fc.uuid();
        return leaf(fc.oneof({ weight: 4, arbitrary: known }, { weight: 1, arbitrary: fc.uuid() }), fc.oneof(fc.uuid(), fc.constantFrom(...NON_UUIDS), strings), options);
      }
      case 'LocalDate':
      case 'Date':
        return leaf(plausibleDates, fc.oneof({ weight: 6, arbitrary: dates }, { weight: 1, arbitrary: fc.constantFrom('', 'today', '23/11/2026', '2026-1-1') }), options);
      case 'DateTimeISO':
      case 'DateTime':
        return leaf(plausibleDates.map((d) => `${d}T12:00:00.000Z`), fc.oneof({ weight: 6, arbitrary: dateTimes }, { weight: 1, arbitrary: fc.constantFrom('', 'now', '2026-11-23') }), options);
      case 'JSONObject':
        return fc.oneof(fc.constant({}), fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }));
      default:
        return fc.oneof(strings, ints, fc.jsonValue({ maxDepth: 2 }));
    }
  }
  throw new Error(`no arbitrary for input type ${String(type)}`);
}

function idsFor(name: string, known: ArbitraryInputOptions['knownIds']): readonly string[] {
  if (!known) return [];
  if (Array.isArray(known)) return known;
  const byTable = known as Readonly<Record<string, readonly string[]>>;
  const all = [...new Set(Object.values(byTable).flat())];
  // Names to try in turn, separated by spaces; in each, the longest run of words that names a table
  // (or ends one's name), the later the better.
  for (const candidate of name.split(' ')) {
    const words = candidate.replace(/Ids?$/, '').split(/(?=[A-Z])/).map((w) => w.toLowerCase()).filter(Boolean);
    for (let len = words.length; len > 0; len--) {
      for (let i = words.length - len; i >= 0; i--) {
        const table = words.slice(i, i + len).join('_');
        const fits = Object.keys(byTable).filter((t) => (t === table || t.endsWith(`_${table}`)) && byTable[t]!.length);
        if (fits.length) return fits.flatMap((t) => byTable[t]!);
      }
    }
  }
  return all;
}

/** Random values for an argument list, as GraphQL variables named after the arguments. */
export function arbitraryArgs(args: readonly GraphQLArgument[], options: ArbitraryInputOptions = {}, fieldName = ''): fc.Arbitrary<Record<string, unknown>> {
  if (!options.mode) return fc.oneof(...(['plausible', 'mixed', 'hostile'] as const).map((mode) => arbitraryArgs(args, { ...options, mode, mutation: fieldName }, fieldName)));
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const a of args) {
    // An `id` argument of retryOutboundCommand names an outbound command.
    model[a.name] = arbitraryForType(a.type, options, 0, a.name === 'id' ? `${fieldName}Id` : a.name);
    if (isNonNullType(a.type) && a.defaultValue === undefined) requiredKeys.push(a.name);
  }
  return fc.record(model, { requiredKeys }).map((vars) => JSON.parse(JSON.stringify(vars)) as Record<string, unknown>);
}

/** Every mutation field of a schema, read from the schema itself (a new mutation is covered without a list to edit). */
export function mutationFields(schema: GraphQLSchema): GraphQLField<unknown, unknown>[] {
  return Object.values(schema.getMutationType()?.getFields() ?? {});
}

/** `mutation($a: T!) { r: name(a: $a) { __typename } }`: every argument a variable, so any value can be sent. */
export function mutationDocument(field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `mutation${vars ? `(${vars})` : ''} { r: ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

type Queryable = { query: (sql: string) => Promise<unknown> };

/** Every table of the database's own schemas (not the system's, not the migrations' bookkeeping). */
async function tablesOf(ds: Queryable, withColumn?: string): Promise<{ s: string; t: string }[]> {
  return (await ds.query(
    `select t.table_schema as s, t.table_name as t from information_schema.tables t
      where t.table_schema not in ('pg_catalog', 'information_schema') and t.table_type = 'BASE TABLE' and t.table_name not in ('migrations', 'typeorm_metadata')
      ${withColumn ? `and exists (select 1 from information_schema.columns c where c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = '${withColumn}')` : ''}
      order by 1, 2`,
  )) as { s: string; t: string }[];
}

/**
 * One md5 per table over every row of every table of the database (but the migrations'): equal
 * before and after a mutation when it wrote nothing.
 */
export async function databaseFingerprint(ds: Queryable): Promise<string> {
  const tables = await tablesOf(ds);
  if (!tables.length) throw new Error('no tables to fingerprint');
  const parts = tables.map(({ s, t }) => `select '${s}.${t}' as t, md5(coalesce(string_agg(x::text, E'\\n' order by x::text), '')) as h from "${s}"."${t}" x`);
  const rows = (await ds.query(parts.join(' union all '))) as { t: string; h: string }[];
  return rows.map((r) => `${r.t}:${r.h}`).join('\n');
}

/** Ids of existing rows per table (every `id` column), for ArbitraryInputOptions.knownIds. */
export async function existingIds(ds: Queryable, perTable = 10): Promise<Record<string, string[]>> {
  const tables = await tablesOf(ds, 'id');
  if (!tables.length) return {};
  const rows = (await ds.query(tables.map(({ s, t }) => `(select '${t}' as t, id::text as id from "${s}"."${t}" limit ${perTable})`).join(' union all '))) as { t: string; id: string }[];
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.t] ??= []).push(r.id);
  return out;
}

/**
 * The roles a mutation's `@Authorized([...])` names (type-graphql's metadata), or null when any
 * signed-in caller may call it (`@Authorized()`, the service then decides) or none is declared.
 */
export function rolesAllowedFor(mutation: string): string[] | null {
  const storage = getMetadataStorage() as unknown as {
    mutations: { target: unknown; methodName: string; schemaName: string }[];
    authorizedFields: { target: unknown; fieldName: string; roles: string[] }[];
  };
  const def = storage.mutations.find((m) => m.schemaName === mutation);
  if (!def) return null;
  const auth = storage.authorizedFields.find((a) => a.target === def.target && a.fieldName === def.methodName);
  return auth?.roles.length ? [...auth.roles] : null;
}

export interface Caller {
  roles: readonly string[];
  personId: string | null;
  subject: string;
}

export interface RandomInputSuite {
  /** The subgraph's built schema (its Mutation type is read from it). */
  schema: GraphQLSchema;
  /** The in-process subgraph. */
  app: () => Promise<Express>;
  /** Its database: fingerprinted around each call, and the source of known ids. */
  ds: () => Queryable;
  /** Callers by name (null: no token); `staff` (ADMIN plus the domain's staff role) is picked most often. */
  callers: Record<string, Caller | null>;
  /** Ids per table to add to those of the database (e.g. the demo people another subgraph owns). */
  extraIds?: Record<string, readonly string[]>;
  runs?: number;
  seed?: number;
}

/**
 * One test per mutation of the schema: `runs` random inputs (seeded), each from a caller its
 * `@Authorized` allows (now and then another): never INTERNAL_SERVER_ERROR nor a 5xx, every error
 * with a code, and a refused call leaves the database as it was. A call that succeeds may write.
 */
export function randomInputToEveryMutation(suite: RandomInputSuite): void {
  const fields = mutationFields(suite.schema);
  it('finds the mutations in the schema', () => {
    expect(fields.length).toBeGreaterThan(0);
  });
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    for (const [name, c] of Object.entries(suite.callers)) if (c) tokens.set(name, await tokenFor(c.roles as Role[], c.personId, c.subject));
  });
  const names = Object.keys(suite.callers);
  for (const field of fields) {
    it(field.name, async () => {
      const roles = rolesAllowedFor(field.name);
      const allowed = names.filter((n) => !roles || suite.callers[n]?.roles.some((r) => roles.includes(r)));
      const staff = allowed.includes('staff') ? [{ weight: 2, arbitrary: fc.constant('staff') }] : [];
      const who = fc.oneof(...staff, { weight: 3, arbitrary: fc.constantFrom(...(allowed.length ? allowed : names)) }, { weight: 1, arbitrary: fc.constantFrom(...names) });
      const knownIds = { ...(await existingIds(suite.ds())) };
      for (const [table, ids] of Object.entries(suite.extraIds ?? {})) knownIds[table] = [...(knownIds[table] ?? []), ...ids];
      const app = await suite.app();
      const document = mutationDocument(field);
      await fc.assert(
        fc.asyncProperty(who, arbitraryArgs(field.args, { knownIds }, field.name), async (caller, variables) => {
          const before = await databaseFingerprint(suite.ds());
          const res = await gql(app, document, variables, { token: tokens.get(caller) });
          const errors = res.body.errors ?? [];
          expect(res.status, document).toBeLessThan(500);
          expect(
            errors.map((e) => e.extensions?.['code']),
            JSON.stringify(errors),
          ).not.toContain('INTERNAL_SERVER_ERROR');
          for (const e of errors) expect(typeof e.extensions?.['code'], e.message).toBe('string');
          if (errors.length) expect(await databaseFingerprint(suite.ds()), `${field.name} was refused but wrote`).toBe(before);
        }),
        // PROPERTY_RUNS and PROPERTY_SEED: to search further by hand (the seed of a failure is printed).
        { numRuns: Number(process.env['PROPERTY_RUNS'] ?? suite.runs ?? 20), seed: Number(process.env['PROPERTY_SEED'] ?? suite.seed ?? 9) },
      );
    });
  }
}
