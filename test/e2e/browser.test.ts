// A person signs in through the UI in a real Chromium and sees the people page, whose rows carry
// fields from all three subgraphs.
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_COMPLETIONS, DEMO_PASSWORD, DEMO_PEOPLE } from '@cpss/domain';

const gateway = inject('gatewayUrl');
// The page renders after network round trips; under a loaded machine that can take over the default 1 s.
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });
let browser: Browser;

// playwright gives each launch a fresh, throwaway profile.
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('the web UI', () => {
  it('signs in and shows the people page with fields from all three subgraphs', async () => {
    const page = await browser.newPage();
    await page.goto(`${gateway}/people`);
    await page.waitForURL(/\/signin/);
    await page.getByLabel('Email').fill('admin@demo.cpss');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/people/);
    const table = page.getByTestId('people-table');
    const ben = DEMO_PEOPLE[1]!;
    const row = table.getByRole('row').filter({ hasText: ben.legalName });
    await poll(() => row.count()).toBe(1);
    const hours = DEMO_COMPLETIONS.filter((c) => c.personId === ben.id).reduce((s, c) => s + c.hours, 0);
    await poll(() => row.innerText()).toContain(String(hours));
    expect(await row.innerText()).toContain('2019');
    expect(await page.getByTestId('signed-in-as').innerText()).toContain('Admin');
    await page.close();
  });

  it('shows a wrong password as an error on the sign-in page', async () => {
    const page = await browser.newPage();
    await page.goto(`${gateway}/signin`);
    await page.getByLabel('Email').fill('admin@demo.cpss');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await poll(() => page.getByRole('alert').first().innerText()).toContain('Email or password is incorrect');
    expect(page.url()).toContain('/signin');
    await page.close();
  });
});
