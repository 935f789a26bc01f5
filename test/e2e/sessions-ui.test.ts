// The trainer's screens in a real Chromium against the running platform: the demo trainer schedules
// a session of a demo course they teach (a refused plan shows the server's reason next to the
// field), finds it in their list, moves and cancels it; on a session with participants (registered
// here through the API by program staff, on days of its own so no other suite's data is touched)
// they see the roster and the waitlist in order and record attendance; on the demo session held last
// week they record the day, complete its participants, and a certificate verifies publicly. Staff
// register a person from the session page. Every main page passes axe; one check runs at tablet width.
import { DEMO_PEOPLE } from '@cpss/domain';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { poll, useBrowser, signInPage } from '../support/browser';
import { graphql, signIn as apiSignIn } from '../support/client';
import { expectAccessible, screenshot } from '../support/page-checks';

const gateway = inject('gatewayUrl');
const api = `${gateway}/graphql`;
const browser = useBrowser();
const suffix = Math.random().toString(36).slice(2, 8);

const NC_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });
const today = NC_DATE.format(new Date());
const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
// Days far enough ahead, and random, so this file's sessions clash with no one's registrations;
// each test has its own 60-day slot, so the same person is never booked twice on one day here.
const offset = (slot: number) => 120 + slot * 60 + Math.floor(Math.random() * 45);

async function signIn(email: string): Promise<Page> {
  return signInPage(browser(), gateway, email);
}

/** Picks an option of a Mantine Select by its label. */
async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

interface DemoCourse {
  id: string;
  title: string;
  faceToFaceHours: number;
  preWorkHours: number;
}

let trainerToken: string;
let adminToken: string;
let core: DemoCourse;

beforeAll(async () => {
  trainerToken = await apiSignIn(gateway, 'trainer@demo.cpss');
  adminToken = await apiSignIn(gateway, 'admin@demo.cpss');
  const r = await graphql<{ courses: { edges: { node: DemoCourse & { status: string } }[] } }>(
    api,
    `{ courses(first: 100, status: APPROVED) { edges { node { id title status faceToFaceHours preWorkHours } } } }`,
    {},
    adminToken,
  );
  core = r.data!.courses.edges.map((e) => e.node).find((c) => c.title === 'NC Peer Support Specialist Training')!;
  expect(core, 'the demo core course').toBeDefined();
});

/** A session of the core course scheduled through the API by the demo trainer, on days of its own. */
async function scheduleCoreSession(capacity: number, slot: number): Promise<{ id: string; firstDay: string }> {
  const firstDay = addDays(today, offset(slot));
  const days = [0, 1, 2, 3, 4].map((i) => ({ date: addDays(firstDay, i), hours: core.faceToFaceHours / 5 }));
  const r = await graphql<{ scheduleTrainingSession: { id: string } }>(
    api,
    `mutation ($input: ScheduleTrainingSessionInput!) { scheduleTrainingSession(input: $input) { id } }`,
    {
      input: {
        courseId: core.id,
        delivery: 'IN_PERSON',
        address: `${suffix} Roster Lane, Raleigh, NC`,
        county: 'Wake',
        capacity,
        registrationOpensOn: today,
        registrationClosesOn: addDays(firstDay, -2),
        days,
      },
    },
    trainerToken,
  );
  expect(r.errors).toBeUndefined();
  return { id: r.data!.scheduleTrainingSession.id, firstDay };
}

