// Ethics staff and the admin's policy screens in a real Chromium against the running platform:
// ethics staff record a complaint that came by phone and take it through the whole case flow,
// seeing status, timeline and clocks change after each step and the server's refusals with their
// reasons; the admin reads the three domains' policy versions and adds one effective in the future.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { poll, useBrowser, signInPage } from '../support/browser';
import { expectAccessible, screenshot } from '../support/page-checks';

const gateway = inject('gatewayUrl');
const browser = useBrowser();

async function signIn(email: string): Promise<Page> {
  return signInPage(browser(), gateway, email);
}

/** A field's label, with or without the asterisk Mantine adds to a required field. */
const labelled = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);

/** Picks an option of a Mantine Select (a combobox whose options show on click). */
async function choose(page: Page, label: string, option: string) {
  await page.locator('input').and(page.getByLabel(labelled(label))).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** How far the page's own content (not the shared header) reaches past the viewport's right edge, in px. */
const mainOverflow = (page: Page) =>
  page.evaluate(() => Math.max(0, ...[...document.querySelectorAll('#main *')].map((e) => e.getBoundingClientRect().right)) - document.documentElement.clientWidth);

const isoDaysFromToday = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('ethics staff', () => {
  it('records a phone complaint and takes the case from acknowledgment to closing, with the server refusing out-of-turn steps', async () => {
    const page = await signIn('ethics@demo.cpss');
    const suffix = randomUUID().slice(0, 8);
    const summary = `Asked a participant for a loan after group (${suffix}).`;

    await page.getByTestId('nav-complaints').click();
    await page.waitForURL(/\/complaints$/);
    await poll(() => page.getByTestId('complaint-row').count()).toBeGreaterThanOrEqual(1);
    await expectAccessible(page, 'complaint queue');
    await page.getByRole('link', { name: 'Record a complaint' }).click();
    await page.waitForURL(/\/complaints\/new$/);
    await page.getByRole('heading', { level: 1, name: 'Record a complaint' }).waitFor();
    await expectAccessible(page, 'record a complaint');

    // First attempt: no respondent and no way to reach the complainant. The server's reasons show
    // next to the fields they are about.
    await page.getByText('Phone', { exact: true }).click();
    expect(await page.getByRole('radio', { name: 'Phone', exact: true }).isChecked()).toBe(true);
    await page.getByLabel('When did it happen?').fill(isoDaysFromToday(-20));
    await page.getByLabel('What happened?').fill(summary);
    await page.getByLabel('Complainant’s name').fill(`Jordan Caller ${suffix}`);
    await page.getByRole('button', { name: 'Record the complaint' }).click();
    await poll(() => page.getByTestId('respondent-description-error').innerText()).toContain('say whom the complaint is about');
    expect(await page.getByTestId('complainant-error').innerText()).toContain('email');
    expect(page.url()).toMatch(/\/complaints\/new$/);
    await screenshot(page, 'ethics-record-complaint-refused');

    await page.getByLabel('Name, role and workplace of the respondent').fill(`A CPSS at a Durham clinic (${suffix})`);
    await page.getByLabel('Complainant’s phone').fill('919-555-0142');
    await page.getByRole('button', { name: 'Add an allegation' }).click();
    await choose(page, 'Allegation 1: principle', '6. No dual relationships');
    await page.getByLabel('Allegation 1: what was done').fill('Asked for a personal loan.');
    await page.getByRole('button', { name: 'Record the complaint' }).click();

    // The new case opens: received, with the acknowledgment clock running.
    await page.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
    const status = page.getByTestId('complaint-status');
    const timeline = page.getByTestId('complaint-timeline');
    const clock = (step: string) => page.locator(`[data-testid="complaint-clock"][data-step="${step}"]`);
    await poll(() => status.innerText()).toBe('Received');
    expect(await page.getByTestId('complaint-recorded').innerText()).toMatch(/ETH-\d{4}-\d{6} recorded/);
    expect(await page.getByTestId('complaint-summary').innerText()).toBe(summary);
    expect(await timeline.innerText()).toContain('received by phone');
    expect(await clock('ACKNOWLEDGMENT').getByTestId('complaint-clock-done').innerText()).toBe('Running');
    expect(await page.getByTestId('complaint-allegations').innerText()).toContain('No dual relationships');
    const reference = (await page.getByRole('heading', { level: 1 }).innerText()).match(/ETH-\d{4}-\d{6}/)![0];
    await expectAccessible(page, 'complaint case (received)');

    // Acknowledge: the acknowledgment clock stops, triage's starts.
    await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await poll(() => status.innerText()).toBe('Acknowledged');
    await poll(() => timeline.innerText()).toContain('Received → Acknowledged');
    expect(await clock('ACKNOWLEDGMENT').getByTestId('complaint-clock-done').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await clock('TRIAGE').getByTestId('complaint-clock-done').innerText()).toBe('Running');
    expect(await page.getByTestId('complaint-action-done').innerText()).toBe('Complaint acknowledged.');
    // Only the steps the flow allows are offered: no findings or outcome yet.
    expect(await page.getByTestId('step-findings').count()).toBe(0);
    expect(await page.getByTestId('step-outcome').count()).toBe(0);

    // Triage without choosing a level is stopped here; then an investigation.
    await page.getByRole('button', { name: 'Triage', exact: true }).click();
    await poll(() => page.getByTestId('step-triage').innerText()).toContain('choose a level of response');
    await page.getByRole('radio', { name: 'Investigation', exact: true }).check();
    await page.getByRole('button', { name: 'Triage', exact: true }).click();
    await poll(() => status.innerText()).toBe('Triaged');
    await poll(() => timeline.innerText()).toContain('Acknowledged → Triaged');
    expect(await page.getByTestId('complaint-triage').innerText()).toBe('Investigation');
    expect(await clock('TRIAGE').getByTestId('complaint-clock-done').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Refer: the server wants someone to refer to, and says so next to the field.
    await page.getByLabel('Referred to').fill('');
    await page.getByRole('button', { name: 'Refer for investigation' }).click();
    await poll(() => page.getByTestId('referred-to-error').innerText()).toMatch(/\S/);
    await page.getByLabel('Referred to').fill('Division program-integrity team');
    await page.getByRole('button', { name: 'Refer for investigation' }).click();
    await poll(() => status.innerText()).toBe('Referred for investigation');
    await poll(() => clock('INVESTIGATION').getByTestId('complaint-clock-done').innerText()).toBe('Running');
    expect(await timeline.innerText()).toContain('Triaged → Referred for investigation');

    // Notify the respondent, then record their response: the response clock starts and stops.
    await page.getByRole('button', { name: 'Record notice to the respondent' }).click();
    await poll(() => clock('RESPONDENT_RESPONSE').getByTestId('complaint-clock-done').innerText()).toBe('Running');
    expect(await timeline.innerText()).toContain('respondent notified');
    await page.getByLabel('The response (confidential)').fill('I did ask; I have apologised and will not do it again.');
    await page.getByRole('button', { name: 'Record the response' }).click();
    await poll(() => clock('RESPONDENT_RESPONSE').getByTestId('complaint-clock-done').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByTestId('complaint-response').innerText()).toContain('apologised');
    expect(await timeline.innerText()).toContain('respondent responded');

    // Findings: substantiated; the investigation clock stops.
    await page.getByRole('radio', { name: 'Substantiated', exact: true }).check();
    await page.getByLabel('Findings (confidential)').fill(`Substantiated by the respondent's own account (${suffix}).`);
    await page.getByRole('button', { name: 'Record findings' }).click();
    await poll(() => status.innerText()).toBe('Findings recorded');
    await poll(() => timeline.innerText()).toContain('Referred for investigation → Findings recorded');
    expect(await clock('INVESTIGATION').getByTestId('complaint-clock-done').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Outcome: probation with a start in the past is refused, with the reason next to the date.
    await choose(page, 'Outcome', 'Probation');
    await page.getByLabel('Why (sent with the notice)').fill('A dual relationship with a person served.');
    await page.getByLabel('Sanction effective from').fill('2020-01-02');
    await page.getByLabel('Sanction effective until').fill(isoDaysFromToday(120));
    await page.getByLabel('Conditions of the probation').fill('Monthly supervision for six months.');
    await page.getByRole('button', { name: 'Decide the outcome' }).click();
    await poll(() => page.getByTestId('outcome-effectiveFrom-error').innerText()).toContain('must not be in the past');
    expect(await status.innerText()).toBe('Findings recorded');
    await screenshot(page, 'ethics-outcome-refused');

    // Corrective action is refused too: the respondent is not linked to a person, so no sanction.
    await choose(page, 'Outcome', 'Corrective action (mandated training)');
    await page.getByLabel('Sanction effective from').fill('');
    await page.getByLabel('Mandated training').fill('Ethics and Peer Support Boundaries');
    await page.getByLabel('Training due on').fill(isoDaysFromToday(90));
    await page.getByRole('button', { name: 'Decide the outcome' }).click();
    await poll(() => page.getByTestId('step-outcome-error-unmet').innerText()).toContain('a sanction needs the respondent linked to a person');

    // No action: decided, the appeal window opens.
    await choose(page, 'Outcome', 'No action');
    await page.getByRole('button', { name: 'Decide the outcome' }).click();
    await poll(() => status.innerText()).toBe('Outcome decided');
    await poll(() => clock('APPEAL_WINDOW').getByTestId('complaint-clock-done').innerText()).toBe('Running');
    expect(await page.getByTestId('complaint-outcome').innerText()).toMatch(/^No action \(appeal by \d{4}-\d{2}-\d{2}\)$/);
    expect(await timeline.innerText()).toContain('Findings recorded → Outcome decided');

    // Closing while the appeal window is open: the server refuses and says why.
    await page.getByRole('button', { name: 'Close the case' }).click();
    await poll(() => page.getByTestId('step-close-error').innerText()).toContain('The appeal window is open until');
    expect(await page.getByTestId('step-close-error-unmet').innerText()).toContain('an appeal may still be filed');
    expect(await status.innerText()).toBe('Outcome decided');
    await screenshot(page, 'ethics-close-refused');

    // The appeal, its decision, and closing.
    await page.getByLabel('Grounds of the appeal (confidential)').fill('The complainant says the outcome is too lenient.');
    await page.getByRole('button', { name: 'Record the appeal' }).click();
    await poll(() => status.innerText()).toBe('Appealed');
    await poll(() => clock('APPEAL_WINDOW').getByTestId('complaint-clock-done').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByRole('radio', { name: 'Upheld', exact: true }).check();
    await page.getByLabel('Reason for the appeal decision').fill('The findings support no further action.');
    await page.getByRole('button', { name: 'Decide the appeal' }).click();
    await poll(() => status.innerText()).toBe('Appeal decided');
    expect(await timeline.innerText()).toContain('Appealed → Appeal decided');
    await page.getByRole('button', { name: 'Close the case' }).click();
    await poll(() => status.innerText()).toBe('Closed');
    await poll(() => timeline.innerText()).toContain('Appeal decided → Closed');
    expect(await page.getByTestId('complaint-actions').count()).toBe(0);
    await expectAccessible(page, 'complaint case (closed)');
    await screenshot(page, 'ethics-case-closed');

    // The closed case is in the queue's closed view under its reference.
    await page.getByRole('link', { name: '← Complaints' }).click();
    await page.getByLabel('Reference number').fill(reference);
    const row = page.getByTestId('complaint-row').filter({ hasText: reference });
    await poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('Closed');
    await page.close();
  });

  it('works a case at tablet width: a stale page is told someone else changed it; triage links the respondent', async () => {
    const page = await signIn('ethics@demo.cpss');
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${gateway}/complaints`);
    await poll(() => page.getByTestId('complaint-row').count()).toBeGreaterThanOrEqual(1);
    await page.getByRole('link', { name: 'Record a complaint' }).click();
    const suffix = randomUUID().slice(0, 8);
    await page.getByLabel('Name, role and workplace of the respondent').fill(`A trainer in Onslow County (${suffix})`);
    await choose(page, 'Who is the complaint about?', 'A trainer');
    await page.getByLabel('When did it happen?').fill(isoDaysFromToday(-3));
    await page.getByLabel('What happened?').fill(`Ended a session two hours early (${suffix}).`);
    await page.getByLabel('Complainant’s name').fill('Robin Letter');
    await page.getByLabel('Postal address').fill('1 Main St, Raleigh NC');
    await page.getByText('Mail', { exact: true }).click();
    await page.getByRole('button', { name: 'Record the complaint' }).click();
    await page.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
    const status = page.getByTestId('complaint-status');
    await poll(() => status.innerText()).toBe('Received');
    expect(await page.getByTestId('complaint-timeline').innerText()).toContain('received by mail');

    // A second tab on the same case, then the first acknowledges: the second is now stale.
    const other = await browser().newPage({ viewport: { width: 768, height: 1024 }, storageState: await page.context().storageState() });
    await other.goto(page.url());
    await poll(() => other.getByTestId('complaint-status').innerText()).toBe('Received');
    await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await poll(() => status.innerText()).toBe('Acknowledged');
    await other.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await poll(() => other.getByTestId('step-acknowledge-error').innerText()).toContain('Someone else changed this case');
    await other.getByRole('button', { name: 'Reload the case' }).click();
    await poll(() => other.getByTestId('complaint-status').innerText()).toBe('Acknowledged');
    expect(await other.getByTestId('step-acknowledge').count()).toBe(0);
    await other.close();

    // Triage for a desk review, linking the respondent to a person found by name.
    await page.getByRole('radio', { name: 'Desk review (by the program)', exact: true }).check();
    await page.locator('input').and(page.getByLabel(labelled('Link the respondent to a person (optional)'))).fill('Jacobs');
    await page.getByRole('option', { name: /Harold Jacobs/ }).click();
    await page.getByRole('button', { name: 'Triage', exact: true }).click();
    await poll(() => status.innerText()).toBe('Triaged');
    expect(await page.getByTestId('complaint-facts').innerText()).toContain('Harold Jacobs');
    expect(await page.getByTestId('complaint-triage').innerText()).toBe('Desk review (by the program)');
    // A desk review may go straight to findings; the linked respondent's cooperation can be recorded.
    expect(await page.getByTestId('step-findings').count()).toBe(1);
    await page.getByRole('radio', { name: 'Cooperating', exact: true }).check();
    await page.getByRole('button', { name: 'Record cooperation' }).click();
    await poll(() => page.getByTestId('complaint-facts').innerText()).toContain('Cooperating');
    expect(await page.getByTestId('complaint-timeline').innerText()).toContain('Acknowledged → Triaged');

    // Nothing wider than the viewport: the page reflows instead of scrolling sideways.
    expect(await mainOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'complaint case at tablet width');
    await screenshot(page, 'ethics-case-tablet');

    // Back in the queue (loaded before the complaint was recorded), the new case is listed as triaged.
    const reference = (await page.getByRole('heading', { level: 1 }).innerText()).match(/ETH-\d{4}-\d{6}/)![0];
    await page.getByRole('link', { name: '← Complaints' }).click();
    const row = page.getByTestId('complaint-row').filter({ hasText: reference });
    await poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('Desk review');
    await page.close();
  });
});

describe('admin policies', () => {
  it('reads each domain’s versions and adds a training version effective in the future', async () => {
    const page = await signIn('admin@demo.cpss');
    // Admins read complaint cases but do not work them.
    await page.getByTestId('nav-complaints').click();
    await poll(() => page.getByTestId('complaint-row').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByRole('link', { name: 'Record a complaint' }).count()).toBe(0);

    await page.getByTestId('nav-policies').click();
    await page.waitForURL(/\/policies/);

    // Certification: versions with the one in force marked, values as a table.
    const versions = page.getByTestId('policy-version');
    await poll(() => versions.count()).toBeGreaterThanOrEqual(2);
    const current = page.locator('[data-testid="policy-version"][data-in-force]');
    expect(await current.count()).toBe(1);
    expect(await current.getByTestId('policy-version-status').innerText()).toMatch(/In force today/i);
    expect(await current.locator('[data-path="recoveryMonths"]').innerText()).toContain('18');
    expect(await current.locator('[data-path="feesCents.application"]').innerText()).toContain('$20.00');
    await expectAccessible(page, 'policies (certification)');

    await page.getByRole('tab', { name: 'Ethics' }).click();
    await poll(() => page.locator('[data-testid="policy-version"][data-in-force] [data-path="appealWindowBusinessDays"]').count()).toBe(1);
    expect(await page.locator('[data-testid="policy-version"][data-in-force] [data-path="appealWindowBusinessDays"]').innerText()).toMatch(/\d+/);

    await page.getByRole('tab', { name: 'Training' }).click();
    await poll(() => page.locator('[data-testid="policy-version"][data-in-force] [data-path="submissionWindows"]').count()).toBe(1);
    expect(await page.locator('[data-testid="policy-version"][data-in-force] [data-path="submissionWindows"]').innerText()).toContain('Apr 1 – Apr 7');
    await expectAccessible(page, 'policies (training)');

    // Add a version: a bad number first, refused with the server's reason next to the field.
    await page.getByRole('button', { name: 'Add a training policy version' }).click();
    const form = page.getByTestId('policy-version-form');
    await form.waitFor();
    const capacity = form.getByLabel('Default class capacity');
    const before = Number(await capacity.inputValue());
    expect(before).toBeGreaterThan(0);
    // A unique future date, so reruns against one database never collide.
    const effectiveFrom = isoDaysFromToday(400 + Math.floor(Math.random() * 3000));
    // A past date is accepted by the server but would change undecided cases: the form warns.
    await form.getByLabel(labelled('Effective from')).fill('2024-06-01');
    await poll(() => page.getByTestId('policy-past-warning').count()).toBe(1);
    await form.getByLabel(labelled('Effective from')).fill(effectiveFrom);
    expect(await page.getByTestId('policy-past-warning').count()).toBe(0);
    await form.getByLabel(labelled('Note')).fill('Smaller classes (browser test)');
    await capacity.fill('0');
    await form.getByRole('button', { name: 'Add the version' }).click();
    await poll(() => page.getByTestId('policy-field-defaultClassCapacity-error').innerText()).toMatch(/\S/);
    expect(await page.getByTestId('policy-version-error').innerText()).toContain('correct the fields');
    await expectAccessible(page, 'policies (add a version, refused)');
    await screenshot(page, 'admin-policy-refused');

    const changed = before === 16 ? 15 : 16;
    await capacity.fill(String(changed));
    await poll(() => form.getByTestId('policy-changed-count').innerText()).toContain('1 setting differs');
    await form.getByRole('button', { name: 'Add the version' }).click();
    await poll(() => page.getByTestId('policy-added').innerText()).toContain(`Version effective from ${effectiveFrom} added.`);
    const added = page.locator(`[data-testid="policy-version"][data-effective-from="${effectiveFrom}"]`);
    await poll(() => added.count()).toBe(1);
    expect(await added.getByTestId('policy-version-status').innerText()).toMatch(/Scheduled/i);
    expect(await added.locator('[data-path="defaultClassCapacity"] [data-testid="policy-value-text"]').innerText()).toBe(String(changed));
    // The version in force today is unchanged.
    expect(await page.locator('[data-testid="policy-version"][data-in-force] [data-path="defaultClassCapacity"] [data-testid="policy-value-text"]').innerText()).toBe(String(before));
    await screenshot(page, 'admin-policy-added');

    // The same date again is refused, with the reason next to the date.
    await page.getByRole('button', { name: 'Add a training policy version' }).click();
    await form.getByLabel(labelled('Effective from')).fill(effectiveFrom);
    await form.getByLabel(labelled('Note')).fill('Duplicate date (browser test)');
    await form.getByRole('button', { name: 'Add the version' }).click();
    await poll(() => page.getByTestId('policy-effective-from-error').innerText()).toContain(`a version already takes effect on ${effectiveFrom}`);

    // At tablet width the versions still read without sideways scrolling of the page.
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await mainOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'admin-policies-tablet');
    await page.close();
  });
});
