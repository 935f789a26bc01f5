// The admin UI in a real Chromium against the running platform: the public pages work without
// signing in, a certification reviewer works a case from the queue, and an admin imports a CSV file.
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { poll, useBrowser, signInPage } from '../support/browser';
import { expectAccessible, screenshot } from '../support/page-checks';

const gateway = inject('gatewayUrl');
const browser = useBrowser();

describe('public pages', () => {
  it('looks a certified person up in the registry without signing in, from the sign-in page', async () => {
    const page = await browser().newPage();
    await page.goto(`${gateway}/signin`);
    await page.getByTestId('public-nav').getByRole('link', { name: 'Registry look-up' }).click();
    await page.waitForURL(/\/registry$/);
    await page.getByLabel('Name', { exact: true }).fill('Okafor');
    await page.getByLabel('County', { exact: true }).fill('Durham');
    await page.getByRole('button', { name: 'Search registry' }).click();
    const row = page.getByTestId('registry-row').filter({ hasText: 'NC-CPSS-000101' });
    await poll(() => row.count()).toBe(1);
    const text = await row.innerText();
    expect(text).toContain('Okafor');
    expect(text).toContain('Durham');
    expect(await row.getByTestId('registry-status').innerText()).not.toBe('');
    await expectAccessible(page, 'registry look-up');
    await screenshot(page, 'public-registry');
    // Still signed out: the page never sent the visitor to sign in.
    expect(page.url()).toMatch(/\/registry$/);
    expect(await page.getByTestId('public-signin').isVisible()).toBe(true);

    // And by number, with an unknown number answered plainly.
    await page.getByLabel('Certification number', { exact: true }).fill('NC-CPSS-999999');
    await page.getByRole('button', { name: 'Look up number' }).click();
    await poll(() => page.getByTestId('registry-empty').innerText()).toContain('NC-CPSS-999999');
    await page.close();
  });

  it('lists upcoming training, filtered, and answers an unknown certificate code', async () => {
    const page = await browser().newPage();
    await page.goto(`${gateway}/training`);
    const rows = page.getByTestId('catalog-row');
    await poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    await page.getByLabel('Delivery').selectOption('virtual');
    await poll(() => page.getByTestId('catalog-count').innerText()).toMatch(/of 1 session/);
    expect(await rows.first().innerText()).toContain('Virtual');
    await expectAccessible(page, 'find training');
    await screenshot(page, 'public-training-catalog');

    await page.getByTestId('nav-verify').click();
    await page.getByLabel('Verification code').fill('NO-SUCH-CODE');
    await page.getByRole('button', { name: 'Verify' }).click();
    await poll(() => page.getByTestId('verify-unknown').innerText()).toContain('NO-SUCH-CODE');
    await expectAccessible(page, 'verify a certificate');
    await page.close();
  });

  it('shows the server\'s field reasons on the complaint form, then the reference number', async () => {
    const page = await browser().newPage();
    await page.goto(`${gateway}/complaint`);
    await page.getByLabel('Name, role and workplace of the person').fill('A peer support specialist at a Raleigh clinic');
    await page.getByLabel('When did it happen?').fill('2026-10-01');
    await page.getByLabel('What happened?').fill('Asked me for a personal loan during a support session.');
    await page.getByLabel('Your name').fill('Pat Browser');
    await page.getByRole('button', { name: 'File the complaint' }).click();
    // No way to reach the complainant: the server's reason shows next to the contact fields.
    await poll(() => page.getByTestId('complainant-error').innerText()).toContain('email');
    expect(await page.getByRole('alert').first().innerText()).toContain('correct');
    await expectAccessible(page, 'file a complaint, with errors');
    await screenshot(page, 'public-complaint-errors');
    await page.getByLabel('Email').fill('pat.browser@example.org');
    await page.getByRole('button', { name: 'File the complaint' }).click();
    await poll(() => page.getByTestId('complaint-reference').innerText()).toMatch(/\S+/);
    await screenshot(page, 'public-complaint-filed');
    await page.close();
  });
});

