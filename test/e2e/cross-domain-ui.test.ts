// The admin's cross-domain screens in a real Chromium against the shared platform: the work queues
// (applications awaiting review, complaints awaiting acknowledgment, course submissions in review,
// certifications falling due, trainers with an open complaint and upcoming sessions) show the totals
// the API gives for the same queries and link each item to its page; the commands ethics sends to
// the other domains are listed with the API's total (or the empty state); the person view shows a
// demo person's applications, and a trainer's profile; the trainer's roster names its participants.
// Other files change the same data at the same time, so every comparison re-reads both sides until
// they agree rather than relying on an order. Every new page passes axe and is screenshot.
import { DEMO_PEOPLE } from '@cpss/domain';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { poll, useBrowser, signInPage } from '../support/browser';
import { graphql, signIn as apiSignIn } from '../support/client';
import { expectAccessible, screenshot } from '../support/page-checks';

const gateway = inject('gatewayUrl');
const api = `${gateway}/graphql`;
const browser = useBrowser();
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

async function signIn(email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  return signInPage(browser(), gateway, email, viewport);
}

async function ask<T>(email: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await graphql<T>(api, query, variables, await apiSignIn(gateway, email));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

/**
 * Reads the API and the page until they agree (others change the data meanwhile: a reload shows
 * the page's answer as of now); fails with both when they never do.
 */
async function agree<T>(page: Page, fromApi: () => Promise<T>, fromPage: () => Promise<T>, tries = 5): Promise<T> {
  let last: { api: T; page: T } | undefined;
  for (let i = 0; i < tries; i++) {
    if (i > 0) await page.reload();
    const before = await fromApi();
    let shown: T;
    try {
      shown = await fromPage();
    } catch {
      continue;
    }
    const after = await fromApi();
    if (JSON.stringify(shown) === JSON.stringify(before) || JSON.stringify(shown) === JSON.stringify(after)) return shown;
    last = { api: after, page: shown };
  }
  throw new Error(`the page and the API never agreed: ${JSON.stringify(last)}`);
}

/** The document is no wider than the viewport (a wide table scrolls inside its own region). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const ADMIN = 'admin@demo.cpss';

const QUEUES = `query($first: Int!) {
  awaitingReview: applications(first: $first, statuses: [SUBMITTED, IN_REVIEW, ON_HOLD]) { totalCount edges { node { id status heldForComplaint } } }
  awaitingAcknowledgment: complaints(first: $first, filter: { statuses: [RECEIVED] }) { totalCount edges { node { id } } }
  submissionsInReview: courseSubmissions(first: $first, statuses: [RECEIVED, TEAM_REVIEW]) { totalCount edges { node { id } } }
  certificationsDue(first: $first, withinDays: 90) { totalCount edges { node { id person { id } } } }
  openComplaintRespondents { id trainerProfile { upcomingSessions { id } } }
}`;

interface Queues {
  awaitingReview: { totalCount: number; edges: { node: { id: string; status: string; heldForComplaint: boolean } }[] };
  awaitingAcknowledgment: { totalCount: number; edges: { node: { id: string } }[] };
  submissionsInReview: { totalCount: number; edges: { node: { id: string } }[] };
  certificationsDue: { totalCount: number; edges: { node: { id: string; person: { id: string } } }[] };
  openComplaintRespondents: { id: string; trainerProfile: { upcomingSessions: { id: string }[] } | null }[];
}

/** Each section: its total as the API counts it, and the page an item's link must open. */
const SECTIONS: { id: string; total: (q: Queues) => number; href: RegExp }[] = [
  { id: 'queue-applications', total: (q) => q.awaitingReview.totalCount, href: /^\/applications\/[0-9a-f-]{36}$/ },
  { id: 'queue-complaints', total: (q) => q.awaitingAcknowledgment.totalCount, href: /^\/complaints\/[0-9a-f-]{36}$/ },
  { id: 'queue-submissions', total: (q) => q.submissionsInReview.totalCount, href: /^\/course-reviews\/[0-9a-f-]{36}$/ },
  { id: 'queue-renewals', total: (q) => q.certificationsDue.totalCount, href: /^\/people\/[0-9a-f-]{36}$/ },
  { id: 'queue-trainers', total: (q) => q.openComplaintRespondents.filter((p) => (p.trainerProfile?.upcomingSessions.length ?? 0) > 0).length, href: /^\/people\/[0-9a-f-]{36}$/ },
];

describe('work queues', () => {
  it('shows the totals the API gives for every queue, each item linked to its page', async () => {
    const page = await signIn(ADMIN);
    await page.getByTestId('nav-queues').click();
    await page.waitForURL(/\/queues$/);
    await page.getByTestId('queue-summary').waitFor();

    const totals = await agree(
      page,
      async () => {
        const q = await ask<Queues>(ADMIN, QUEUES, { first: 50 });
        // Last: the applications on hold while a complaint is open against the applicant, among those shown.
        return [...SECTIONS.map((s) => s.total(q)), q.awaitingReview.edges.filter((e) => e.node.heldForComplaint).length];
      },
      async () => {
        await page.getByTestId('queue-summary').waitFor({ timeout: 15_000 });
        const shown = await Promise.all(SECTIONS.map(async (s) => Number(await page.getByTestId(`${s.id}-total`).innerText())));
        return [...shown, await page.getByTestId('held-for-complaint').count()];
      },
    );
    // The demo has work waiting: at least Alicia's submitted application and the complaint about the
    // demo trainer (others may move single items on, not all of them at once).
    expect(totals.slice(0, SECTIONS.length).reduce((n, t) => n + t, 0)).toBeGreaterThan(0);

    for (const [i, s] of SECTIONS.entries()) {
      const section = page.getByTestId(s.id);
      const rows = section.getByTestId(`${s.id}-row`);
      if (totals[i] === 0) {
        await poll(() => section.getByTestId(`${s.id}-empty`).count()).toBe(1);
        continue;
      }
      expect(await rows.count(), s.id).toBe(Math.min(totals[i]!, 50));
      const href = await rows.first().getByRole('rowheader').getByRole('link').getAttribute('href');
      expect(href, s.id).toMatch(s.href);
    }
    // Every application marked as held for a complaint is on hold.
    for (const badge of await page.getByTestId('held-for-complaint').all()) expect(await badge.locator('xpath=..').innerText()).toContain('On hold');

    await expectAccessible(page, 'work queues');
    await screenshot(page, 'admin-work-queues');

    // The first application's link opens its case.
    if (totals[0]! > 0) {
      await page.getByTestId('queue-applications-row').first().getByRole('rowheader').getByRole('link').click();
      await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
      await page.goBack();
      await page.getByTestId('queue-summary').waitFor();
    }

    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'work queues at tablet width');
    await screenshot(page, 'admin-work-queues-tablet');
    await page.close();
  });

  it('lists the demo trainer, who has an open complaint, when they teach an upcoming session', async () => {
    const ben = DEMO_PEOPLE[1]!.id;
    const q = await ask<Queues>(ADMIN, QUEUES, { first: 1 });
    const teaching = q.openComplaintRespondents.find((p) => p.id === ben && (p.trainerProfile?.upcomingSessions.length ?? 0) > 0);
    const page = await signIn(ADMIN);
    await page.goto(`${gateway}/queues`);
    await page.getByTestId('queue-trainers').waitFor();
    const row = page.locator(`[data-testid="queue-trainers-row"][data-id="${ben}"]`);
    if (teaching) {
      await poll(() => row.count()).toBe(1);
      expect(await row.getByRole('link').count()).toBeGreaterThanOrEqual(1 + teaching.trainerProfile!.upcomingSessions.length);
    } else {
      await poll(() => row.count()).toBe(0);
    }
    await page.close();
  });

  it('is not offered to other staff', async () => {
    const page = await signIn('reviewer@demo.cpss');
    expect(await page.getByTestId('nav').innerText()).not.toContain('Work queues');
    await page.goto(`${gateway}/queues`);
    await poll(() => page.getByRole('alert').first().innerText()).toContain('is for');
    await page.goto(`${gateway}/commands`);
    await poll(() => page.getByRole('alert').first().innerText()).toContain('is for');
    await page.close();
  });
});

