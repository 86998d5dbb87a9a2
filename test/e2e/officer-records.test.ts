/**
 * Every record reachable, in a real Chromium: an organisation with more
 * officers than one page holds is paged through with GOV.UK pagination (the
 * API's cursor behind it) to its last officer and back. Every page visited
 * passes axe.
 *
 * These use London's HR lead (a user of this file's own, signed in with a
 * claim set) and officers with no capabilities, so no team's numbers move
 * for the tests running beside them.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLL, expectAccessible, importCsvAs, launchBrowser, newContext, screenshot, signInWithClaims, skipReason } from './support/browser';

const LONDON_HR = { sub: 'london-hr-e2e', org: 'london', roles: ['hr-lead'] };
const MANY = 123;

describe.skipIf(!!skipReason)('officer records in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('nothing stops at the first 100: the officer list pages on past the 101st officer to the last, and back', async () => {
    const rows = Array.from({ length: MANY }, (_, i) => {
      const n = String(i + 1).padStart(3, '0');
      return `LDN-PG-${n},Zz Pager ${n},nppv2,london`;
    });
    const report = await importCsvAs(LONDON_HR, ['staffNumber,name,vetting,region', ...rows].join('\n'));
    expect(report.errors).toEqual([]);

    await signInWithClaims(page, LONDON_HR, '/officers');
    await page.getByRole('heading', { name: 'Officer records', level: 1 }).waitFor();
    await expectAccessible(page, 'the officer list, first page');
    const table = page.getByTestId('officers-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(50);
    expect(await page.getByRole('link', { name: 'Previous page' }).count()).toBe(0);

    // The Zz Pager officers sort last: page on until the last of them shows.
    let pages = 1;
    while (!(await table.getByRole('link', { name: `Zz Pager ${MANY}` }).isVisible())) {
      await page.getByRole('link', { name: /Next page/ }).click();
      pages += 1;
      await expect.poll(() => table.locator('caption').textContent(), POLL).toContain(`page ${pages}`);
      expect(pages).toBeLessThan(20);
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    // The 123rd officer (at least: others of London sort before them) is here, past what one request of 100 could reach.
    expect(await page.getByRole('link', { name: /Next page/ }).count()).toBe(0);
    await expectAccessible(page, `the officer list, page ${pages}`);
    await screenshot(page, 'officer-list-last-page');

    await page.getByRole('link', { name: /Previous page/ }).click();
    await expect.poll(() => table.locator('caption').textContent(), POLL).toContain(`page ${pages - 1}`);
    // A page's address is a link: opened afresh, it shows the same officers.
    const url = page.url();
    const first = await table.locator('tbody tr').first().textContent();
    await page.goto(url);
    await expect.poll(() => table.locator('tbody tr').first().textContent(), POLL).toBe(first);
  });
});