async function registerPerson(sessionId: string, personId: string): Promise<string> {
  const r = await graphql<{ registerForTrainingSession: { status: string } }>(
    api,
    `mutation ($input: RegisterForTrainingSessionInput!) { registerForTrainingSession(input: $input) { status } }`,
    { input: { sessionId, personId } },
    adminToken,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.registerForTrainingSession.status;
}

describe('trainer', () => {
  it('schedules a session of a course they teach (a bad plan shows the server reason by the field) and finds it in their list', async () => {
    const page = await signIn('trainer@demo.cpss');
    await page.getByTestId('nav-sessions').click();
    await page.waitForURL(/\/sessions$/);
    // The demo sessions Ben teaches.
    await poll(() => page.getByTestId('session-row').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('sessions-table').innerText()).toContain('NC Peer Support Specialist Training');
    await expectAccessible(page, 'sessions list');

    await page.getByTestId('schedule-session').click();
    await page.waitForURL(/\/sessions\/new$/);
    await choose(page, 'Course', /NC Peer Support Specialist Training/);
    await poll(() => page.getByTestId('course-hours').innerText()).toContain('40 face-to-face hours');
    const address = `${suffix} Peer Way, Durham, NC`;
    await page.getByLabel('Address').fill(address);
    await page.getByRole('combobox', { name: 'County', exact: true }).fill('Durham');
    await page.getByRole('option', { name: 'Durham', exact: true }).click();
    await page.getByLabel('Capacity (class size)').fill('12');
    const firstDay = addDays(today, offset(0));
    for (let i = 0; i < 5; i++) {
      if (i > 0) await page.getByRole('button', { name: 'Add a day' }).click();
      await page.getByLabel(`Day ${i + 1} date`).fill(addDays(firstDay, i));
      await page.getByLabel(`Day ${i + 1} hours`).fill('8');
    }
    await poll(() => page.getByTestId('schedule-days-total').innerText()).toContain('Total 40 hours');
    // Registration closing on the first day: the server's reason shows next to the field.
    await page.getByLabel('Registration closes').fill(firstDay);
    await expectAccessible(page, 'schedule a session');
    await page.getByRole('button', { name: 'Schedule the session' }).click();
    const closes = page.getByRole('textbox', { name: 'Registration closes' });
    await poll(() => closes.getAttribute('aria-invalid')).toBe('true');
    // The reason is the field's own description (aria-describedby), so a screen reader reads it with the field.
    const described = await closes.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    expect(described).toContain('must be before the first day');
    expect(await page.getByTestId('schedule-refusal').innerText()).toContain('correct the fields');
    await screenshot(page, 'sessions-schedule-refused');

    await page.getByLabel('Registration closes').fill(addDays(firstDay, -3));
    await page.getByRole('button', { name: 'Schedule the session' }).click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
    await poll(() => page.getByTestId('session-notice').innerText()).toContain('scheduled');
    expect(await page.getByTestId('session-place').innerText()).toContain(address);
    expect(await page.getByTestId('session-seats').innerText()).toBe('0 of 12');
    expect(await page.getByTestId('session-days').innerText()).toContain(addDays(firstDay, 4));
    const sessionUrl = page.url();

    await page.getByRole('link', { name: '← Sessions' }).click();
    await page.waitForURL(/\/sessions$/);
    const row = page.getByTestId('session-row').filter({ hasText: address });
    await poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('session-seats').innerText()).toBe('0 / 12');
    expect(await row.getByTestId('session-status').innerText()).toBe('Scheduled');
    await screenshot(page, 'sessions-list');
    await page.goto(sessionUrl);
    await poll(() => page.getByTestId('session-place').innerText()).toContain(address);
    await expectAccessible(page, 'a new session');
    await page.close();
  });

  it('moves a session a week later and then cancels it, each with a reason the timeline keeps', async () => {
    const { id, firstDay } = await scheduleCoreSession(20, 1);
    expect(await registerPerson(id, DEMO_PEOPLE[3]!.id)).toBe('ENROLLED');
    const page = await signIn('trainer@demo.cpss');
    await page.goto(`${gateway}/sessions/${id}`);
    await page.getByRole('button', { name: 'Reschedule' }).click();
    const moved = addDays(firstDay, 7);
    for (let i = 0; i < 5; i++) await page.getByTestId('reschedule-form').getByLabel(`Day ${i + 1} date`).fill(addDays(moved, i));
    await page.getByLabel('Reason for the change').fill(`Venue unavailable ${suffix}`);
    await page.getByRole('button', { name: 'Move the session' }).click();
    await poll(() => page.getByTestId('session-notice').innerText()).toContain(`now runs ${moved}`);
    // The server's own count of the notices it sent, recorded with the change.
    expect(await page.getByTestId('session-notice').innerText()).toContain('1 person enrolled or waitlisted was sent a notice');
    expect(await page.getByTestId('session-dates').innerText()).toBe(`${moved} to ${addDays(moved, 4)}`);
    expect(await page.getByTestId('session-timeline').innerText()).toContain(`Venue unavailable ${suffix}`);

    await page.getByRole('button', { name: 'Cancel the session…' }).click();
    await page.getByRole('button', { name: 'Cancel the session', exact: true }).click();
    await poll(() => page.getByTestId('cancel-form').innerText()).toContain('say why');
    await page.getByLabel('Reason for cancelling').fill(`Trainer ill ${suffix}`);
    await page.getByRole('button', { name: 'Cancel the session', exact: true }).click();
    await poll(() => page.getByTestId('session-status').innerText()).toBe('Cancelled');
    expect(await page.getByTestId('session-notice').innerText()).toContain('1 person enrolled or waitlisted was sent a notice');
    expect(await page.getByRole('button', { name: 'Reschedule' }).count()).toBe(0);
    expect(await page.getByTestId('session-timeline').innerText()).toContain(`Trainer ill ${suffix}`);
    await screenshot(page, 'sessions-cancelled');
    await page.close();
  });

  it('sees the roster and waitlist in order and records attendance day by day', async () => {
    const session = await scheduleCoreSession(2, 2);
    const [first, second, third] = [DEMO_PEOPLE[3]!.id, DEMO_PEOPLE[4]!.id, DEMO_PEOPLE[5]!.id];
    expect(await registerPerson(session.id, first)).toBe('ENROLLED');
    expect(await registerPerson(session.id, second)).toBe('ENROLLED');
    expect(await registerPerson(session.id, third)).toBe('WAITLISTED');

    const page = await signIn('trainer@demo.cpss');
    await page.goto(`${gateway}/sessions/${session.id}`);
    const roster = page.getByTestId('roster-row');
    await poll(() => roster.count()).toBe(3);
    expect(await roster.nth(0).getAttribute('data-person-id')).toBe(first);
    expect(await roster.nth(2).getByTestId('roster-status').innerText()).toBe('Waitlisted');
    expect(await roster.nth(2).getByTestId('roster-place').innerText()).toBe('place 1');
    expect(await page.getByTestId('session-seats').innerText()).toBe('2 of 2');
    expect(await page.getByTestId('waitlist').innerText()).toContain('Participant 3');
    expect(await page.getByTestId('completions-empty').innerText()).toContain('50');
    await expectAccessible(page, 'session page');

    // The course's pre-work first: hours for both enrolled participants.
    await choose(page, 'Day', /Pre-work/);
    await page.getByRole('button', { name: 'Everyone: 10 hours' }).click();
    await page.getByRole('button', { name: 'Record attendance' }).click();
    await poll(() => page.getByTestId('attendance-done').innerText()).toContain('Recorded the hours of 2 participants for the pre-work');
    await poll(() => roster.nth(0).getByTestId('roster-hours').innerText()).toBe('10 of 50');
    expect(await roster.nth(1).getByTestId('roster-hours').innerText()).toBe('10 of 50');
    expect(await roster.nth(2).getByTestId('roster-hours').innerText()).toBe('0 of 50');

    // The first day: a day still ahead is refused by the server, which says so next to the day.
    await choose(page, 'Day', new RegExp(session.firstDay));
    await page.getByRole('button', { name: 'Everyone: 8 hours' }).click();
    await page.getByRole('button', { name: 'Record attendance' }).click();
    await poll(() => page.getByTestId('attendance-refusal').innerText()).toContain('correct the fields');
    const day = page.getByRole('combobox', { name: 'Day', exact: true });
    expect(await day.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('attendance-form').innerText()).toContain('has not happened yet');
    expect(await roster.nth(0).getByTestId('roster-hours').innerText()).toBe('10 of 50');
    await screenshot(page, 'sessions-attendance');

    // Tablet width: the roster and the attendance table stay usable.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.reload();
    await poll(() => roster.count()).toBe(3);
    expect(await page.getByRole('button', { name: 'Record attendance' }).isVisible()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'session page at tablet width');
    await screenshot(page, 'sessions-session-tablet');
    await page.close();
  });
});