describe('cross-domain commands', () => {
  const COUNTS = `{ all: ethicsOutboundCommands(status: null, first: 1) { totalCount } stuck: ethicsOutboundCommands(status: null, stuck: true, first: 1) { totalCount } }`;

  it('lists the commands ethics sent with the totals the API gives, or says there are none', async () => {
    const page = await signIn(ADMIN);
    await page.getByTestId('nav-commands').click();
    await page.waitForURL(/\/commands$/);
    const [all, stuck] = await agree(
      page,
      async () => {
        const c = await ask<{ all: { totalCount: number }; stuck: { totalCount: number } }>(ADMIN, COUNTS);
        return [c.all.totalCount, c.stuck.totalCount];
      },
      async () => {
        await poll(() => page.getByTestId('commands-all-total').innerText()).toMatch(/^\d+$/);
        await poll(() => page.getByTestId('commands-stuck-total').innerText()).toMatch(/^\d+$/);
        return [Number(await page.getByTestId('commands-all-total').innerText()), Number(await page.getByTestId('commands-stuck-total').innerText())];
      },
    );

    if (all === 0) {
      expect(await page.getByTestId('commands-empty').innerText()).toContain('No command has been sent yet');
    } else {
      const rows = page.getByTestId('commands-table').getByTestId('command-row');
      expect(await rows.count()).toBe(Math.min(all!, 25));
      const first = rows.first();
      expect(await first.getByRole('rowheader').innerText()).toMatch(/Hold applications|Release the hold|Suspend|Revoke|Remove as trainer/);
      expect(await first.getByTestId('command-target').innerText()).toMatch(/Certification|Training/);
      expect(await first.getByTestId('command-attempts').innerText()).toMatch(/^\d+$/);
      expect(await first.getByTestId('command-delivery').innerText()).toMatch(/Delivered|Next attempt/);
      if (all! > 25) {
        await page.getByTestId('commands-load-more').click();
        await poll(() => rows.count()).toBe(Math.min(all!, 50));
      }
    }
    if (stuck === 0) expect(await page.getByTestId('commands-stuck-empty').innerText()).toContain('No command is stuck');
    else expect(await page.getByTestId('commands-stuck-table').getByTestId('command-stuck').count()).toBeGreaterThan(0);

    // A pending command (if one is waiting right now) can be retried; the page says what came of it.
    // It may be delivered meanwhile: then the refusal says so instead.
    const retry = page.getByTestId('command-retry').first();
    if ((await retry.count()) > 0) {
      await retry.click();
      await poll(async () => (await page.getByTestId('retry-refusal').count()) > 0 || /Retry asked|Delivered|Tried again/.test(await page.getByTestId('retry-status').innerText())).toBe(true);
    }

    await expectAccessible(page, 'cross-domain commands');
    await screenshot(page, 'admin-commands');
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'admin-commands-tablet');
    await page.close();
  });
});

