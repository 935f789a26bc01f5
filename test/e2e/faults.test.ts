// Faults under load, on a platform of its own over a PostgreSQL cluster of its own (so it can be
// restarted without disturbing the other suites):
// - one subgraph stopped while ten clients keep asking: what the other domains answer keeps being
//   answered; what needs the stopped one fails fast with SERVICE_UNAVAILABLE naming it (never a
//   5xx, never a hang); when it is started again, everything is answered again. A cross-domain
//   query (the web UI's person view, a registry search with disciplinary status) keeps its
//   certification and training parts and has only the ethics fields null, with SERVICE_UNAVAILABLE
//   naming ethics (the fields a subgraph adds to another's entity are nullable); the admin's work
//   queues and dashboard (one query per domain) keep certification's and training's queues and
//   figures, with ethics' queries answered SERVICE_UNAVAILABLE naming ethics, and the pages say so;
// - PostgreSQL restarted while ten clients keep writing and reading: the services reconnect by
//   themselves, a request caught by the restart is SERVICE_UNAVAILABLE (the database), and every
//   write that was acknowledged is in the database afterwards.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kind, parse, print } from 'graphql';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startEmbeddedPostgres, type RunningDatabase } from '@cpss/devdb';
import { DEMO_PEOPLE } from '@cpss/domain';
import type { RunningPlatform } from '@cpss/launcher';
import {
  DashboardCertificationDocument,
  DashboardEthicsDocument,
  DashboardTrainingDocument,
  PersonViewDocument,
  WorkQueuesCertificationDocument,
  WorkQueuesEthicsDocument,
  WorkQueuesTrainingDocument,
} from '@cpss/web/src/gql/graphql';
import { poll, signInPage, useBrowser } from '../support/browser';
import { graphql, signIn, type GraphQLResponse } from '../support/client';
import { startTestPlatform } from '../support/platform';

const CLIENTS = 10;
const EVIDENCE = { fileName: 'certificate.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4\n% fault test\n').toString('base64') };
const ADMIN = 'admin@demo.cpss';

let pg: RunningDatabase;
let platform: RunningPlatform;
let token: string;
const browser = useBrowser();

const PEOPLE = /* GraphQL */ `
  query FaultPeople {
    people(first: 5) { edges { node { id legalName certifications { number status } } } }
  }
`;
const PEOPLE_WITH_COMPLAINTS = /* GraphQL */ `
  query FaultPeopleWithComplaints {
    people(first: 5) { edges { node { id legalName openComplaintCount } } }
  }
`;
const CATALOG = /* GraphQL */ `
  query FaultCatalog {
    courses(first: 5) { edges { node { id title } } }
  }
`;
// The person view as the web UI asks it (web/src/pages/person/PersonPage.tsx), as an admin.
const PERSON_VIEW = print(PersonViewDocument);
/** The fields ethics adds to Person in the person view (all nullable: null when ethics does not answer). */
const ETHICS_PERSON_FIELDS = ['ethicsAcknowledgments', 'publicDisciplinaryStatus', 'openComplaintCount', 'barredFromTeaching', 'complaints', 'sanctions'];
// The public registry with ethics' disciplinary status (RegistryEntry.disciplinaryStatus @requires personId).
const REGISTRY = /* GraphQL */ `
  query FaultRegistry($name: String!, $county: String!) {
    registrySearch(name: $name, county: $county) { certificationNumber name county status goodThrough disciplinaryStatus { standing actions { kind effectiveFrom } } }
  }
`;
// The work queues page's and the dashboard's queries as the web UI sends them (one per domain:
// web/src/pages/queues/queueDocuments.ts, web/src/pages/dashboard/dashboardDocuments.ts), by the
// domain whose root fields each asks.
const ADMIN_PAGES = {
  queuesCertification: { domain: 'certification', query: print(WorkQueuesCertificationDocument), variables: { first: 50, withinDays: 90 } },
  queuesTraining: { domain: 'training', query: print(WorkQueuesTrainingDocument), variables: { first: 50 } },
  queuesEthics: { domain: 'ethics', query: print(WorkQueuesEthicsDocument), variables: { first: 50 } },
  dashboardCertification: { domain: 'certification', query: print(DashboardCertificationDocument), variables: {} },
  dashboardTraining: { domain: 'training', query: print(DashboardTrainingDocument), variables: {} },
  dashboardEthics: { domain: 'ethics', query: print(DashboardEthicsDocument), variables: {} },
} as const;
type AdminPageQuery = keyof typeof ADMIN_PAGES;
const RECORD = /* GraphQL */ `
  mutation FaultRecord($input: RecordExternalTrainingCompletionInput!) {
    recordExternalTrainingCompletion(input: $input) { id courseTitle }
  }
`;

