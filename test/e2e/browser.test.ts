// A person signs in through the UI in a real Chromium and sees the people page, whose rows carry
// fields from all three subgraphs.
import { describe, expect, inject, it } from 'vitest';
import { poll, useBrowser } from '../support/browser';
import { expectAccessible, screenshot, seriousA11yViolations } from '../support/page-checks';
import { DEMO_COMPLETIONS, DEMO_PASSWORD, DEMO_PEOPLE } from '@cpss/domain';

const gateway = inject('gatewayUrl');
const browser = useBrowser();

describe('the web UI', () => {
  it('signs in and shows the people page with fields from all three subgraphs', async () => {
    const page = await browser().newPage();
    await page.goto(`${gateway}/people`);
    await page.waitForURL(/\/signin/);
    await expectAccessible(page, 'sign-in');
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
    await expectAccessible(page, 'people');
    await screenshot(page, 'admin-people');
    // "Export CSV" carries the page's search, and downloads with the session cookie.
    await page.getByLabel('Search people').fill('Moore');
    await poll(() => page.getByTestId('export-people').getAttribute('href')).toBe('/export/people.csv?search=Moore');
    const csv = await page.request.get(`${gateway}/export/people.csv?search=Moore`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toMatch(/^# NOTICE: This record which has been disclosed to you is protected by federal confidentiality rules \(42 CFR part 2\)\./);
    await page.close();
  });

  it('shows a wrong password as an error on the sign-in page', async () => {
    const page = await browser().newPage();
    await page.goto(`${gateway}/signin`);
    await page.getByLabel('Email').fill('admin@demo.cpss');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await poll(() => page.getByRole('alert').first().innerText()).toContain('Email or password is incorrect');
    expect(page.url()).toContain('/signin');
    await page.close();
  });

  it('has an accessibility gate that catches an unlabelled field and unreadable text', async () => {
    const page = await browser().newPage();
    await page.setContent('<html lang="en"><title>t</title><main><input type="text"><p style="color:#eee;background:#fff">faint</p></main></html>');
    const ids = (await seriousA11yViolations(page)).map((v) => v.id).sort();
    expect(ids).toEqual(['color-contrast', 'label']);
    await page.close();
  });
});