describe('person view across the domains', () => {
  it("shows a demo applicant's applications as the API lists them, and the demo trainer's profile", async () => {
    const alicia = DEMO_PEOPLE[0]!.id;
    const page = await signIn(ADMIN);
    await page.goto(`${gateway}/people/${alicia}`);
    await page.getByTestId('person-applications').waitFor();
    const ids = await agree(
      page,
      async () => (await ask<{ person: { applications: { id: string }[] } }>(ADMIN, `query($id: ID!) { person(id: $id) { applications { id } } }`, { id: alicia })).person.applications.map((a) => a.id),
      async () => {
        await poll(() => page.getByTestId('person-application').count()).toBeGreaterThan(0);
        return page.getByTestId('person-application').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
      },
    );
    expect(ids.length).toBeGreaterThan(0);
    const first = page.getByTestId('person-application').first();
    expect(await first.getByRole('link').getAttribute('href')).toBe(`/applications/${ids[0]}`);
    expect(await first.getByTestId('person-application-status').innerText()).toMatch(/\w/);
    expect(await page.getByTestId('person-ethics-facts').innerText()).toMatch(/Open complaints\s*\d+/);
    await expectAccessible(page, 'person view with applications');
    await screenshot(page, 'admin-person-applications');

    // The demo trainer: registered to teach, with the complaint about them counted.
    const ben = DEMO_PEOPLE[1]!.id;
    const profile = await ask<{ person: { openComplaintCount: number; trainerProfile: { registrations: { id: string }[]; upcomingSessions: { id: string }[] } | null } }>(
      ADMIN,
      `query($id: ID!) { person(id: $id) { openComplaintCount trainerProfile { registrations { id } upcomingSessions { id } } } }`,
      { id: ben },
    );
    expect(profile.person.trainerProfile, 'the demo trainer is registered to teach').not.toBeNull();
    await page.goto(`${gateway}/people/${ben}`);
    const trainer = page.getByTestId('person-trainer');
    await trainer.waitFor();
    expect(await trainer.getByTestId('person-trainer-registrations').locator('li').count()).toBe(profile.person.trainerProfile!.registrations.length);
    await agree(
      page,
      async () => (await ask<{ person: { trainerProfile: { upcomingSessions: { id: string }[] } } }>(ADMIN, `query($id: ID!) { person(id: $id) { trainerProfile { upcomingSessions { id } } } }`, { id: ben })).person.trainerProfile.upcomingSessions.length,
      async () => {
        await page.getByTestId('person-trainer').waitFor();
        return page.getByTestId('person-trainer-session').count();
      },
    );
    await expectAccessible(page, 'person view with a trainer profile');
    await screenshot(page, 'admin-person-trainer');
    await page.close();
  });
});

