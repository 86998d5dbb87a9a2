/**
 * The administrator's week, in a real Chromium: every link in their menu
 * leads to a page they can use; they read the organisations, add a
 * capability, change who is emailed for an inbox (keeping their edit when
 * someone else saved first) and read the roles and personas. Every page
 * visited passes axe.
 *
 * The capability added is one no team counts yet, and the inbox changed is
 * Zephyr's ROCU head's, which the tests beside these do not read.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLL, apiAs, expectAccessible, launchBrowser, newContext, screenshot, signIn, signOut, skipReason } from './support/browser';

describe.skipIf(!!skipReason)('the administrator in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser, 1280, 900);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('every menu link leads to a page the administrator can use', async () => {
    await signIn(page, 'Service Administrator');
    await page.getByRole('heading', { name: 'Capabilities', level: 1 }).waitFor();
    const menu = page.getByRole('navigation', { name: 'Menu' });
    const links = await menu.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links).toEqual(expect.arrayContaining(['/admin/organisations', '/admin/capabilities', '/admin/contacts', '/admin/roles']));
    for (const href of links) {
      await page.goto(href);
      await page.locator('h1').first().waitFor();
      await page.locator('.app-loading').first().waitFor({ state: 'detached' });
      expect(await page.locator('h1').first().textContent(), href).not.toBe('You cannot use this page');
    }
  });

  it('reads the organisations and adds a capability to the catalogue', async () => {
    await page.goto('/admin/organisations');
    await page.getByRole('heading', { name: 'Organisations', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('organisations-rocu').locator('tbody tr').count(), POLL).toBe(10);
    expect(await page.getByTestId('organisations-force').textContent()).toContain('Greater Manchester');
    await expectAccessible(page, 'the organisations');
    await screenshot(page, 'admin-organisations');

    await page.goto('/admin/capabilities');
    await page.getByRole('heading', { name: 'Capabilities', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add capability' }).click();
    await page.getByTestId('error-summary').getByRole('link', { name: 'Enter the capability’s name' }).waitFor();
    await expectAccessible(page, 'the capability form with an error');
    await page.getByLabel('Name', { exact: true }).fill('Wildlife crime');
    // The id follows the name until it is typed over.
    expect(await page.getByLabel('Id', { exact: true }).inputValue()).toBe('wildlife-crime');
    await page.getByRole('button', { name: 'Add capability' }).click();
    await expect.poll(() => page.getByTestId('success-banner').textContent(), POLL).toContain('Wildlife crime is added to the catalogue');
    await expect.poll(() => page.getByTestId('capabilities-table').textContent(), POLL).toContain('wildlife-crime');
    // The same id again is refused with the API's reason.
    await page.getByLabel('Name', { exact: true }).fill('Wildlife crime');
    await page.getByRole('button', { name: 'Add capability' }).click();
    await expect.poll(() => page.getByTestId('error-summary').textContent(), POLL).toContain('already exists');
    await expectAccessible(page, 'the capabilities');
    await screenshot(page, 'admin-capabilities');
  });

  it('changes who is emailed for an inbox, keeping the edit when someone else saved first', async () => {
    await page.goto('/admin/contacts');
    await page.getByRole('heading', { name: 'Notification contacts', level: 1 }).waitFor();
    const row = page.locator('tr[data-audience="rocu-head:zephyr"]');
    await row.waitFor();
    await expectAccessible(page, 'the notification contacts');
    await screenshot(page, 'admin-contacts');
    await row.getByRole('link', { name: /Change/ }).click();
    await page.getByRole('heading', { name: /Who is emailed for the ZEPHYR ROCU head/i, level: 1 }).waitFor();
    await page.getByLabel('Email addresses').fill('not an address');
    await page.getByRole('button', { name: 'Save addresses' }).click();
    await page.getByTestId('error-summary').getByRole('link', { name: /Enter email addresses in the right format/ }).waitFor();
    await expectAccessible(page, 'the contact form with an error');

    await page.getByLabel('Email addresses').fill('duty.head@zephyr.example.org\ndeputy.head@zephyr.example.org');
    // Another administrator saves first.
    const other = await apiAs('admin');
    const now = ((await other('GET', '/v1/contacts')) as { items: { audience: string; version: number }[] }).items.find((c) => c.audience === 'rocu-head:zephyr')!;
    await other('PUT', '/v1/contacts/rocu-head:zephyr', { emails: ['office@zephyr.example.org'], version: now.version });
    await page.getByRole('button', { name: 'Save addresses' }).click();
    await page.getByTestId('stale-version').waitFor();
    expect(await page.getByLabel('Email addresses').inputValue()).toBe('duty.head@zephyr.example.org\ndeputy.head@zephyr.example.org');
    expect(await page.getByTestId('current-contacts').textContent()).toContain('office@zephyr.example.org');
    await expectAccessible(page, 'the contact form after someone else saved first');
    await page.getByRole('button', { name: 'Save addresses' }).click();
    await expect.poll(() => page.getByTestId('success-banner').textContent(), POLL).toContain('emailed to duty.head@zephyr.example.org, deputy.head@zephyr.example.org');
    expect(await page.locator('tr[data-audience="rocu-head:zephyr"]').textContent()).toContain('deputy.head@zephyr.example.org');

    // The list's history: both saves, newest last, each by whom.
    await page.locator('tr[data-audience="rocu-head:zephyr"]').getByRole('link', { name: /Change/ }).click();
    const changes = page.getByTestId('audit-trail').locator('li[data-action="contact.updated"]');
    await expect.poll(() => changes.count(), POLL).toBe(2);
    expect(await changes.last().textContent()).toContain('deputy.head@zephyr.example.org');
    expect(await changes.last().textContent()).toMatch(/by .*Service Administrator/);
    await expectAccessible(page, 'a contact list with its history');
  });

  it('reads what each role does and the demo personas', async () => {
    await page.goto('/admin/roles');
    await page.getByRole('heading', { name: 'Roles and personas', level: 1 }).waitFor();
    expect(await page.getByTestId('role-rocu-head').textContent()).toContain('minimum viable strength');
    await page.getByTestId('personas-table').getByText('Fiona Campbell').waitFor();
    await expectAccessible(page, 'the roles and personas');
    await screenshot(page, 'admin-roles');
    await signOut(page);
  });
});
