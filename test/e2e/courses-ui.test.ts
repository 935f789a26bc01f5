// The curriculum developer's and the training reviewer's screens in a real Chromium: a developer
// creates a course, fills the whole crosswalk, saves the work in progress (an agenda an hour short
// is kept, and named when submitting), meets the server's reason for a .txt upload, uploads the four
// required materials and submits; the training reviewer works it
// from the queue (format check, concept by concept, technical assistance), the developer reads
// the comments and resubmits once, and the reviewer approves it.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { poll, useBrowser, signInPage } from '../support/browser';
import { graphql, signIn as apiSignIn } from '../support/client';
import { expectAccessible, screenshot } from '../support/page-checks';

const gateway = inject('gatewayUrl');
const browser = useBrowser();

const suffix = Math.random().toString(36).slice(2, 8);
const TITLE = `Recovery Conversations ${suffix}`;
const PDF = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`) });
const NOT_MET_COMMENT = `Add a personal recovery story exercise ${suffix}`;
const TA_NOTES = `Please show where the recovery story is practised ${suffix}`;

let courseUrl = '';

async function signIn(email: string, width = 1280): Promise<Page> {
  return signInPage(browser(), gateway, email, { width, height: 900 });
}

/** Today in the program's time zone, as the services see it. */
function ncToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/**
 * New courses are accepted only in the policy's submission windows (April 1-7, October 1-7).
 * Outside them, the admin adds a training policy version in force from today whose windows are
 * the same plus today and tomorrow (in case the run crosses midnight); every other number is
 * unchanged, so other suites reading the policy in force still see the program's windows.
 */
beforeAll(async () => {
  const url = `${gateway}/graphql`;
  const token = await apiSignIn(gateway, 'admin@demo.cpss');
  const inForce = await graphql<{ trainingPolicyInForce: { effectiveFrom: string; values: Record<string, unknown> } }>(url, '{ trainingPolicyInForce { effectiveFrom values } }', {}, token);
  const policy = inForce.data!.trainingPolicyInForce;
  const today = ncToday();
  const tomorrow = new Date(`${today}T12:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  const monthDay = (d: Date) => ({ month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  const md = Number(today.slice(5, 7)) * 100 + Number(today.slice(8, 10));
  const windows = policy.values['submissionWindows'] as { from: { month: number; day: number }; to: { month: number; day: number } }[];
  const open = windows.some((w) => md >= w.from.month * 100 + w.from.day && md <= w.to.month * 100 + w.to.day) && policy.values['submissionsPaused'] === false;
  if (open) return;
  const added = await graphql(
    url,
    'mutation($input: AddTrainingPolicyVersionInput!) { addTrainingPolicyVersion(input: $input) { id } }',
    {
      input: {
        effectiveFrom: today,
        values: { ...policy.values, submissionWindows: [...windows, { from: monthDay(new Date(`${today}T12:00:00Z`)), to: monthDay(tomorrow) }], submissionsPaused: false },
        note: 'Browser tests: course submissions also accepted today and tomorrow',
      },
    },
    token,
  );
  expect(added.errors, 'a training policy version with a submission window open today').toBeUndefined();
});

