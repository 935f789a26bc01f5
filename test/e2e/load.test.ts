// Load: 200 concurrent clients for 60 seconds of mixed reads and writes at the gateway, on loopback,
// on a platform of its own. Nothing may fail unexpectedly (no 5xx, no INTERNAL_SERVER_ERROR, no
// dropped connection), and every write the platform acknowledged is in the database afterwards,
// reconciled by count and by id.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@cpss/devdb';
import { DEMO_PEOPLE } from '@cpss/domain';
import type { RunningPlatform } from '@cpss/launcher';
import { signIn } from '../support/client';
import { startTestPlatform } from '../support/platform';

const CLIENTS = 200;
const DURATION_MS = 60_000;
const EVIDENCE = { fileName: 'certificate.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4\n% load test\n').toString('base64') };

let db: ThrowawayDatabase;
let platform: RunningPlatform;
const tokens: Record<string, string> = {};
// Loopback with 200 sockets: one pool sized for them (fetch's default would do, this one is explicit).
const agent = new Agent({ connections: CLIENTS, keepAliveTimeout: 30_000 });

type Kind = 'people' | 'person' | 'courses' | 'complaints' | 'queue' | 'registry' | 'recordCompletion' | 'recordComplaint';

const READS: Record<Exclude<Kind, 'recordCompletion' | 'recordComplaint'>, { as: string; query: string; variables?: () => Record<string, unknown> }> = {
  people: { as: 'admin@demo.cpss', query: `query LoadPeople { people(first: 20) { edges { node { id legalName certifications { number status } trainingHours openComplaintCount } } } }` },
  person: {
    as: 'reviewer@demo.cpss',
    query: `query LoadPerson($id: ID!) { person(id: $id) { id legalName certifications { number status dueOn } } }`,
    variables: () => ({ id: DEMO_PEOPLE[Math.floor(Math.random() * DEMO_PEOPLE.length)]!.id }),
  },
  courses: { as: 'training.reviewer@demo.cpss', query: `query LoadCourses { courses(first: 20) { totalCount edges { node { id title status } } } }` },
  complaints: { as: 'ethics@demo.cpss', query: `query LoadComplaints { complaints(first: 20) { totalCount edges { node { id referenceNumber status } } } }` },
  queue: { as: 'reviewer@demo.cpss', query: `query LoadQueue { applications(first: 20, statuses: [SUBMITTED, IN_REVIEW]) { totalCount edges { node { id status } } } }` },
  registry: { as: '', query: `query LoadRegistry { registrySearch(name: "an", county: "Wake") { certificationNumber status } }` },
};

const RECORD_COMPLETION = `mutation LoadCompletion($input: RecordExternalTrainingCompletionInput!) { recordExternalTrainingCompletion(input: $input) { id } }`;
const RECORD_COMPLAINT = `mutation LoadComplaint($input: RecordComplaintInput!) { recordComplaint(input: $input) { id } }`;

interface Outcome {
  kind: Kind;
  status: number;
  codes: string[];
  id?: string;
  error?: string;
}

