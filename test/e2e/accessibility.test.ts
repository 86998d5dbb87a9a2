/**
 * Using the service without a mouse, on a 320 px screen, from a deep link,
 * and axe on the pages the TITAN story does not visit: the baselines editor,
 * the ROCC's escalations, the sign-in page and the page-not-found page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, screenshot, signIn, signOut, skipReason } from './support/browser';

/** What has keyboard focus: its id, or its text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = (globalThis as unknown as { document: { activeElement: { id: string; textContent: string | null } | null } }).document.activeElement;
    return el ? el.id || (el.textContent ?? '').trim() : '';
  });
}

async function tabTo(page: Page, target: string, most = 25): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)) === target) return;
  }
  throw new Error(`Tab never reached ${target}; focus is on ${await focused(page)}`);
}

describe.skipIf(!!skipReason)('accessible from the keyboard, on a small screen and by deep link', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs in and reaches the baselines editor with the keyboard alone', async () => {
    context = await newContext(browser);
    page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('radio', { name: 'Helen Marshall' }).waitFor();
    await expectAccessible(page, 'the sign-in page');
    await screenshot(page, 'sign-in');

    // The skip link comes first, then the service name, then the first persona.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Skip to main content');
    await tabTo(page, 'persona');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'Fiona Campbell' }).isChecked()).toBe(true);
    await tabTo(page, 'Sign in');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('Fiona Campbell');

    await tabTo(page, 'Baselines');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Capability baselines', level: 1 }).waitFor();
    // After a navigation inside the app, focus moves to the main content, as a page load would.
    expect(await focused(page)).toBe('main-content');
    await page.getByTestId('baselines-table').waitFor();
    await expectAccessible(page, 'the capability baselines');
    await screenshot(page, 'capability-baselines');

    // Covert surveillance, not cyber: the TITAN story runs beside this test and counts on cyber's minimum of 7.
    const surveillance = page.locator('[data-testid=baselines-table] tr[data-capability=surveillance]');
    const minimumBefore = Number(await surveillance.locator('td').nth(1).textContent());
    await tabTo(page, 'Change covert surveillance minimum');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Change the minimum' }).waitFor();
    await expectAccessible(page, 'the baseline editor');
    await tabTo(page, 'minimum');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(String(minimumBefore + 1));
    await page.keyboard.press('Enter');
    await page.getByTestId('success-banner').waitFor();
    expect(await page.getByTestId('success-banner').textContent()).toContain(`The covert surveillance minimum is now ${minimumBefore + 1}.`);
    expect(Number(await surveillance.locator('td').nth(1).textContent())).toBe(minimumBefore + 1);
    await context.close();
  });

  it('a deep link survives signing in and a reload', async () => {
    context = await newContext(browser);
    page = await context.newPage();
    await page.goto('/escalations');
    await page.waitForURL(/\/sign-in\?next=%2Fescalations/);
    await page.getByRole('radio', { name: 'Andrew Pascoe' }).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Escalations', level: 1 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Escalations', level: 1 }).waitFor();
    // Empty, unless the TITAN story (running beside this file) has already escalated its objection.
    await page.getByTestId('empty-state').or(page.getByTestId('alerts-table')).first().waitFor();
    await expectAccessible(page, 'the ROCC escalations');

    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await expectAccessible(page, 'the page-not-found page');
    await page.goto('/vacancies');
    await page.getByRole('heading', { name: 'You cannot use this page' }).waitFor();
    await expectAccessible(page, 'a page for another role');
    await context.close();
  });

  it('at 320 px wide the pages reflow without sideways scrolling, and the menu opens from its button', async () => {
    context = await newContext(browser, 320, 640);
    page = await context.newPage();
    await signIn(page, 'Helen Marshall');
    // Anything wider than the screen, outside the tables (which scroll sideways in their own box).
    const overflowing = () =>
      page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number }; querySelectorAll: (s: string) => Iterable<{ tagName: string; className: string; closest: (s: string) => unknown; getBoundingClientRect: () => { right: number } }> } }).document;
        const wide = [...doc.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > 321 && !e.closest('.app-table-wrapper'))
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
        return doc.documentElement.scrollWidth > 320 ? [`page ${doc.documentElement.scrollWidth} px wide`, ...wide.slice(0, 5)] : [];
      });

    await page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
    expect(await overflowing()).toEqual([]);
    await expectAccessible(page, 'the campaigns list at 320 px');
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: 'Baselines', exact: true }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('link', { name: 'Baselines', exact: true }).click();
    await page.getByRole('heading', { name: 'Capability baselines', level: 1 }).waitFor();
    await page.locator('.app-loading').first().waitFor({ state: 'detached' });
    expect(await overflowing()).toEqual([]);

    await page.goto('/campaigns/new');
    await page.getByRole('heading', { name: 'Create a campaign' }).waitFor();
    await page.getByLabel('Capability', { exact: true }).selectOption({ label: 'Cyber-crime investigation' });
    await page.getByLabel('Number of posts').fill('3');
    await page.getByRole('radio', { name: 'NPPV level 3' }).check();
    await page.locator('[data-testid=impact-table] tr[data-org=titan][data-capability=cyber]').waitFor();
    expect(await overflowing()).toEqual([]);
    await expectAccessible(page, 'the new-campaign form at 320 px');
    await screenshot(page, 'new-campaign-320px');
    await signOut(page);
    await context.close();
  });

  it('the placements, secondment requests and officer import pages reflow at 320 px and pass axe', async () => {
    context = await newContext(browser, 320, 640);
    page = await context.newPage();
    const overflowing = () =>
      page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document;
        return doc.documentElement.scrollWidth > 320 ? [`page ${doc.documentElement.scrollWidth} px wide`] : [];
      });
    await signIn(page, 'Megan Hughes');
    await page.goto('/placements?pipDevelopment=true');
    await page.getByRole('heading', { name: 'Secondment placements', level: 1 }).waitFor();
    await page.getByTestId('placements').or(page.getByTestId('empty-state')).first().waitFor();
    expect(await overflowing()).toEqual([]);
    await expectAccessible(page, 'the placements list at 320 px');
    await signOut(page);

    await signIn(page, 'Helen Marshall');
    for (const [path, heading] of [
      ['/placements', 'Your placements'],
      ['/placements/new', 'Post a placement'],
      ['/secondments/home', 'Secondment requests'],
      ['/officers/import', 'Import officer records'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.locator('.app-loading').first().waitFor({ state: 'detached' });
      expect(await overflowing(), path).toEqual([]);
      await expectAccessible(page, `${heading} at 320 px`);
    }
    await signOut(page);
    await context.close();
  });
});