describe('curriculum developer', () => {
  it('creates a course, fills the crosswalk, meets the server’s reasons, uploads the materials and submits', async () => {
    const page = await signIn('developer@demo.cpss');
    await page.getByTestId('nav-courses').click();
    await page.waitForURL(/\/courses$/);
    await poll(() => page.getByTestId('course-row').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('course-row').filter({ hasText: 'NC Peer Support Specialist Training' }).getByTestId('course-status').innerText()).toMatch(/approved/i);
    await expectAccessible(page, 'courses list');
    await screenshot(page, 'courses-list');

    // A new course: 6 hours face-to-face and 1 of pre-work.
    await page.getByTestId('new-course').click();
    await page.waitForURL(/\/courses\/new$/);
    await page.getByRole('button', { name: 'Create course' }).click();
    await poll(() => page.getByTestId('new-course-title-error').innerText()).toContain('title');
    await page.getByLabel('Title').fill(TITLE);
    await page.getByRole('combobox', { name: 'Kind of course' }).click();
    await page.getByRole('option', { name: 'Elective' }).click();
    await page.getByLabel('Face-to-face hours').fill('6');
    await page.getByLabel('Pre-work hours').fill('1');
    await expectAccessible(page, 'new course');
    await page.getByRole('button', { name: 'Create course' }).click();
    await page.waitForURL(/\/courses\/[0-9a-f-]{36}$/);
    courseUrl = page.url();
    await poll(() => page.getByTestId('course-title').innerText()).toBe(TITLE);
    expect(await page.getByTestId('course-status').innerText()).toMatch(/draft/i);

    // The agenda (pre-work is prefilled as day 0) and the whole crosswalk.
    await page.getByRole('button', { name: 'Start the submission' }).click();
    await page.getByTestId('content-editor').waitFor();
    await page.getByLabel('Block title 1', { exact: true }).fill('Reading: recovery stories');
    await page.getByLabel('Block title 2', { exact: true }).fill('Morning: listening and hope');
    await page.getByLabel('Hours of block 2', { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Add agenda block' }).click();
    await page.getByLabel('Block title 3', { exact: true }).fill('Afternoon: ethics and culture');
    await page.getByLabel('Hours of block 3', { exact: true }).fill('2'); // one hour short of the course
    const concepts = page.locator('[data-testid^="crosswalk-concept-"]');
    const count = await concepts.count();
    expect(count).toBeGreaterThanOrEqual(9);
    for (let i = 0; i < count; i++) {
      const concept = concepts.nth(i);
      await concept.getByLabel(/^Module \/ page/).fill(`Module ${i + 1}, page ${10 + i}`);
      await concept.getByLabel(/^Agenda block/).fill(i % 2 ? 'Day 1: Morning: listening and hope' : 'Day 1: Afternoon: ethics and culture');
    }
    await poll(() => page.getByTestId('crosswalk-progress').innerText()).toBe(`${count} of ${count} concepts filled`);
    expect(await page.getByTestId('agenda-total').innerText()).toMatch(/does not match/i);

    // Nothing is on the server yet; leaving and coming back restores the work from this browser.
    await page.reload();
    await page.getByRole('button', { name: 'Start the submission' }).click();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByTestId('crosswalk-progress').innerText()).toBe(`${count} of ${count} concepts filled`);
    expect(await page.getByLabel('Block title 3', { exact: true }).inputValue()).toBe('Afternoon: ethics and culture');

    // Work in progress is kept on the server, even with the agenda an hour short.
    await page.getByTestId('save-content').click();
    await page.getByTestId('submission').waitFor();
    await poll(() => page.getByTestId('submission-status').innerText()).toMatch(/draft/i);

    // A text file is refused, with the server's reason under that upload.
    await choose(page, 'material-instructor_manual', { name: 'manual.txt', mimeType: 'text/plain', buffer: Buffer.from('not a manual') });
    await poll(() => page.getByTestId('material-instructor_manual-error').innerText()).toContain('must be one of WORD, POWERPOINT, PDF');
    expect(await page.getByTestId('material-instructor_manual-state').innerText()).toMatch(/missing/i);

    // Submitting now lists what is missing: the materials, and the hour the agenda lacks.
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await poll(() => page.getByTestId('submit-error-unmet').innerText()).toContain('missing INSTRUCTOR_MANUAL');
    expect(await page.getByTestId('submit-error-unmet').innerText()).toContain('totals 6 hours but the course has 7');

    // The agenda fixed in the draft.
    await page.getByLabel('Hours of block 3', { exact: true }).fill('3');
    await page.getByTestId('save-content').click();
    await poll(() => page.getByTestId('content-saved').count()).toBe(1);

    for (const kind of ['instructor_manual', 'participant_manual', 'daily_agenda', 'tot_manual']) {
      await choose(page, `material-${kind}`, PDF(`${kind}.pdf`));
      await poll(() => page.getByTestId(`material-${kind}-state`).innerText()).toMatch(/uploaded/i);
    }
    expect(await page.getByTestId('material-file').count()).toBe(4);
    // The refusal was about the submission before the uploads: it is gone.
    await poll(() => page.getByTestId('submit-error').count()).toBe(0);
    await expectAccessible(page, 'course page (draft submission)');
    await screenshot(page, 'course-draft-submission');

    await page.getByRole('button', { name: 'Submit for review' }).click();
    await poll(() => page.getByTestId('submission-status').innerText()).toMatch(/received/i);
    await poll(() => page.getByTestId('submission-timeline').innerText()).toContain('Draft → Received');
    await poll(() => page.getByTestId('course-status').innerText()).toMatch(/in review/i);
    await poll(() => page.getByTestId('review-clock').innerText()).toMatch(/\d+ of 60–90 business days/);
    await screenshot(page, 'course-submitted');
    await page.close();
  }, 180_000);
});

async function choose(page: Page, testId: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId(testId).getByRole('button', { name: /^Upload / }).click()]);
  await chooser.setFiles(file);
}