describe("trainer's roster", () => {
  it('names the participants of the demo session held a few business days ago', async () => {
    const trainer = await apiSignIn(gateway, 'trainer@demo.cpss');
    const mine = await graphql<{ trainingSessions: { edges: { node: { id: string; firstDay: string } }[] } }>(api, `{ trainingSessions(first: 100) { edges { node { id firstDay } } } }`, {}, trainer);
    const held = mine.data!.trainingSessions.edges.map((e) => e.node).find((n) => n.firstDay < today);
    expect(held, 'the demo session held a few business days ago').toBeDefined();
    const roster = await graphql<{ trainingSession: { roster: { personId: string; person: { legalName: string } }[] } }>(
      api,
      `query($id: ID!) { trainingSession(id: $id) { roster { personId person { legalName } } } }`,
      { id: held!.id },
      trainer,
    );
    expect(roster.errors).toBeUndefined();
    const participants = roster.data!.trainingSession.roster;
    expect(participants.length).toBeGreaterThan(0);

    const page = await signIn('trainer@demo.cpss');
    await page.goto(`${gateway}/sessions/${held!.id}`);
    const names = page.getByTestId('roster-name');
    await poll(() => names.count()).toBe(participants.length);
    for (const p of participants) {
      await poll(() => page.locator(`[data-testid="roster-row"][data-person-id="${p.personId}"]`).getByTestId('roster-name').innerText()).toContain(p.person.legalName);
    }
    await expectAccessible(page, 'session roster with names');
    await screenshot(page, 'trainer-roster-names');
    await page.close();
  });
});