interface Outcome {
  query: string;
  status: number;
  codes: string[];
  services: string[];
  messages: string[];
  ms: number;
  data: unknown;
}

/** One request at the gateway, its outcome whatever happens (a network failure is status 0). */
async function send(query: string, variables: Record<string, unknown> = {}): Promise<Outcome> {
  const started = Date.now();
  try {
    const res: GraphQLResponse<unknown> = await graphql(`${platform.gatewayUrl}/graphql`, query, variables, token);
    const errors = res.errors ?? [];
    return {
      query,
      status: res.status,
      codes: errors.map((e) => String(e.extensions?.['code'] ?? '')),
      services: errors.map((e) => String(e.extensions?.['service'] ?? '')),
      messages: errors.map((e) => `${e.message} ${JSON.stringify(e.extensions?.['problems'] ?? e.extensions?.['field'] ?? '')}`),
      ms: Date.now() - started,
      data: res.data,
    };
  } catch (err) {
    return { query, status: 0, codes: ['NETWORK'], services: [], messages: [String((err as Error).message)], ms: Date.now() - started, data: null };
  }
}

type Timed = Outcome & { started: number; ended: number };

/** `clients` loops each sending `next()` until stopped; every outcome with when it was sent and answered. */
function load(clients: number, next: (client: number, i: number) => Promise<Outcome>) {
  let running = true;
  const outcomes: Timed[] = [];
  const loops = Array.from({ length: clients }, async (_, client) => {
    for (let i = 0; running; i += 1) {
      const started = Date.now();
      const outcome = await next(client, i);
      outcomes.push({ ...outcome, started, ended: Date.now() });
    }
  });
  return {
    outcomes,
    async stop() {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

/** Those sent and answered between two moments (a request in flight across a change belongs to neither side). */
const between = (outcomes: Timed[], from: number, to: number) => outcomes.filter((o) => o.started >= from && o.ended <= to);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Json = Record<string, unknown>;

/** The person view and a registry search for the same certified person, as sent by the web UI and the public. */
async function crossDomain(person: { id: string; legalName: string; county: string }) {
  const [view, registry] = await Promise.all([
    graphql<{ person: Json }>(`${platform.gatewayUrl}/graphql`, PERSON_VIEW, { id: person.id, withCases: true, withApplications: true, withStaffFacts: true }, token),
    graphql<{ registrySearch: Json[] }>(`${platform.gatewayUrl}/graphql`, REGISTRY, { name: person.legalName.split(' ')[0]!, county: person.county }),
  ]);
  return { view, registry };
}

/** Each of the work queues' and dashboard's queries, sent as the admin. */
async function adminPages(): Promise<Record<AdminPageQuery, GraphQLResponse<Json>>> {
  const names = Object.keys(ADMIN_PAGES) as AdminPageQuery[];
  const answers = await Promise.all(names.map((n) => graphql<Json>(`${platform.gatewayUrl}/graphql`, ADMIN_PAGES[n].query, ADMIN_PAGES[n].variables, token)));
  return Object.fromEntries(names.map((n, i) => [n, answers[i]!])) as Record<AdminPageQuery, GraphQLResponse<Json>>;
}

/** The response keys of an operation's root fields (aliases where given). */
const rootKeysOf = (query: string) =>
  parse(query).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? d.selectionSet.selections : [])).flatMap((s) => (s.kind === Kind.FIELD ? [s.alias?.value ?? s.name.value] : []));

/** Each error as [code, service, path] (path joined with dots; '' when the gateway gave none). */
const errorsOf = (res: GraphQLResponse<unknown>) => (res.errors ?? []).map((e) => [String(e.extensions?.['code']), String(e.extensions?.['service'] ?? ''), (e.path ?? []).join('.')]);

/** `value` with each of `fields` set to null (what is left when the domain adding them does not answer). */
const withNull = (value: Json, fields: readonly string[]): Json => ({ ...value, ...Object.fromEntries(fields.map((f) => [f, null])) });
/** The work queues page's sections (web/src/pages/queues/WorkQueuesPage.tsx). */
const QUEUE_SECTIONS = ['queue-applications', 'queue-complaints', 'queue-submissions', 'queue-renewals', 'queue-trainers'];
const ok = (o: Outcome) => o.status === 200 && o.codes.length === 0;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpss-faults-'));
  pg = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: await freePort(), persistent: false, fast: true, database: 'cpss_faults' });
  platform = await startTestPlatform({ databaseUrl: pg.url, logDir: join(dir, 'logs') });
  token = await signIn(platform.gatewayUrl, ADMIN);
  // The demo seed's complaints send commands (holds on applications) as the platform starts: the
  // before/during comparisons below need them delivered first.
  const pending = async () =>
    (await graphql<{ ethicsOutboundCommands: { totalCount: number } }>(`${platform.gatewayUrl}/graphql`, '{ ethicsOutboundCommands(first: 1) { totalCount } }', {}, token)).data?.ethicsOutboundCommands.totalCount;
  for (const until = Date.now() + 30_000; (await pending()) !== 0; ) {
    if (Date.now() > until) throw new Error('the demo seed\'s outbox commands were not delivered within 30 s');
    await pause(250);
  }
});