async function signIn(email: string) {
  return signInPage(browser(), gateway, email);
}

describe('certification reviewer', () => {
  it('opens an application from the queue and sees its eligibility checklist, fees and timeline', async () => {
    const page = await signIn('reviewer@demo.cpss');
    await page.getByTestId('nav-applications').click();
    await page.waitForURL(/\/applications$/);
    const rows = page.getByTestId('queue-row');
    await poll(() => rows.count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('queue-clock').first().innerText()).toMatch(/business days/);
    await expectAccessible(page, 'application queue');
    // Other suites add applications to the shared queue: each filter is checked by what it shows.
    const shown = async () => ({ count: Number((await page.getByTestId('queue-count').innerText()).match(/^(\d+)/)?.[1] ?? -1), rows: await rows.count() });
    // "All" shows cases of both statuses; each filter then shows only its own.
    await page.getByLabel('Status').selectOption('all');
    await poll(async () => {
      const texts = await rows.allInnerTexts();
      return texts.some((t) => t.includes('Incomplete')) && texts.some((t) => t.includes('Submitted'));
    }).toBe(true);
    for (const [status, words] of [['INCOMPLETE', 'Incomplete'], ['SUBMITTED', 'Submitted']] as const) {
      await page.getByLabel('Status').selectOption(status);
      await poll(async () => {
        const s = await shown();
        const texts = await rows.allInnerTexts();
        const ok = s.count >= 1 && s.count === texts.length && texts.every((t) => t.includes(words));
        return ok ? 'ok' : `${status}: ${s.count}; rows: ${texts.map((t) => t.replace(/\s+/g, ' ')).join(' // ')}`;
      }).toBe('ok');
    }

    await rows.first().getByRole('link').click();
    await page.waitForURL(/\/applications\/[0-9a-f-]+$/);
    const checklist = page.getByTestId('checklist-row');
    await poll(() => checklist.count()).toBeGreaterThanOrEqual(5);
    const age = checklist.filter({ hasText: 'Minimum age' });
    expect(await age.count()).toBe(1);
    expect(await age.getByTestId('checklist-met').innerText()).toMatch(/Met|Not met/);
    expect(await page.getByTestId('fees').innerText()).toContain('$');
    expect(await page.getByTestId('timeline').innerText()).toContain('Submitted');
    await expectAccessible(page, 'application');
    await screenshot(page, 'reviewer-application');
    await page.close();
  });

  it('says someone else changed the case when acting on a stale version', async () => {
    const first = await signIn('reviewer@demo.cpss');
    await first.goto(`${gateway}/applications`);
    await first.getByLabel('Status').selectOption('SUBMITTED');
    const link = first.getByTestId('queue-row').first().getByRole('link');
    await link.waitFor();
    const href = (await link.getAttribute('href'))!;
    await first.goto(`${gateway}${href}`);
    const second = await signIn('reviewer@demo.cpss');
    await second.goto(`${gateway}${href}`);
    await second.getByTestId('application-actions').waitFor();

    await first.getByRole('button', { name: 'Start review' }).click();
    await poll(() => first.getByTestId('application-status').innerText()).toBe('In review');
    // The timeline names who did it, as they signed in.
    await first.reload();
    await poll(() => first.getByTestId('timeline').innerText()).toContain('by Rita Reviewer');

    await second.getByLabel('Missing items, one a line').fill('Second Personal Reference Form');
    await second.getByRole('button', { name: 'Request missing items' }).click();
    await poll(() => second.getByRole('alert').first().innerText()).toContain('Someone else changed this case');
    await second.getByRole('button', { name: 'Try again' }).click();
    await poll(() => second.getByTestId('application-status').innerText()).toBe('In review');
    await screenshot(second, 'reviewer-conflict-reloaded');
    await first.close();
    await second.close();
  });
});

