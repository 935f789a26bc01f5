// The applicant's and the CPSS's own screens in a real Chromium: a first application through every
// step (the draft saved as it goes and resumed after a reload, an upload, a refused upload with the
// server's reason, submit, then the status and the eligibility checklist), and a renewal of a
// certification (the window, the hours done against the hours required, the renewal started).
// The first application is Isabel Ortiz's (applicant2@demo.cpss): trained this year, no
// application yet.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { poll, useBrowser, signInPage } from '../support/browser';
import { graphql, signIn as apiSignIn } from '../support/client';
import { expectAccessible, screenshot } from '../support/page-checks';

const sharedGateway = inject('gatewayUrl');
const browser = useBrowser();

async function signIn(gateway: string, email: string): Promise<Page> {
  return signInPage(browser(), gateway, email);
}

const stepTitle = (page: Page) => page.getByTestId('step-title').innerText();
const saveState = (page: Page) => page.getByTestId('save-status').getAttribute('data-state');
const savedAt = async (page: Page) => Number((await page.getByTestId('save-status').getAttribute('data-saved-at')) ?? 0);

async function chooseFile(page: Page, label: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByLabel(label).click()]);
  await chooser.setFiles(file);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

describe('applicant', () => {
  it('applies through every step: saves the draft, resumes it after a reload, uploads, submits, sees the status and checklist, then supplies what a reviewer asked for', async () => {
    const gateway = sharedGateway;
    const suffix = Math.random().toString(36).slice(2, 8);
    const page = await signIn(gateway, 'applicant2@demo.cpss');
    await page.getByTestId('nav-apply').click();
    await page.waitForURL(/\/apply$/);
    await page.getByRole('button', { name: 'Start a new application' }).waitFor();
    await expectAccessible(page, 'apply: start');
    await page.getByRole('button', { name: 'Start a new application' }).click();
    await page.waitForURL(/\/apply\?application=[0-9a-f-]+$/);
    const applicationUrl = page.url();
    await poll(() => stepTitle(page)).toContain('Personal details');
    expect(await page.getByTestId('applicant-status').textContent()).toBe('Draft');

    // Step 1: personal details; moving on saves the draft.
    await page.getByLabel('Work history (optional)').fill(`Peer volunteer at a recovery center (${suffix})`);
    await page.getByRole('button', { name: 'Next: Recovery' }).click();
    await poll(() => stepTitle(page)).toContain('Recovery');
    await poll(() => saveState(page)).toBe('saved');
    const savedOnStepChange = await savedAt(page);

    // Step 2: the attestation and the (sensitive) statement, saved a moment after typing stops.
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByLabel('When did your recovery start?').fill('2020-01-15');
    await page.getByLabel('Your recovery statement').fill(`My recovery began in 2020; peer support helped me and I want to offer the same (${suffix}).`);
    await page.getByLabel('I attest that this recovery statement is my own work').check();
    await expectAccessible(page, 'apply: recovery step');
    await poll(() => savedAt(page)).toBeGreaterThan(savedOnStepChange);
    await poll(() => saveState(page)).toBe('saved');

    // Leave and come back: the same step, with what was typed.
    await page.goto(`${gateway}/`);
    await page.getByTestId('nav-apply').click();
    await page.waitForURL(applicationUrl);
    await poll(() => stepTitle(page)).toContain('Recovery');
    expect(await page.getByLabel('Your recovery statement').inputValue()).toContain(suffix);
    await page.reload();
    await poll(() => stepTitle(page)).toContain('Recovery');
    expect(await page.getByLabel('When did your recovery start?').inputValue()).toBe('2020-01-15');
    expect(await page.getByLabel('I attest that this recovery statement is my own work').isChecked()).toBe(true);

    // The same application changed in another tab: this one is told, and takes the change on reload.
    const other = await signIn(gateway, 'applicant2@demo.cpss');
    await other.goto(applicationUrl);
    await poll(() => stepTitle(other)).toContain('Personal details');
    await other.getByLabel('Work history (optional)').fill(`Changed in another tab (${suffix})`);
    await other.getByRole('button', { name: 'Save draft' }).click();
    await poll(() => saveState(other)).toBe('saved');
    await other.close();
    await page.getByLabel('Your recovery statement').fill(`A stale edit (${suffix})`);
    await poll(() => page.getByTestId('save-error').innerText()).toContain('Someone else changed this application');
    await page.getByTestId('save-error').getByRole('button', { name: 'Reload' }).click();
    await poll(() => page.getByLabel('Your recovery statement').inputValue()).toContain('peer support helped me');
    await page.getByRole('button', { name: 'Back' }).click();
    await poll(() => page.getByLabel('Work history (optional)').inputValue()).toBe(`Changed in another tab (${suffix})`);
    await page.getByRole('button', { name: 'Next: Recovery' }).click();
    await poll(() => saveState(page)).not.toBe('error');

    // Step 3: the platform's training record counts as it is (core course included); one training
    // done elsewhere is logged.
    await page.getByRole('button', { name: 'Next: Training' }).click();
    await poll(() => stepTitle(page)).toContain('Training');
    await poll(() => page.getByTestId('training-record-row').count()).toBeGreaterThanOrEqual(3);
    await poll(() => page.getByTestId('core-on-record').innerText()).toContain('NC Peer Support Specialist Training');
    const logRows = await page.getByTestId('training-log-row').count();
    await page.getByRole('button', { name: 'Add a training entry' }).click();
    await page.getByLabel(`Training ${logRows + 1}: topic`).fill('Person Centered Thinking');
    await page.getByLabel(`Training ${logRows + 1}: hours`).fill('6');
    await page.getByLabel(`Training ${logRows + 1}: completed on`).fill('2026-02-20');
    await poll(() => page.getByTestId('training-log-total').innerText()).toContain('6 hours logged');

    // Step 4: two references.
    await page.getByRole('button', { name: 'Next: References' }).click();
    await poll(() => stepTitle(page)).toContain('References');
    await page.getByLabel('Reference 1: name').fill('Renee Carter');
    await page.getByLabel('Reference 1: relation to you').fill('Former supervisor');
    await page.getByLabel('Reference 1: years known').fill('4');
    await page.getByLabel('Reference 2: name').fill('Marcus Hill');
    await page.getByLabel('Reference 2: relation to you').fill('Peer mentor');
    await page.getByLabel('Reference 2: years known').fill('2');
    await page.getByLabel('Reference 2 knows about my recovery').check();

    // Step 5: documents: a refused upload shows the server's reason; a PDF is accepted.
    await page.getByRole('button', { name: 'Next: Documents' }).click();
    await poll(() => stepTitle(page)).toContain('Documents');
    await page.getByLabel('Proof of education', { exact: true }).first().click();
    await page.getByRole('option', { name: 'High school diploma' }).click();
    await chooseFile(page, 'Upload a document', { name: 'certificate.txt', mimeType: 'text/plain', buffer: Buffer.from('not a certificate') });
    await page.getByTestId('document-upload').getByRole('button', { name: 'Upload', exact: true }).click();
    await poll(() => page.getByTestId('document-upload-error').innerText()).toContain('must be one of PDF, IMAGE, WORD');
    await chooseFile(page, 'Upload your proof of education', { name: `diploma-${suffix}.pdf`, mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('education-upload').getByRole('button', { name: 'Upload', exact: true }).click();
    await poll(() => page.getByTestId('education-proof-file').innerText()).toContain(`diploma-${suffix}.pdf`);
    await poll(() => page.getByTestId('uploaded-document').filter({ hasText: `diploma-${suffix}.pdf` }).count()).toBe(1);
    await expectAccessible(page, 'apply: documents step');
    await screenshot(page, 'applicant-documents-step');

    // Step 6: review what is missing, sign the Code of Ethics, submit.
    await page.getByRole('button', { name: 'Next: Review and submit' }).click();
    await poll(() => stepTitle(page)).toContain('Review and submit');
    const rows = page.getByTestId('applicant-checklist-row');
    await poll(() => rows.count()).toBeGreaterThanOrEqual(8);
    expect(await rows.filter({ hasText: 'Code of Ethics signed' }).getByTestId('applicant-checklist-met').textContent()).toBe('Not met');
    expect(await rows.filter({ hasText: 'Core PSS course' }).getByTestId('applicant-checklist-met').textContent()).toBe('Met');
    await page.getByLabel(/^I have read the .* and sign it$/).check();
    await poll(() => saveState(page)).toBe('saved');
    await poll(() => rows.filter({ hasText: 'Code of Ethics signed' }).getByTestId('applicant-checklist-met').textContent()).toBe('Met');
    await expectAccessible(page, 'apply: review step');
    await screenshot(page, 'applicant-review-step');
    await page.setViewportSize({ width: 768, height: 1024 });
    await poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await screenshot(page, 'applicant-review-step-tablet');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('submit-application').click();

    // The status, with any refusal beside it so a failure says why.
    // Submitting asks the ethics domain about pending complaints: on a cold, loaded machine the
    // first such call can take longer than the usual poll.
    const statusAndRefusal = async () => {
      const refusals = page.locator('[data-testid="submit-error"], [data-testid="save-error"]');
      return `${await page.getByTestId('applicant-status').textContent()}${(await refusals.count()) ? `: ${await refusals.allInnerTexts()}` : ''}`;
    };
    await expect.poll(statusAndRefusal, { timeout: 30_000 }).toBe('Submitted');
    expect(await page.getByTestId('applicant-status-explained').innerText()).toContain('queue');
    await poll(() => page.getByTestId('applicant-checklist-row').count()).toBeGreaterThanOrEqual(8);
    expect(await page.getByTestId('applicant-eligible').textContent()).toBe('Every required rule is met');
    expect(await page.getByTestId('applicant-fees').innerText()).toContain('$20.00');
    expect(await page.getByTestId('applicant-timeline').innerText()).toContain('Draft → Submitted');
    await page.reload();
    await poll(() => page.getByTestId('applicant-status').textContent()).toBe('Submitted');
    await expectAccessible(page, 'apply: submitted');
    await screenshot(page, 'applicant-submitted');

    // The home page links the application to this view.
    await page.getByTestId('nav-home').click();
    const mine = page.getByTestId('my-application').filter({ has: page.locator(`a[href$="${new URL(applicationUrl).search}"]`) });
    await poll(() => mine.count()).toBe(1);
    expect(await mine.getByTestId('my-application-status').innerText()).toBe('Submitted');

    // A reviewer asks for a missing item (through the API: the reviewer's screen is another suite's).
    const id = new URL(applicationUrl).searchParams.get('application')!;
    const reviewer = await apiSignIn(gateway, 'reviewer@demo.cpss');
    const read = await graphql<{ application: { version: number } }>(`${gateway}/graphql`, 'query($id: ID!) { application(id: $id) { version } }', { id }, reviewer);
    const asked = await graphql(
      `${gateway}/graphql`,
      'mutation($input: RequestMissingItemsInput!) { requestMissingItems(input: $input) { status } }',
      { input: { applicationId: id, expectedVersion: read.data!.application.version, items: [`A certificate for Person Centered Thinking (${suffix})`] } },
      reviewer,
    );
    expect(asked.errors).toBeUndefined();

    // The applicant sees what was asked for, uploads it and resubmits.
    await page.reload();
    await poll(() => mine.getByTestId('my-missing-items').innerText()).toContain(`Person Centered Thinking (${suffix})`);
    await mine.getByTestId('my-application-link').click();
    await page.waitForURL(applicationUrl);
    await poll(() => page.getByTestId('applicant-status').textContent()).toBe('Incomplete');
    expect(await page.getByTestId('applicant-missing-items').innerText()).toContain(`Person Centered Thinking (${suffix})`);
    await page.getByTestId('missing-upload').getByLabel('What is it?').click();
    await page.getByRole('option', { name: 'Training certificate' }).click();
    await chooseFile(page, 'Upload a missing document', { name: `pct-${suffix}.pdf`, mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('missing-upload').getByRole('button', { name: 'Upload', exact: true }).click();
    await poll(() => page.getByTestId('missing-upload-done').innerText()).toContain(`pct-${suffix}.pdf`);
    await expectAccessible(page, 'apply: incomplete');
    await screenshot(page, 'applicant-incomplete');
    await page.getByRole('button', { name: /Review and submit/ }).first().click();
    await poll(() => stepTitle(page)).toContain('Review and submit');
    await page.getByRole('button', { name: 'Resubmit with what was missing' }).click();
    await expect.poll(statusAndRefusal, { timeout: 30_000 }).toBe('Submitted');
    expect(await page.getByTestId('applicant-timeline').innerText()).toContain('missing items supplied');
    expect(await page.getByTestId('uploaded-document').filter({ hasText: `pct-${suffix}.pdf` }).count()).toBe(1);
    await page.close();
  }, 150_000);
});

describe('applicant with the demo application (shared platform, read only)', () => {
  it('follows the application from the home page: its status, the eligibility checklist and the timeline', async () => {
    const page = await signIn(sharedGateway, 'applicant@demo.cpss');
    const link = page.getByTestId('my-application').first().getByTestId('my-application-link');
    await link.click();
    await page.waitForURL(/\/apply\?application=[0-9a-f-]+$/);
    await poll(() => page.getByTestId('applicant-status').textContent()).toMatch(/^(Submitted|In review|Incomplete)$/);
    await poll(() => page.getByTestId('applicant-checklist-row').count()).toBeGreaterThanOrEqual(8);
    expect(await page.getByTestId('applicant-checklist-row').filter({ hasText: 'Minimum age' }).getByTestId('applicant-checklist-met').textContent()).toBe('Met');
    expect(await page.getByTestId('applicant-timeline').innerText()).toContain('Submitted');
    // Not a draft: no form to change, and nothing offered to start while it is open.
    expect(await page.getByTestId('application-form').count()).toBe(0);
    await page.getByRole('link', { name: '← All my applications' }).click();
    await poll(() => page.getByTestId('apply-application-row').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('apply-open-note').isVisible()).toBe(true);
    await expectAccessible(page, 'apply: my applications');
    await page.close();
  });
});

describe('certified peer support specialist', () => {
  it('sees the certification, its renewal window and hours against required, and starts the renewal', async () => {
    const page = await signIn(sharedGateway, 'trainer@demo.cpss');
    await page.getByTestId('nav-recertification').click();
    await page.waitForURL(/\/recertification$/);
    const cert = page.locator('[data-testid="certification"][data-number="NC-CPSS-000101"]');
    await cert.waitFor();
    expect(await cert.getByTestId('certification-due').innerText()).toBe('2027-06-30');
    expect(await cert.getByTestId('certification-status').textContent()).toMatch(/Active|Due for renewal/);
    expect(await cert.getByTestId('renewal-window').innerText()).toContain('2027-06-30');
    const total = cert.locator('[data-testid="hours-row"][data-kind="total"]');
    await total.waitFor();
    expect(await total.getByTestId('hours-required').innerText()).toBe('20');
    expect(await total.getByTestId('hours-text').innerText()).toMatch(/^\d+(\.\d+)? of 20 hours/);
    const ethics = cert.locator('[data-testid="hours-row"][data-kind="ETHICS_AND_BOUNDARIES"]');
    expect(await ethics.getByTestId('hours-required').innerText()).toBe('3');
    await expectAccessible(page, 'recertification: before renewal');

    await cert.getByRole('button', { name: 'Start my renewal' }).click();
    const renewal = cert.getByTestId('renewal');
    await poll(() => renewal.getByTestId('applicant-status').textContent()).toBe('Draft');
    await poll(() => stepTitle(page)).toContain('Training');
    expect(await renewal.getByTestId('applicant-timeline').innerText()).toContain('renewal of NC-CPSS-000101 started');

    // The renewal is kept: after a reload it is shown again, not offered to start.
    await page.reload();
    await poll(() => cert.getByTestId('renewal').getByTestId('applicant-status').textContent()).toBe('Draft');
    expect(await cert.getByRole('button', { name: 'Start my renewal' }).count()).toBe(0);
    expect(await cert.locator('[data-testid="hours-row"][data-kind="total"]').getByTestId('hours-text').innerText()).toMatch(/of 20 hours/);
    await expectAccessible(page, 'recertification: renewal started');
    await screenshot(page, 'cpss-renewal-started');

    // Submitting before the window opens (2027-04-01 for the demo certification) is refused, with
    // the rule and the day it opens. From that day on the demo dates no longer allow this check,
    // and a renewal submitted here would land in the shared reviewer queue other suites count.
    if ((await cert.getByTestId('certification-status').textContent()) === 'Active') {
      await renewal.getByRole('button', { name: /Review and submit/ }).first().click();
      await poll(() => stepTitle(page)).toContain('Review and submit');
      await renewal.getByRole('radio', { name: 'Yes' }).check();
      await renewal.getByLabel(/^I have read the .* and sign it$/).check();
      await renewal.getByRole('button', { name: 'Submit my renewal' }).click();
      await poll(() => renewal.getByTestId('submit-error-unmet').innerText()).toContain('renewal opens on 2027-04-01');
      expect(await renewal.getByTestId('applicant-status').textContent()).toBe('Draft');
    }

    // Tablet width: the page fits without sideways scrolling.
    await page.setViewportSize({ width: 768, height: 1024 });
    await poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    expect(await cert.getByTestId('renewal-hours').isVisible()).toBe(true);
    await screenshot(page, 'cpss-renewal-tablet');

    // A certified person does not apply as new: the server's reason says to renew instead.
    await page.getByTestId('nav-apply').click();
    await page.getByRole('button', { name: 'Start a new application' }).click();
    await poll(() => page.getByTestId('apply-start-error').innerText()).toContain('renew it instead');
    await page.close();
  });
});
