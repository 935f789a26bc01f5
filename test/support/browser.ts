// Debian's Chromium driven by playwright-core, the same way in every browser suite: one browser per
// file (playwright gives each launch a fresh, throwaway profile), closed after the file.
import { DEMO_PASSWORD } from '@cpss/domain';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
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
  return () => browser!;
}

/** The page renders after network round trips; under a loaded machine that can take over the default 1 s (15 s: a 2-core CI machine runs the whole platform and Chromium at once). */
export const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

/** A new page signed in at the gateway's sign-in screen as a demo account (laptop size unless told). */
export async function signInPage(browser: Browser, gateway: string, email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${gateway}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-as').waitFor();
  return page;
}
