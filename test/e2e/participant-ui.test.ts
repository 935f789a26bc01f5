// A participant's side of training in a real Chromium: a signed-in applicant registers for a session
// from the public catalog, finds the registration on their home page, and withdraws from it.
import { DEMO_PASSWORD } from '@cpss/domain';
import { describe, expect, inject, it } from 'vitest';
import { poll, useBrowser } from '../support/browser';
import { expectAccessible, screenshot } from '../support/page-checks';

const gateway = inject('gatewayUrl');
const browser = useBrowser();

describe('participant', () => {
  it('registers from the catalog, sees the registration at home and withdraws', async () => {
    const page = await browser().newPage();
    await page.goto(`${gateway}/signin`);
    await page.getByLabel('Email').fill('applicant@demo.cpss');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-as').waitFor();

    await page.goto(`${gateway}/training`);
    await page.getByLabel('Kind of course').selectOption('ELECTIVE');
    const row = page.getByTestId('catalog-row').filter({ hasText: 'Wellness Recovery Action Planning for Peers' });
    await poll(() => row.count()).toBe(1);
    await row.getByRole('button', { name: 'Register' }).click();
    await poll(() => row.getByTestId('catalog-registered').innerText()).toMatch(/Registered|waitlist/);
    await expectAccessible(page, 'find training, signed in');
    // Twice is refused, with the server's reason.
    await page.reload();
    await poll(() => row.count()).toBe(1);
    await row.getByRole('button', { name: 'Register' }).click();
    await poll(() => row.getByTestId('catalog-register-error').innerText()).not.toBe('');

    await page.goto(`${gateway}/`);
    const mine = page.getByTestId('my-enrollment').filter({ hasText: 'Wellness Recovery Action Planning for Peers' });
    await poll(() => mine.count()).toBe(1);
    expect(await mine.getByTestId('my-enrollment-status').innerText()).toMatch(/enrolled|waitlisted/i);
    await expectAccessible(page, 'home with registrations');
    await mine.getByRole('button', { name: 'Withdraw' }).click();
    await poll(() => mine.getByTestId('my-enrollment-status').innerText()).toMatch(/withdrawn/i);
    expect(await mine.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);
    await screenshot(page, 'participant-withdrawn');
    await page.close();
  });
});
