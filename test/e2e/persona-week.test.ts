/**
 * A week at work for every persona of the picker, in a real Chromium: each
 * signs in, opens every link in their menu and, on each of those pages, the
 * first few records it lists (a campaign, an alert, an officer, a placement,
 * a vacancy, a report…). What a user relies on: no link they are offered
 * leads to "You cannot use this page" or "Page not found", no page greets
 * them with an error summary or "something went wrong" before they have done
 * anything, and every page passes axe. The two officers, who are the likeliest
 * to be on a phone, do it again at 320 px, where no page may scroll sideways.
 *
 * Read only: the suite follows links and reads, and never presses a button
 * that changes data, so the files beside it on the same seeded stack see
 * nothing of it. It counts no records, since those files add them as it runs.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newContext, signIn, signOut, skipReason } from './support/browser';

const PERSONAS = [
  'Helen Marshall', // NCA HR lead
  'Stuart Barraclough', // TITAN HR lead
  'Fiona Campbell', // TITAN ROCU head
  'Marcus Adeyemi', // ERSOU ROCU head
  'Louise Chapman', // ERSOU HR lead
  'Andrew Pascoe', // ROCC North West
  'Daniel Okafor', // TITAN officer
  'Megan Hughes', // NCA officer
  'Service Administrator',
] as const;
const OFFICERS = ['Daniel Okafor', 'Megan Hughes'] as const;

/** Records followed from each menu page: enough to open each kind of record a page lists, few enough to stay quick. */
const RECORDS_PER_PAGE = 3;
/**
 * A record's own page: one id after a section (`/campaigns/cmp_1`, `/forecast/titan`,
 * `/reports/pip-pipeline`). Deeper paths are actions on a record (`/campaigns/x/edit`,
 * `/applications/x/withdraw`), forms a person opens to change something; left out.
 */
const RECORD = /^\/(campaigns|alerts|officers|placements|vacancies|courses|secondment-applications|forecast|roster|baselines|reports|admin\/contacts)\/[^/]+$/;
const NOT_A_RECORD = /\/(new|import)$/;
const ERROR_TEXT = /something went wrong|there is a problem with the service|internal server error/i;
const REFUSED = ['You cannot use this page', 'Page not found'];

/** `/campaigns/cmp_1` → `/campaigns/:id`: the kind of page a link leads to. */
const shapeOf = (path: string) => path.replace(/\/[^/]+$/, '/:id');

/** The hrefs of the persona's menu, read from the DOM: at 320 px the list sits behind the "Menu" button. */
function menuLinks(page: Page): Promise<string[]> {
  return page
    .getByRole('navigation', { name: 'Menu' })
    .locator('a')
    .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!))]);
}

/**
 * Up to `RECORDS_PER_PAGE` record links in the main content, one of each kind
 * first (an alert and its campaign, before a second alert), skipping any
 * already visited.
 */
async function recordLinks(page: Page, visited: Set<string>): Promise<string[]> {
  const hrefs = await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const candidates = [...new Set(hrefs.map((h) => h.split(/[?#]/)[0]!))].filter((p) => RECORD.test(p) && !NOT_A_RECORD.test(p) && !visited.has(p));
  const firstOfEach = candidates.filter((p, i) => candidates.findIndex((q) => shapeOf(q) === shapeOf(p)) === i);
  const rest = candidates.filter((p) => !firstOfEach.includes(p));
  return [...firstOfEach, ...rest].slice(0, RECORDS_PER_PAGE);
}

/** How far the page is wider than the window (0 or 1 when nothing scrolls sideways). */
function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
    return doc.documentElement.scrollWidth - doc.documentElement.clientWidth;
  });
}

/**
 * Open a page as a person would arrive at it and say what is wrong with it,
 * if anything. Problems are collected, not thrown, so one run names every
 * page that fails rather than only the first.
 */
async function check(page: Page, path: string, who: string, narrow: boolean, crashes: string[]): Promise<string[]> {
  const problems: string[] = [];
  const at = `${who}${narrow ? ' at 320 px' : ''}, ${path}`;
  crashes.length = 0;
  await page.goto(path);
  try {
    await page.locator('h1').first().waitFor();
    await page.locator('.app-loading').first().waitFor({ state: 'detached' });
  } catch {
    return [`${at}: no heading, or still loading (${(await page.locator('main').innerText().catch(() => '')).slice(0, 200)})`];
  }
  const h1 = (await page.locator('h1').first().innerText()).trim();
  if (REFUSED.includes(h1)) problems.push(`${at}: the heading is "${h1}"`);
  for (const summary of await page.locator('[data-testid=error-summary], .govuk-error-summary').all()) {
    if (await summary.isVisible()) problems.push(`${at}: an error summary on opening: ${(await summary.innerText()).replace(/\s+/g, ' ')}`);
  }
  const text = await page.locator('body').innerText();
  const error = text.match(ERROR_TEXT);
  if (error) problems.push(`${at}: the page says "${error[0]}"`);
  if (crashes.length) problems.push(`${at}: the page threw ${crashes.join('; ')}`);
  try {
    await expectAccessible(page, at);
  } catch (e) {
    const lines = (e as Error).message.split('\n').filter((l) => /serious:|critical:/.test(l));
    problems.push(`${at}: axe found ${lines.length ? lines.map((l) => l.trim()).join(' ') : (e as Error).message.slice(0, 500)}`);
  }
  if (narrow) {
    const overflow = await pageOverflow(page);
    if (overflow > 1) problems.push(`${at}: scrolls sideways by ${overflow} px`);
  }
  return problems;
}

describe.skipIf(!!skipReason)('a week at work for every persona', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  /** Sign in, open every menu page and a few records from each; resolves with the pages visited and their problems. */
  async function week(who: string, width: number): Promise<{ visited: string[]; problems: string[] }> {
    // A context per persona: nothing of one person's session or history reaches the next.
    await context?.close();
    context = await newContext(browser, width, 800);
    const page = await context.newPage();
    const crashes: string[] = [];
    page.on('pageerror', (e) => crashes.push(e.message));
    await signIn(page, who);
    const menu = await menuLinks(page);
    expect(menu.length, `${who} has a menu`).toBeGreaterThan(0);
    const visited = new Set<string>(menu);
    const problems: string[] = [];
    for (const path of menu) {
      problems.push(...(await check(page, path, who, width <= 320, crashes)));
      // Records listed on this page, read while it is open; visited after, so the menu page is checked as it first showed.
      const records = await recordLinks(page, visited);
      for (const record of records) {
        visited.add(record);
        problems.push(...(await check(page, record, who, width <= 320, crashes)));
      }
    }
    await signOut(page);
    return { visited: [...visited], problems };
  }

  for (const who of PERSONAS) {
    it(`${who}: every menu page and the records on it can be used`, { timeout: 300_000 }, async () => {
      const { visited, problems } = await week(who, 1024);
      console.info(`${who}: ${visited.length} pages visited: ${visited.join(', ')}`);
      expect(problems, `${who}'s pages`).toEqual([]);
    });
  }

  for (const who of OFFICERS) {
    it(`${who} on a 320 px phone: every page can be used and none scrolls sideways`, { timeout: 300_000 }, async () => {
      const { visited, problems } = await week(who, 320);
      console.info(`${who} at 320 px: ${visited.length} pages visited: ${visited.join(', ')}`);
      expect(problems, `${who}'s pages at 320 px`).toEqual([]);
    });
  }
});