describe('trainer, completion', () => {
  // The demo has a session of the ethics course held a few business days ago, its attendance still
  // to record: the trainer records the day, the participants complete, and a certificate code the
  // server issued verifies on the public page.
  it('records a held day, completes its participants and their certificate verifies publicly', async () => {
    const mine = await graphql<{ trainingSessions: { edges: { node: { id: string; firstDay: string; course: { title: string } } }[] } }>(
      api,
      `{ trainingSessions(first: 100) { edges { node { id firstDay course { title } } } } }`,
      {},
      trainerToken,
    );
    const held = mine.data!.trainingSessions.edges.map((e) => e.node).find((n) => n.firstDay < today)!;
    expect(held, 'the demo session held last week').toBeDefined();

    const page = await signIn('trainer@demo.cpss');
    await page.goto(`${gateway}/sessions/${held.id}`);
    const roster = page.getByTestId('roster-row');
    await poll(() => roster.count()).toBe(3);
    await choose(page, 'Day', new RegExp(held.firstDay));
    await page.getByRole('button', { name: /Everyone: \d+ hours/ }).click();
    await page.getByRole('button', { name: 'Record attendance' }).click();
    await poll(() => page.getByTestId('attendance-done').innerText()).toContain('completed the course');
    await poll(() => page.getByTestId('completion-row').count()).toBe(3);
    for (let i = 0; i < 3; i++) expect(await roster.nth(i).getByTestId('roster-status').innerText()).toBe('Completed');
    const code = (await page.getByTestId('certificate-code').first().innerText()).trim();
    expect(code).toMatch(/\S{6,}/);
    await screenshot(page, 'sessions-completion');

    // Anyone can check the code, without signing in.
    const visitor = await browser().newPage();
    await visitor.goto(`${gateway}/verify`);
    await visitor.getByLabel('Verification code').fill(code);
    await visitor.getByRole('button', { name: 'Verify' }).click();
    await poll(() => visitor.getByTestId('verify-result').innerText()).toContain(held.course.title);
    await screenshot(visitor, 'sessions-certificate-verified');
    await visitor.close();
    await page.close();
  });
});