describe('applicant', () => {
  it('sees their own applications with status on the home page', async () => {
    const page = await signIn('applicant@demo.cpss');
    const mine = page.getByTestId('my-application');
    await poll(() => mine.count()).toBe(1);
    expect(await mine.getByTestId('my-application-status').innerText()).toMatch(/Submitted|In review|Incomplete/);
    await expectAccessible(page, 'my record');
    await screenshot(page, 'applicant-home');
    expect(await page.getByTestId('nav').innerText()).not.toContain('Applications');
    await page.goto(`${gateway}/applications`);
    await poll(() => page.getByRole('alert').first().innerText()).toContain('is for');
    await page.close();
  });
});

describe('ethics staff', () => {
  it('works the complaint queue and opens a case with its clocks and timeline', async () => {
    const page = await signIn('ethics@demo.cpss');
    await page.getByTestId('nav-complaints').click();
    await page.waitForURL(/\/complaints$/);
    const rows = page.getByTestId('complaint-row');
    await poll(() => rows.count()).toBeGreaterThanOrEqual(3);
    const reference = await rows.first().getByRole('link').innerText();
    await rows.first().getByRole('link').click();
    await page.waitForURL(/\/complaints\/[0-9a-f-]+$/);
    await poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain(reference);
    await poll(() => page.getByTestId('complaint-timeline').innerText()).toMatch(/Received/);
    expect(await page.getByTestId('complaint-summary').innerText()).not.toBe('');
    await page.close();
  });
});

