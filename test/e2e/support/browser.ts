import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { CHROMIUM_PATH } from './browser-path';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SCREENSHOT_DIR = join(REPO_ROOT, 'docs', 'screenshots');

export const baseUrl = inject('e2eBaseUrl');
/** For `expect.poll`: its own default (1 s) is shorter than a debounced preview on a busy machine. */
export const POLL = { timeout: 15_000, interval: 100 };
/** Set when global setup found no Chromium outside CI: `describe.skipIf(skipReason)`. */
export const skipReason = inject('e2eSkipReason');

/** The flags this machine's Chromium needs: no sandbox as root, and no calls out to Google's services (the network is closed). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function newContext(browser: Browser, width = 1024, height = 800): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width, height }, locale: 'en-GB', timezoneId: 'Europe/London' });
  context.setDefaultTimeout(15_000);
  return context;
}

/**
 * A caller of the API as a persona (`POST /local/token`), or as anyone with the
 * claims given (people the persona picker does not list), for setting up what a
 * test is not about.
 */
export async function apiAs(
  who: string | { sub: string; org: string; roles: string[]; officerId?: string; regions?: string[]; name?: string },
): Promise<(method: string, path: string, body?: unknown) => Promise<unknown>> {
  const claims = typeof who === 'string' ? { sub: who } : who;
  const res = await fetch(`${baseUrl}/local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(claims) });
  const { token } = (await res.json()) as { token: string };
  return async (method, path, body) => {
    const out = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await out.json()) as unknown;
    if (!out.ok) throw new Error(`${method} ${path} answered ${out.status}: ${JSON.stringify(json)}`);
    return json;
  };
}

type Call = (method: string, path: string, body?: unknown) => Promise<unknown>;

/** An API caller with any claim set (`POST /local/token` takes one): people the persona picker does not list. */
export function apiWithClaims(claims: { sub: string; org: string; roles: string[]; officerId?: string; regions?: string[]; name?: string }): Promise<Call> {
  return apiAs(claims);
}

/** Fill a GOV.UK date input (day, month, year) found by its fieldset's legend. */
export async function fillDate(page: Page, legend: string, day: number | string, month: number | string, year: number | string): Promise<void> {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(day));
  await group.getByLabel('Month').fill(String(month));
  await group.getByLabel('Year').fill(String(year));
}

/** Sign in through the persona picker, as a person would. */
export async function signIn(page: Page, personaName: string, next?: string): Promise<void> {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  await page.getByRole('radio', { name: personaName }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByTestId('signed-in-as').textContent(), POLL).toContain(personaName);
}

/**
 * Sign in as someone the persona picker does not list (any claim set): the
 * session the sign-in page would keep, written straight into the tab's
 * session storage. For a test that needs a user of its own organisation.
 */
export async function signInWithClaims(
  page: Page,
  claims: { sub: string; org: string; roles: string[]; name?: string; officerId?: string; regions?: string[] },
  next: string,
): Promise<void> {
  const res = await fetch(`${baseUrl}/local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(claims) });
  const out = (await res.json()) as { token: string; claims: unknown; expiresAt?: string };
  if (!res.ok) throw new Error(`POST /local/token answered ${res.status}: ${JSON.stringify(out)}`);
  await page.goto('/sign-in');
  const session = { token: out.token, claims: out.claims, name: claims.name ?? claims.sub, ...(out.expiresAt ? { expiresAt: out.expiresAt } : {}) };
  await page.evaluate(
    (value) => (globalThis as unknown as { sessionStorage: { setItem: (key: string, value: string) => void } }).sessionStorage.setItem('rocu-workforce.session', value),
    JSON.stringify(session),
  );
  await page.goto(next);
  await expect.poll(() => page.getByTestId('signed-in-as').textContent(), POLL).toContain(session.name);
}

/** A CSV import through the API as an HR lead with these claims; resolves with the import report. */
export async function importCsvAs(claims: { sub: string; org: string; roles: string[] }, csv: string): Promise<{ created: number; errors: unknown[] }> {
  const res = await fetch(`${baseUrl}/local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(claims) });
  const { token } = (await res.json()) as { token: string };
  const out = await fetch(`${baseUrl}/v1/officers/import`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: csv });
  const report = (await out.json()) as { created: number; errors: unknown[] };
  if (!out.ok) throw new Error(`POST /v1/officers/import answered ${out.status}: ${JSON.stringify(report)}`);
  return report;
}

/** Sign out from the header, where it is at every width (not behind the menu). */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('You have signed out.').waitFor();
}

/** Every page a test visits passes axe's WCAG 2.2 A and AA rules with no serious or critical violation. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Wait for the page to finish loading its data: no "Loading…" left.
  await page.locator('.app-loading').first().waitFor({ state: 'detached' });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(report, `accessibility of ${what} (${page.url()})`).toEqual([]);
}

/**
 * Screenshots of the main pages for the docs (`docs/screenshots/`), written
 * only when asked (`npm run screenshots`, which sets `UPDATE_SCREENSHOTS=1`),
 * so an ordinary test run leaves the working tree alone.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.locator('.app-loading').first().waitFor({ state: 'detached' });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  // Flat GOV.UK pages quantise well: about a third of the size, no visible difference (apt-get install -y pngquant).
  if (existsSync('/usr/bin/pngquant')) execFileSync('/usr/bin/pngquant', ['--quality', '70-90', '--speed', '1', '--force', '--strip', '--output', path, path]);
}