describe('training staff', () => {
  it('register a person for a session from its page; a full class puts them on the waitlist', async () => {
    const session = await scheduleCoreSession(1, 4);
    expect(await registerPerson(session.id, DEMO_PEOPLE[6]!.id)).toBe('ENROLLED');
    const page = await signIn('training.reviewer@demo.cpss');
    // Every trainer's sessions, narrowed to one course.
    await page.getByTestId('nav-sessions').click();
    await poll(() => page.getByTestId('session-row').count()).toBeGreaterThanOrEqual(3);
    await choose(page, 'Course', 'Ethics and Peer Support Boundaries');
    // The demo ethics session only (a mismatch shows the rows it got).
    await poll(() => page.getByTestId('session-row').allInnerTexts()).toEqual([expect.stringContaining('Ethics and Peer Support Boundaries')]);
    expect(await page.getByTestId('sessions-count').innerText()).toBe('1 of 1 session');
    await expectAccessible(page, 'sessions list (staff)');
    await page.goto(`${gateway}/sessions/${session.id}`);
    await poll(() => page.getByTestId('roster-row').count()).toBe(1);
    await page.getByLabel('Person id').fill(DEMO_PEOPLE[7]!.id);
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await poll(() => page.getByTestId('session-notice').innerText()).toContain('waitlist, place 1');
    await poll(() => page.getByTestId('roster-row').count()).toBe(2);
    expect(await page.getByTestId('waitlist').innerText()).toContain('Participant 2');
    // The same person again: the rule the server found unmet is listed.
    await page.getByLabel('Person id').fill(DEMO_PEOPLE[7]!.id);
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await poll(() => page.getByTestId('register-refusal-unmet').innerText()).toContain('already has a place');
    await screenshot(page, 'sessions-staff-register');
    await page.close();
  });
});