afterAll(async () => {
  await platform?.stop();
  await pg?.stop();
});

describe('faults under load', () => {
  it('keeps answering the other domains while ethics is stopped, fails what needs it fast with SERVICE_UNAVAILABLE, and recovers when it is back', async () => {
    const queries = [PEOPLE, CATALOG, PEOPLE_WITH_COMPLAINTS];
    const begun = Date.now();
    const run = load(CLIENTS, (client, i) => send(queries[(client + i) % queries.length]!));
    // A certified person with training hours, and the cross-domain answers about them while all is up.
    const listed = await graphql<{ people: { edges: { node: { id: string; legalName: string; county: string; certifications: unknown[]; trainingHours: number } }[] } }>(
      `${platform.gatewayUrl}/graphql`,
      `query FaultCertifiedPeople { people(first: 50) { edges { node { id legalName county certifications { number } trainingHours } } } }`,
      {},
      token,
    );
    const person = listed.data?.people.edges.map((e) => e.node).find((p) => p.certifications.length > 0 && p.trainingHours > 0);
    expect(person, JSON.stringify(listed)).toBeDefined();
    const [before, pagesBefore] = await Promise.all([crossDomain(person!), adminPages()]);
    // The work queues and the dashboard, every domain answering: each of their queries whole.
    for (const [name, res] of Object.entries(pagesBefore)) expect([name, res.status, errorsOf(res), res.data == null], name).toEqual([name, 200, [], false]);
    expect((pagesBefore.queuesCertification.data!['certificationsDue'] as { totalCount: number }).totalCount + (pagesBefore.queuesTraining.data!['submissionsInReview'] as { totalCount: number }).totalCount).toBeGreaterThan(0);
    expect([before.view.status, errorsOf(before.view), before.registry.status, errorsOf(before.registry)]).toEqual([200, [], 200, []]);
    const viewBefore = before.view.data!.person;
    const registryBefore = before.registry.data!.registrySearch;
    expect(viewBefore['legalName']).toBe(person!.legalName);
    expect((viewBefore['certifications'] as unknown[]).length).toBeGreaterThan(0);
    expect(viewBefore['trainingHours']).toBeGreaterThan(0);
    expect(viewBefore['publicDisciplinaryStatus']).toMatchObject({ standing: expect.any(String) });
    // Ethics answered every one of its fields (barredFromTeaching is null when nothing bars them).
    expect(ETHICS_PERSON_FIELDS.filter((f) => f !== 'barredFromTeaching' && viewBefore[f] == null)).toEqual([]);
    expect(registryBefore.some((e) => e['name'] === person!.legalName || String(e['name']).startsWith(person!.legalName))).toBe(true);
    expect(registryBefore.every((e) => (e['disciplinaryStatus'] as Json | null)?.['standing'])).toBe(true);
    const page = await signInPage(browser(), platform.gatewayUrl, ADMIN);
    await pause(Math.max(0, begun + 2500 - Date.now()));

    const stopping = Date.now();
    await platform.stopService('ethics');
    const stopped = Date.now();
    // The person view and the registry while ethics is down: everything else, with ethics' fields null.
    const [during, pagesDuring] = await Promise.all([crossDomain(person!), adminPages()]);
    // The person view page: the record with ethics' parts marked unavailable and a notice naming ethics, not an error.
    await page.goto(`${platform.gatewayUrl}/people/${person!.id}`);
    await poll(() => page.getByTestId('unavailable-notice').getAttribute('data-domains')).toBe('ethics');
    await poll(() => page.getByTestId('person-ethics-facts').textContent()).toContain('Public standingUnavailable');
    expect(await page.getByTestId('person-identity').textContent()).toContain(person!.legalName);
    expect(await page.getByTestId('person-certification').count()).toBe((viewBefore['certifications'] as unknown[]).length);
    expect(await page.getByTestId('person-training').textContent()).toMatch(/^Training: [\d.,]+ hours/);
    expect(await page.getByTestId('person-complaints-unavailable').count()).toBe(1);
    expect(await page.locator('.alert--error').count()).toBe(0);
    // The work queues: certification's and training's queues shown, ethics' marked unavailable under the notice.
    await page.goto(`${platform.gatewayUrl}/queues`);
    await poll(() => page.getByTestId('unavailable-notice').getAttribute('data-domains')).toBe('ethics');
    await page.getByTestId('queue-summary').waitFor();
    const queueStates = async () => Object.fromEntries(await Promise.all(QUEUE_SECTIONS.map(async (id) => [id, (await page.getByTestId(`${id}-unavailable`).count()) > 0 ? 'unavailable' : await page.getByTestId(`${id}-total`).innerText()])));
    expect(await queueStates()).toEqual({
      'queue-applications': String((pagesBefore.queuesCertification.data!['awaitingReview'] as { totalCount: number }).totalCount),
      'queue-complaints': 'unavailable',
      'queue-submissions': String((pagesBefore.queuesTraining.data!['submissionsInReview'] as { totalCount: number }).totalCount),
      'queue-renewals': String((pagesBefore.queuesCertification.data!['certificationsDue'] as { totalCount: number }).totalCount),
      'queue-trainers': 'unavailable',
    });
    expect(await page.locator('.alert--error').count()).toBe(0);
    // The dashboard: certification's and training's tiles and charts, ethics' tiles marked unavailable.
    await page.goto(`${platform.gatewayUrl}/dashboard`);
    await poll(() => page.getByTestId('unavailable-notice').getAttribute('data-domains')).toBe('ethics');
    await page.getByTestId('work-queues').waitFor();
    expect(await page.getByTestId('tile-applications-value').innerText()).toMatch(/^\d+$/);
    expect(await page.getByTestId('tile-submissions-value').innerText()).toMatch(/^\d+$/);
    expect([await page.getByTestId('tile-complaints-unavailable').count(), await page.getByTestId('tile-overdue-unavailable').count()]).toEqual([1, 1]);
    expect([await page.getByTestId('chart-county').count(), await page.getByTestId('chart-training-kind').count()]).toEqual([1, 1]);
    expect(await page.locator('.alert--error').count()).toBe(0);
    await pause(Math.max(0, stopped + 3000 - Date.now()));
    const starting = Date.now();
    await platform.startService('ethics');
    const started = Date.now();
    const [after, pagesAfter] = await Promise.all([crossDomain(person!), adminPages()]);
    // The person page again: the notice gone, ethics' facts back.
    await page.goto(`${platform.gatewayUrl}/people/${person!.id}`);
    await poll(() => page.getByTestId('person-ethics-facts').textContent()).not.toContain('Unavailable');
    expect(await page.getByTestId('unavailable-notice').count()).toBe(0);
    await page.close();
    await pause(Math.max(0, started + 2000 - Date.now()));
    const outcomes = await run.stop();
    const end = Date.now();

    const failed = (xs: Timed[]) => xs.filter((o) => !ok(o)).map((o) => [/(query|mutation) (\w+)/.exec(o.query)?.[2], o.status, o.codes, o.messages]);
    const downFigures = between(outcomes, stopped, starting);
    console.info(
      `faults (ethics stopped for ${starting - stopped} ms): ${outcomes.length} requests, ${downFigures.length} while it was down: ` +
        `${downFigures.filter((o) => o.query !== PEOPLE_WITH_COMPLAINTS).filter(ok).length} of ${downFigures.filter((o) => o.query !== PEOPLE_WITH_COMPLAINTS).length} not needing ethics answered, ` +
        `${downFigures.filter((o) => o.query === PEOPLE_WITH_COMPLAINTS && o.codes.includes('SERVICE_UNAVAILABLE')).length} of ${downFigures.filter((o) => o.query === PEOPLE_WITH_COMPLAINTS).length} needing it told SERVICE_UNAVAILABLE; ` +
        `${failed(between(outcomes, started, end)).length} errors after it came back`,
    );
    // Before: all answered.
    expect(between(outcomes, begun, stopping).length).toBeGreaterThan(10);
    expect(failed(between(outcomes, begun, stopping))).toEqual([]);
    // While ethics is down: certification and training keep answering, each request of them.
    const down = between(outcomes, stopped, starting);
    for (const q of [PEOPLE, CATALOG]) {
      expect(down.filter((o) => o.query === q).length).toBeGreaterThan(5);
      expect(failed(down.filter((o) => o.query === q))).toEqual([]);
    }
    // What needs ethics: a GraphQL error naming it, in a 200, quickly (the connection is refused).
    const needing = down.filter((o) => o.query === PEOPLE_WITH_COMPLAINTS);
    expect(needing.length).toBeGreaterThan(5);
    expect(needing.filter((o) => o.status !== 200 || !o.codes.includes('SERVICE_UNAVAILABLE') || !o.services.includes('ethics')).map((o) => [o.status, o.codes, o.messages])).toEqual([]);
    expect(Math.max(...needing.map((o) => o.ended - o.started))).toBeLessThan(5000);
    // No 5xx and no failed connection to the gateway at any time.
    expect(outcomes.filter((o) => o.status === 0 || o.status >= 500).map((o) => [o.status, o.messages])).toEqual([]);
    // Back: everything answered again.
    const back = between(outcomes, started, end);
    expect(back.length).toBeGreaterThan(10);
    expect(failed(back)).toEqual([]);

    // The cross-domain queries sent while ethics was down: a 200 with the certification and training
    // parts as before (names, certifications, training hours and record, trainer profile,
    // applications) and exactly ethics' fields null, each request with SERVICE_UNAVAILABLE naming ethics.
    expect(during.view.status).toBe(200);
    expect(during.view.data?.person).toEqual(withNull(viewBefore, ETHICS_PERSON_FIELDS));
    expect(errorsOf(during.view).length).toBeGreaterThan(0);
    expect(errorsOf(during.view).filter(([code, service]) => code !== 'SERVICE_UNAVAILABLE' || service !== 'ethics')).toEqual([]);
    // Each error points at the ethics field it left null, and nothing else of the answer is in error.
    expect(errorsOf(during.view).map(([, , path]) => path).sort()).toEqual(ETHICS_PERSON_FIELDS.map((f) => `person.${f}`).sort());
    expect(during.registry.status).toBe(200);
    expect(during.registry.data?.registrySearch).toEqual(registryBefore.map((e) => withNull(e, ['disciplinaryStatus'])));
    expect(errorsOf(during.registry).length).toBeGreaterThan(0);
    expect(errorsOf(during.registry).filter(([code, service]) => code !== 'SERVICE_UNAVAILABLE' || service !== 'ethics')).toEqual([]);
    expect(errorsOf(during.registry).map(([, , path]) => path)).toEqual(registryBefore.map((_, i) => `registrySearch.${i}.disciplinaryStatus`));
    // Ethics back: the same queries answer everything again, as before.
    expect([after.view.status, errorsOf(after.view), after.registry.status, errorsOf(after.registry)]).toEqual([200, [], 200, []]);
    expect(after.view.data?.person).toEqual(viewBefore);
    expect(after.registry.data?.registrySearch).toEqual(registryBefore);

    // The work queues' and the dashboard's queries sent while ethics was down: certification's and
    // training's answered whole, as before (their fields from ethics: none); ethics' a 200 with no data
    // and SERVICE_UNAVAILABLE naming ethics.
    for (const [name, { domain }] of Object.entries(ADMIN_PAGES) as [AdminPageQuery, (typeof ADMIN_PAGES)[AdminPageQuery]][]) {
      const res = pagesDuring[name];
      if (domain === 'ethics') {
        expect([name, res.status, res.data ?? null], name).toEqual([name, 200, null]);
        // One error on each root field it asks (all ethics'), naming ethics.
        expect(errorsOf(res).sort(), name).toEqual(rootKeysOf(ADMIN_PAGES[name].query).map((key) => ['SERVICE_UNAVAILABLE', 'ethics', key]).sort());
      } else {
        expect([name, res.status, errorsOf(res)], name).toEqual([name, 200, []]);
        expect(res.data, name).toEqual(pagesBefore[name].data);
      }
    }
    // Ethics back: each answered whole again, as before.
    for (const [name, res] of Object.entries(pagesAfter) as [AdminPageQuery, GraphQLResponse<Json>][]) {
      expect([name, res.status, errorsOf(res)], name).toEqual([name, 200, []]);
      expect(res.data, name).toEqual(pagesBefore[name].data);
    }
  });

  it('reconnects by itself after PostgreSQL restarts under load, and keeps every write it acknowledged', async () => {
    const personId = DEMO_PEOPLE[2]!.id;
    const mark = `fault-${randomUUID().slice(0, 8)}`;
    const writers = CLIENTS / 2;
    const begun = Date.now();
    const run = load(CLIENTS, (client, i) =>
      client < writers
        ? send(RECORD, {
            input: { personId, courseTitle: `${mark} ${client}.${i}`, kind: 'ELECTIVE', hours: 1, completedOn: '2026-01-15', provider: 'Fault test college', evidence: EVIDENCE },
          })
        : send(client % 2 ? PEOPLE : CATALOG),
    );
    await pause(2500);
    const restarting = Date.now();
    await pg.restart();
    const restarted = Date.now();
    // The services find PostgreSQL again by themselves: within a few seconds every request succeeds.
    let recoveredAt = 0;
    while (!recoveredAt && Date.now() < restarted + 20_000) {
      await pause(500);
      const recent = between(run.outcomes, restarted, Date.now()).slice(-2 * CLIENTS);
      if (recent.length >= 2 * CLIENTS && recent.every(ok)) recoveredAt = Date.now();
    }
    await pause(1500);
    const outcomes = await run.stop();
    const end = Date.now();

    const failed = (xs: Timed[]) => xs.filter((o) => !ok(o)).map((o) => [/(query|mutation) (\w+)/.exec(o.query)?.[2], o.status, o.codes, o.messages]);
    expect(failed(between(outcomes, begun, restarting))).toEqual([]);
    expect(recoveredAt, JSON.stringify(failed(between(outcomes, restarted, end)).slice(-5))).toBeGreaterThan(0);
    const afterwards = between(outcomes, recoveredAt, end);
    expect(afterwards.length).toBeGreaterThan(10);
    expect(failed(afterwards)).toEqual([]);
    // No process died: the gateway always answered; what failed meanwhile said the database was
    // unavailable (worth a retry), never a masked internal error.
    expect(outcomes.filter((o) => o.status === 0 || o.status >= 500).map((o) => [o.status, o.messages])).toEqual([]);
    expect(outcomes.filter((o) => !ok(o) && !o.codes.every((c) => c === 'SERVICE_UNAVAILABLE')).map((o) => [o.codes, o.messages])).toEqual([]);

    // Every acknowledged write is there; nothing was written that was not asked for.
    const acknowledged = outcomes
      .filter((o) => o.query === RECORD && ok(o))
      .map((o) => (o.data as { recordExternalTrainingCompletion: { id: string } }).recordExternalTrainingCompletion.id);
    expect(acknowledged.length).toBeGreaterThan(20);
    const c = new Client({ connectionString: pg.url });
    await c.connect();
    try {
      const rows = (await c.query<{ id: string }>(`select id from training.training_completion where course_title like $1`, [`${mark} %`])).rows.map((r) => r.id);
      const stored = new Set(rows);
      const asked = outcomes.filter((o) => o.query === RECORD).length;
      console.info(
        `faults (PostgreSQL restarted in ${restarted - restarting} ms, all answering again ${recoveredAt - restarted} ms later): ${outcomes.length} requests, ` +
          `${outcomes.filter((o) => !ok(o)).length} errors (all SERVICE_UNAVAILABLE), ${asked} writes sent, ${acknowledged.length} acknowledged, ` +
          `${acknowledged.filter((id) => stored.has(id)).length} of them found, ${rows.length} rows found in all`,
      );
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      expect(rows.length).toBeGreaterThanOrEqual(acknowledged.length);
      expect(rows.length).toBeLessThanOrEqual(asked);
    } finally {
      await c.end();
    }
  });
});