describe('training reviewer', () => {
  it('works the submission from the queue to technical assistance, and after the resubmission approves it', async () => {
    expect(courseUrl, 'the developer journey created the course').not.toBe('');
    const reviewer = await signIn('training.reviewer@demo.cpss');
    await reviewer.getByTestId('nav-course-reviews').click();
    await reviewer.waitForURL(/\/course-reviews$/);
    const row = reviewer.getByTestId('review-queue-row').filter({ hasText: TITLE });
    await poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('review-queue-clock').innerText()).toMatch(/business days/);
    await expectAccessible(reviewer, 'course review queue');
    await screenshot(reviewer, 'course-review-queue');
    await row.getByRole('link', { name: TITLE }).click();
    await reviewer.waitForURL(/\/course-reviews\/[0-9a-f-]{36}$/);
    const reviewUrl = reviewer.url();

    // The crosswalk as submitted; format check, then concept by concept: 1.1 not met (its comment is required), the rest met.
    await poll(() => reviewer.getByTestId('review-crosswalk').getByTestId('review-concept-1.1').innerText()).toContain('Module 1, page 10');
    await expectAccessible(reviewer, 'course review (format check)');
    await formatCheckPasses(reviewer);
    const first = reviewer.getByTestId('review-concept-1.1');
    await first.getByRole('radio', { name: 'Not met' }).check();
    await reviewer.getByTestId('save-findings').click();
    await poll(() => first.getByTestId('review-concept-1.1-error').innerText()).toContain('not met');
    await first.getByLabel(/^Comment for 1\.1/).fill(NOT_MET_COMMENT);
    await reviewer.getByRole('button', { name: 'Mark every concept not yet judged as met' }).click();
    await reviewer.getByTestId('review-concept-2.1').getByLabel(/^Comment for 2\.1/).fill('Strong listening role plays');
    await reviewer.getByTestId('save-findings').click();
    await poll(() => reviewer.getByTestId('findings-saved').count()).toBe(1);
    expect(await reviewer.getByTestId('decision-preview').innerText()).toContain('technical assistance');
    await expectAccessible(reviewer, 'course review (team review)');
    await screenshot(reviewer, 'course-review-findings');
    await reviewer.getByLabel('Technical-assistance notes to the course owner').fill(TA_NOTES);
    await reviewer.getByRole('button', { name: 'Send back for technical assistance' }).click();
    await poll(() => reviewer.getByTestId('review-status').innerText()).toMatch(/technical assistance/i);
    await poll(() => reviewer.getByTestId('review-outcome').innerText()).toContain(TA_NOTES);
    await poll(() => reviewer.getByTestId('review-timeline').innerText()).toContain('Team review → Technical assistance');

    // The developer reads the comments, changes concept 1.1 and resubmits, at tablet width.
    const developer = await signIn('developer@demo.cpss', 768);
    await developer.goto(courseUrl);
    await poll(() => developer.getByTestId('submission-status').innerText()).toMatch(/technical assistance/i);
    expect(await developer.getByTestId('submission-outcome').innerText()).toContain(TA_NOTES);
    const comments = await developer.getByTestId('reviewer-comments').innerText();
    expect(comments).toContain(NOT_MET_COMMENT);
    expect(comments).toContain('Strong listening role plays');
    const concept = developer.getByTestId('crosswalk-concept-1.1');
    expect(await concept.getByTestId('concept-finding').innerText()).toContain(NOT_MET_COMMENT);
    expect(await developer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await expectAccessible(developer, 'course page (technical assistance, tablet)');
    await screenshot(developer, 'course-technical-assistance-tablet');
    await concept.getByLabel(/^Module \/ page/).fill('Module 1, recovery story exercise, page 4');
    await developer.getByTestId('save-content').click();
    await poll(() => developer.getByTestId('content-saved').count()).toBe(1);
    await developer.getByRole('button', { name: 'Resubmit for review' }).click();
    await poll(() => developer.getByTestId('submission-status').innerText()).toMatch(/received/i);
    await poll(() => developer.getByTestId('submission-attempt').innerText()).toContain('attempt 2');

    // The reviewer sees the resubmission (a stale page would be refused: reload first), approves it.
    await reviewer.goto(reviewUrl);
    await poll(() => reviewer.getByTestId('review-status').innerText()).toMatch(/received/i);
    await formatCheckPasses(reviewer);
    expect(await reviewer.getByTestId('review-concept-1.1').innerText()).toContain('Attempt 1: Not met');
    expect(await reviewer.getByTestId('review-concept-1.1').getByTestId('review-concept-crosswalk').innerText()).toContain('recovery story exercise');
    await reviewer.getByRole('button', { name: 'Mark every concept not yet judged as met' }).click();
    await reviewer.getByTestId('save-findings').click();
    await poll(() => reviewer.getByTestId('decision-preview').innerText()).toContain('approves the course');
    await reviewer.getByLabel('Decision note to the course owner').fill('Every concept is taught; approved.');
    await reviewer.getByRole('button', { name: 'Approve the course' }).click();
    await poll(() => reviewer.getByTestId('review-status').innerText()).toMatch(/approved/i);
    await poll(() => reviewer.getByTestId('review-outcome').innerText()).toContain('Every concept is taught; approved.');
    await screenshot(reviewer, 'course-review-approved');
    // Staff read the course page too, without the developer's editing.
    await reviewer.getByRole('link', { name: 'The course and its earlier submissions' }).click();
    await reviewer.waitForURL(/\/courses\/[0-9a-f-]{36}$/);
    await poll(() => reviewer.getByTestId('course-status').innerText()).toMatch(/approved/i);
    expect(await reviewer.getByTestId('content-view').count()).toBe(1);
    expect(await reviewer.getByTestId('content-editor').count()).toBe(0);

    // And the developer sees the decision and the course's term.
    await developer.reload();
    await poll(() => developer.getByTestId('submission-status').innerText()).toMatch(/approved/i);
    await poll(() => developer.getByTestId('course-status').innerText()).toMatch(/approved/i);
    expect(await developer.getByTestId('course-expires').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await developer.getByTestId('submission-outcome').innerText()).toContain('Every concept is taught; approved.');
    await screenshot(developer, 'course-approved');
    await reviewer.close();
    await developer.close();
  }, 180_000);

  it('says someone else changed the submission when a review step is sent with a stale version', async () => {
    // Two reviewers' tabs on the same received submission: the second one's write is refused.
    const page = await signIn('developer@demo.cpss');
    const title = `Stale ${suffix}`;
    await page.goto(`${gateway}/courses/new`);
    await page.getByLabel('Title').fill(title);
    await page.getByRole('combobox', { name: 'Kind of course' }).click();
    await page.getByRole('option', { name: 'Elective' }).click();
    await page.getByLabel('Face-to-face hours').fill('1');
    await page.getByRole('button', { name: 'Create course' }).click();
    await page.waitForURL(/\/courses\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Start the submission' }).click();
    await page.getByLabel('Block title 1', { exact: true }).fill('Overview');
    await page.getByLabel('Hours of block 1', { exact: true }).fill('1');
    const concepts = page.locator('[data-testid^="crosswalk-concept-"]');
    const count = await concepts.count();
    for (let i = 0; i < count; i++) {
      await concepts.nth(i).getByLabel(/^Module \/ page/).fill(`Page ${i + 1}`);
      await concepts.nth(i).getByLabel(/^Agenda block/).fill('Day 1: Overview');
    }
    await page.getByTestId('save-content').click();
    await page.getByTestId('submission').waitFor();
    for (const kind of ['instructor_manual', 'participant_manual', 'daily_agenda', 'tot_manual']) {
      await choose(page, `material-${kind}`, PDF(`${kind}.pdf`));
      await poll(() => page.getByTestId(`material-${kind}-state`).innerText()).toMatch(/uploaded/i);
    }
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await poll(() => page.getByTestId('submission-status').innerText()).toMatch(/received/i);
    await page.close();

    const one = await signIn('training.reviewer@demo.cpss');
    await one.goto(`${gateway}/course-reviews`);
    const row = one.getByTestId('review-queue-row').filter({ hasText: title });
    await poll(() => row.count()).toBe(1);
    await row.getByRole('link', { name: title }).click();
    await one.waitForURL(/\/course-reviews\/[0-9a-f-]{36}$/);
    const two = await browser().newPage({ storageState: await one.context().storageState() });
    await two.goto(one.url());
    await two.getByTestId('format-check').waitFor();
    await one.getByTestId('format-check').waitFor();

    await formatCheckPasses(one);
    await two.getByRole('radio', { name: 'Passed: on to team review' }).check();
    await two.getByRole('button', { name: 'Record format check' }).click();
    await poll(() => two.getByTestId('format-check-error').innerText()).toContain('Someone else changed this');
    await two.getByTestId('format-check-error').getByRole('button', { name: 'Reload' }).click();
    await poll(() => two.getByTestId('review-status').innerText()).toMatch(/team review/i);
    await one.close();
    await two.close();
  }, 180_000);
});

async function formatCheckPasses(page: Page) {
  await page.getByTestId('format-check').waitFor();
  await page.getByRole('radio', { name: 'Passed: on to team review' }).check();
  await page.getByLabel('Comment to the course owner').fill('Complete and in the required format.');
  await page.getByRole('button', { name: 'Record format check' }).click();
  await poll(() => page.getByTestId('review-status').innerText()).toMatch(/team review/i);
  await page.getByTestId('concept-review').waitFor();
}
