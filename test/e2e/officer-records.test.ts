/**
 * Every record reachable, in a real Chromium: an organisation with more
 * officers than one page holds is paged through with GOV.UK pagination (the
 * API's cursor behind it) to its last officer and back; an HR lead imports
 * officers (a report in plain words, UK dates, a template to start from,
 * links to what was created), finds them by name, staff number, capability
 * and vetting expiry, and changes accreditations and vetting, keeping their
 * edit when someone else saved first. Every page visited passes axe.
 *
 * These use London's HR lead (a user of this file's own, signed in with a
 * claim set) and officers with no capabilities, so no team's numbers move
 * for the tests running beside them.
 */
import { Buffer } from 'node:buffer';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLL, apiWithClaims, expectAccessible, fillDate, importCsvAs, launchBrowser, newContext, screenshot, signInWithClaims, skipReason } from './support/browser';

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

  it('an HR lead imports officers, follows the report to one, finds them by search, and changes their accreditations and vetting', async () => {
    await signInWithClaims(page, LONDON_HR, '/officers/import');
    await page.getByRole('heading', { name: 'Import officer records', level: 1 }).waitFor();
    // The template is a CSV with every column to start from.
    const template = decodeURIComponent((await page.getByTestId('template-link').getAttribute('href'))!.replace(/^data:text\/csv;charset=utf-8,/, ''));
    expect(template.split('\r\n')[0]).toBe('staffNumber,name,vetting,region,capabilities,vettingExpiresOn,pipLevel,email,status');
    expect(await page.getByTestId('template-link').getAttribute('download')).toBe('officer-records-template.csv');

    const csv = [
      'staffNumber,name,vetting,region,vettingExpiresOn',
      'LDN-R-1,Ursula Quinn,sc,london,31/12/2026',
      'LDN-R-2,Victor Quinlan,nppv3,london,2031-06-30',
      'LDN-R-3,Wendy Bad,secret,london,',
    ].join('\n');
    await page.getByLabel('CSV file').setInputFiles({ name: 'london.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.getByTestId('import-summary').textContent(), POLL).toContain('2 officers created');
    expect(await page.getByTestId('import-errors').locator('tr[data-row="4"]').textContent()).toContain('Vetting must be one of NPPV2, NPPV3, SC, DV');
    await expectAccessible(page, 'the import report with the officers it created');
    await screenshot(page, 'officer-import-report');

    // From the report to the record it created; the UK date was read as 31 December 2026.
    await page.getByTestId('imported-officers').getByRole('link', { name: 'Ursula Quinn' }).click();
    await page.getByRole('heading', { name: 'Ursula Quinn', level: 1 }).waitFor();
    expect(await page.getByTestId('officer-vetting').textContent()).toContain('31 December 2026');
    await expectAccessible(page, 'an officer record');
    const officerId = page.url().split('/officers/')[1]!;

    // Search: by part of the name, by staff number, by vetting expiring before a day.
    await page.goto('/officers');
    await page.getByLabel('Name', { exact: true }).fill('quin');
    await page.getByRole('button', { name: 'Search' }).click();
    const table = page.getByTestId('officers-table');
    await expect.poll(() => table.locator('tbody tr').allTextContents(), POLL).toEqual([expect.stringContaining('Ursula Quinn'), expect.stringContaining('Victor Quinlan')]);
    expect(page.url()).toContain('name=quin');
    await expectAccessible(page, 'the officer search');
    await screenshot(page, 'officer-search');
    await page.getByRole('link', { name: 'Clear search' }).click();
    await page.getByLabel('Staff number').fill('ldn-r-2');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => table.locator('tbody tr').allTextContents(), POLL).toEqual([expect.stringContaining('Victor Quinlan')]);
    await page.getByRole('link', { name: 'Clear search' }).click();
    await fillDate(page, 'Vetting expiring before', 1, 1, 2027);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => table.locator('tbody tr').allTextContents(), POLL).toEqual([expect.stringContaining('Ursula Quinn')]);
    expect(await table.textContent()).toContain('Expires 31 December 2026');
    await page.getByRole('link', { name: 'Clear search' }).click();
    await fillDate(page, 'Vetting expiring before', 31, 2, 2027);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('error-summary').getByRole('link', { name: 'Vetting expiring before must be a real date' }).waitFor();
    await expectAccessible(page, 'the officer search with an error');

    // Accreditations: a capability and a PIP level.
    await page.goto(`/officers/${officerId}`);
    await page.getByTestId('officer-accreditations').getByRole('link', { name: 'Change accreditations' }).click();
    await page.getByRole('heading', { name: 'Change accreditations', level: 1 }).waitFor();
    await page.getByRole('checkbox', { name: 'Covert surveillance', exact: true }).check();
    await page.getByRole('radio', { name: 'PIP level 2 (serious and complex)' }).check();
    await expectAccessible(page, 'the accreditations form');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('success-banner').waitFor();
    expect(await page.getByTestId('officer-accreditations').textContent()).toContain('Covert surveillance');
    expect(await page.getByTestId('officer-accreditations').textContent()).toContain('PIP level 2');

    // Vetting, while someone else saves the record first: the edit stays, the latest beside it, and saving again applies it.
    await page.getByTestId('officer-vetting').getByRole('link', { name: 'Change vetting' }).click();
    await page.getByRole('heading', { name: 'Change vetting', level: 1 }).waitFor();
    await page.getByRole('radio', { name: 'Developed vetting (DV)' }).check();
    await fillDate(page, 'When the clearance expires', 30, 9, 2030);
    const other = await apiWithClaims({ sub: 'london-hr-2-e2e', org: 'london', roles: ['hr-lead'] });
    const current = (await other('GET', `/v1/officers/${officerId}`)) as { version: number };
    await other('PATCH', `/v1/officers/${officerId}`, { email: 'ursula.quinn@example.org', version: current.version });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('stale-version').waitFor();
    expect(await page.getByRole('radio', { name: 'Developed vetting (DV)' }).isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: 'When the clearance expires' }).getByLabel('Year').inputValue()).toBe('2030');
    expect(await page.getByTestId('latest-record').textContent()).toContain('Security check (SC), expires 31 December 2026');
    await expectAccessible(page, 'the vetting form after someone else saved first');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByTestId('success-banner').textContent(), POLL).toContain('Developed vetting (DV), expires 30 September 2030');
    // Both changes stand: theirs (the email) and this one (the vetting).
    expect(await page.getByTestId('officer-details').textContent()).toContain('ursula.quinn@example.org');
  });
});