describe('admin', () => {
  it('imports people and certifications: all or nothing writes nothing for a file with a bad row, valid rows only would write the rest and gives that row back; only admins get the page', async () => {
    // The shared platform keeps what every suite wrote: numbers and emails unique to this run. The
    // valid-rows run is a dry run (its counts say what it would write): other suites count the
    // demo people (federation.test.ts), so this one adds none.
    const stamp = String(Date.now()).slice(-6);
    const number = (n: number) => `NC-CPSS-9${stamp}${n}`;
    const fileName = `people-${stamp}.csv`;
    const csv = [
      'certification_number,legal_name,preferred_name,date_of_birth,email,phone,county,issued_on,last_certified_on,due_on,status,status_effective_on,designations',
      `${number(1)},Imported Person One,,1980-04-02,import.one.${stamp}@example.org,,Wake,2025-03-01,,2028-03-01,ACTIVE,,`,
      // Line 3: a date of birth that is no date.
      `${number(2)},Imported Person Two,,1979-13-40,import.two.${stamp}@example.org,,Wake,2025-03-01,,2028-03-01,ACTIVE,,`,
      `${number(3)},Imported Person Three,Tree,1985-07-30,import.three.${stamp}@example.org,,Durham,2025-06-01,,2028-06-01,ACTIVE,,`,
    ].join('\r\n');
    const page = await signIn('admin@demo.cpss');
    await page.getByTestId('nav-import').click();
    await page.waitForURL(/\/import$/);
    expect(await page.getByLabel('What the file holds').inputValue()).toBe('PEOPLE_CERTIFICATIONS');
    expect(await page.getByLabel('All or nothing').isChecked()).toBe(true);
    // The template is the header the platform takes (the same one this file has, accepted below).
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the template' }).click()]);
    expect(template.suggestedFilename()).toBe('people-certifications-template.csv');
    expect(readFileSync((await template.path())!, 'utf8')).toBe(`${csv.split('\r\n')[0]}\r\n`);
    await page.getByLabel('CSV file').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Start the import' }).click();

    // All or nothing: rejected, the bad row named by its line and column, nothing created.
    const status = page.getByTestId('import-status');
    await poll(() => status.innerText()).toMatch(/Rejected: nothing was written/);
    const problem = page.locator('[data-testid="import-problem"][data-line="3"]');
    await poll(() => problem.count()).toBeGreaterThanOrEqual(1);
    expect(await problem.first().getByTestId('import-problem-column').innerText()).toBe('date_of_birth');
    expect(await page.getByTestId('import-created').innerText()).toBe('0');
    await expectAccessible(page, 'import, rejected');
    await screenshot(page, 'admin-import-rejected');

    // Valid rows only, checked: the two good rows would be created, the bad one comes back in the error file.
    await page.getByLabel('Import the valid rows and give me the rest').check();
    await page.getByLabel('Check only (dry run)').check();
    await page.getByRole('button', { name: 'Check the file' }).click();
    await poll(() => status.innerText()).toBe('Checked: nothing was written (dry run)');
    expect(await page.getByTestId('import-created').innerText()).toBe('2');
    expect(await page.getByTestId('import-rejected').innerText()).toBe('1');
    const link = page.getByTestId('import-error-file');
    expect(await link.getAttribute('download')).toBe(`people-${stamp}-errors.csv`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`people-${stamp}-errors.csv`);
    const errors = readFileSync((await download.path())!, 'utf8');
    expect(errors.split(/\r?\n/)[0]).toMatch(/,error$/);
    expect(errors).toContain(number(2));
    expect(errors).not.toContain(number(1));
    // The run is listed among the recent imports.
    await poll(() => page.getByTestId('import-recent-row').filter({ hasText: fileName }).count()).toBe(2);
    await screenshot(page, 'admin-import-done');

    // Past disciplinary actions (ethics): their own columns and template; checked through the gateway
    // (ethics asks certification who holds each number): the demo's certification is found, a number
    // nobody holds is its line's problem. A dry run: the shared platform keeps no sanction from it.
    await page.getByLabel('What the file holds').selectOption('DISCIPLINARY_ACTIONS');
    expect(await page.getByTestId('import-columns').innerText()).toContain('action_reference');
    const [actionsTemplate] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the template' }).click()]);
    expect(actionsTemplate.suggestedFilename()).toBe('disciplinary-actions-template.csv');
    const actionsHeader = readFileSync((await actionsTemplate.path())!, 'utf8');
    expect(actionsHeader).toBe('action_reference,certification_number,kind,decided_on,effective_from,effective_until,public,summary\r\n');
    const actions = [actionsHeader.trim(), `DA-${stamp}-1,NC-CPSS-000101,PROBATION,2020-02-03,2020-02-10,2020-08-10,yes,Probation with supervision.`, `DA-${stamp}-2,NC-CPSS-9${stamp}9,REVOCATION,2021-03-04,2021-03-04,,yes,`].join('\r\n');
    await page.getByLabel('CSV file').setInputFiles({ name: `actions-${stamp}.csv`, mimeType: 'text/csv', buffer: Buffer.from(actions) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await poll(() => page.locator('#import-run-title').innerText()).toBe(`Import of actions-${stamp}.csv`);
    await poll(() => status.innerText()).toBe('Checked: nothing was written (dry run)');
    expect(await page.getByTestId('import-created').innerText()).toBe('1');
    const unknownHolder = page.locator('[data-testid="import-problem"][data-line="3"]');
    expect(await unknownHolder.first().getByTestId('import-problem-column').innerText()).toBe('certification_number');
    // The recent imports list every domain's runs.
    await poll(() => page.getByTestId('import-recent-row').filter({ hasText: `actions-${stamp}.csv` }).count()).toBe(1);
    expect(await page.getByTestId('import-recent-row').filter({ hasText: fileName }).count()).toBe(2);
    await page.close();

    // Anyone else: no link, and the page says whose it is.
    const reviewer = await signIn('reviewer@demo.cpss');
    expect(await reviewer.getByTestId('nav-import').count()).toBe(0);
    await reviewer.goto(`${gateway}/import`);
    await poll(() => reviewer.getByRole('alert').first().innerText()).toContain('is for');
    await reviewer.close();
  });
});