async function post(kind: Kind, email: string, query: string, variables: Record<string, unknown>, pick?: (data: Record<string, { id: string }>) => string): Promise<Outcome> {
  try {
    const res = await fetch(`${platform.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(email ? { authorization: `Bearer ${tokens[email]}` } : {}) },
      body: JSON.stringify({ query, variables }),
      // @ts-expect-error undici's dispatcher option on Node's fetch
      dispatcher: agent,
    });
    const body = (await res.json()) as { data?: Record<string, { id: string }>; errors?: { message: string; extensions?: { code?: string } }[] };
    const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? '');
    return { kind, status: res.status, codes, id: !codes.length && body.data && pick ? pick(body.data) : undefined, error: body.errors?.[0]?.message };
  } catch (err) {
    return { kind, status: 0, codes: ['NETWORK'], error: (err as Error).message };
  }
}

beforeAll(async () => {
  db = await createThrowawayDatabase(inject('pgAdminUrl'), 'load');
  platform = await startTestPlatform({
    databaseUrl: db.url,
    logDir: mkdtempSync(join(tmpdir(), 'cpss-load-')),
    // One address sends everything here: the per-address limits of the public operations are raised.
    extraEnv: { ANONYMOUS_REQUESTS_PER_MINUTE: '1000000', REGISTRY_REQUESTS_PER_MINUTE: '1000000' },
  });
  for (const email of new Set(Object.values(READS).map((r) => r.as).concat(['training.reviewer@demo.cpss', 'ethics@demo.cpss']))) {
    if (email) tokens[email] = await signIn(platform.gatewayUrl, email);
  }
}, 180_000);

afterAll(async () => {
  await agent.close();
  await platform?.stop();
  await db?.drop();
});

describe('load', () => {
  it('serves 200 concurrent clients for 60 s of mixed reads and writes without an unexpected error, and keeps every acknowledged write', async () => {
    const mark = `load-${randomUUID().slice(0, 8)}`;
    const kinds = Object.keys(READS) as (keyof typeof READS)[];
    const outcomes: Outcome[] = [];
    const end = Date.now() + DURATION_MS;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = 0; Date.now() < end; i += 1) {
          // One request in five a write, the writes split between training and ethics.
          const n = (client * 7 + i) % 10;
          if (n === 0) {
            outcomes.push(
              await post(
                'recordCompletion',
                'training.reviewer@demo.cpss',
                RECORD_COMPLETION,
                {
                  input: {
                    personId: DEMO_PEOPLE[client % DEMO_PEOPLE.length]!.id,
                    courseTitle: `${mark} ${client}.${i}`,
                    kind: 'ELECTIVE',
                    hours: 1,
                    completedOn: '2026-01-15',
                    provider: 'Load test college',
                    evidence: EVIDENCE,
                  },
                },
                (d) => d['recordExternalTrainingCompletion']!.id,
              ),
            );
          } else if (n === 5) {
            outcomes.push(
              await post(
                'recordComplaint',
                'ethics@demo.cpss',
                RECORD_COMPLAINT,
                {
                  input: {
                    channel: 'PHONE',
                    subjectKind: 'PROGRAM',
                    incidentOn: '2026-01-10',
                    summary: `${mark} ${client}.${i}: a complaint about the program's office hours.`,
                    complainant: { name: 'Load Caller', phone: '919-555-0100' },
                  },
                },
                (d) => d['recordComplaint']!.id,
              ),
            );
          } else {
            const read = READS[kinds[(client + i) % kinds.length]!];
            outcomes.push(await post(kinds[(client + i) % kinds.length]!, read.as, read.query, read.variables?.() ?? {}));
          }
        }
      }),
    );

    const completions = outcomes.filter((o) => o.kind === 'recordCompletion' && o.id).map((o) => o.id!);
    const complaints = outcomes.filter((o) => o.kind === 'recordComplaint' && o.id).map((o) => o.id!);
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    let storedCompletions: string[];
    let storedComplaints: string[];
    try {
      storedCompletions = (await pg.query<{ id: string }>(`select id from training.training_completion where course_title like $1`, [`${mark} %`])).rows.map((r) => r.id);
      storedComplaints = (await pg.query<{ id: string }>(`select id from ethics.complaint where summary like $1`, [`${mark} %`])).rows.map((r) => r.id);
    } finally {
      await pg.end();
    }
    const writes = outcomes.filter((o) => o.kind === 'recordCompletion' || o.kind === 'recordComplaint').length;
    console.info(
      `load: ${outcomes.length} requests in ${DURATION_MS / 1000} s from ${CLIENTS} clients (${(outcomes.length / (DURATION_MS / 1000)).toFixed(0)} a second), ` +
        `${outcomes.filter((o) => o.status !== 200 || o.codes.length).length} errors, ${writes} writes sent, ${completions.length + complaints.length} acknowledged, ` +
        `${storedCompletions.length + storedComplaints.length} found`,
    );

    const unexpected = outcomes.filter((o) => o.status === 0 || o.status >= 500 || o.codes.some((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'SERVICE_UNAVAILABLE' || c === 'NETWORK'));
    const byKind = (xs: Outcome[]) => xs.reduce<Record<string, number>>((m, o) => ({ ...m, [`${o.kind} ${o.status} ${o.codes.join(',')} ${o.error ?? ''}`.trim()]: (m[`${o.kind} ${o.status} ${o.codes.join(',')} ${o.error ?? ''}`.trim()] ?? 0) + 1 }), {});
    expect(byKind(unexpected)).toEqual({});
    // Every request answered well: the mix has no request that should be refused.
    expect(byKind(outcomes.filter((o) => o.status !== 200 || o.codes.length))).toEqual({});
    expect(outcomes.length).toBeGreaterThan(CLIENTS * 5);

    expect(completions.length).toBeGreaterThan(50);
    expect(complaints.length).toBeGreaterThan(50);
    // Reconciled: exactly the acknowledged writes, by count and by id.
    expect(storedCompletions.length).toBe(completions.length);
    expect(new Set(storedCompletions)).toEqual(new Set(completions));
    expect(storedComplaints.length).toBe(complaints.length);
    expect(new Set(storedComplaints)).toEqual(new Set(complaints));
  }, 180_000);
});
