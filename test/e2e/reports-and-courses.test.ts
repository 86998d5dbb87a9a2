/**
 * The capability heatmap (picture and table agree, level in words) for a ROCU
 * head and a ROCC, and joint training courses: an HR lead creates one with
 * seats per organisation, an officer books, sees the booking and cancels it.
 * The campaign calendar, the PIP pipeline, the secondment flows, an officer's PIP record and the
 * sign-off form are checked too. Every page visited passes axe (no serious or critical WCAG 2.2 AA violation).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLL, expectAccessible, fillDate, launchBrowser, newContext, screenshot, signIn, skipReason } from './support/browser';

const LEVEL_WORDS: Record<string, string> = { ok: 'OK', warning: 'Warning', critical: 'Critical', loss: 'Loss' };
const year = new Date().getUTCFullYear() + 1;

describe.skipIf(!!skipReason)('reports and courses in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Every team in the picture shows its level in words, and the table says the same. */
  async function pictureMatchesTable(): Promise<string[]> {
    const cells = page.locator('[data-testid=heatmap-svg] g[data-capability]');
    const count = await cells.count();
    expect(count).toBeGreaterThan(0);
    const orgs = new Set<string>();
    for (let i = 0; i < count; i++) {
      const cell = cells.nth(i);
      const level = (await cell.getAttribute('data-level'))!;
      const capability = (await cell.getAttribute('data-capability'))!;
      const org = (await cell.getAttribute('data-org'))!;
      orgs.add(org);
      expect(await cell.textContent()).toContain(LEVEL_WORDS[level]);
      const row = page.locator(`[data-testid=heatmap-table] tr[data-org="${org}"][data-capability="${capability}"]`);
      expect(await row.textContent()).toContain(LEVEL_WORDS[level]);
    }
    return [...orgs];
  }

  it('a ROCU head sees every ROCU’s teams as a picture with the level in words, and as a table', async () => {
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, 'Fiona Campbell');
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    await expectAccessible(page, 'the reports list');
    await page.getByRole('link', { name: 'Capability heatmap' }).click();
    await page.getByRole('heading', { name: 'Capability heatmap', level: 1 }).waitFor();
    await page.getByTestId('heatmap-table').waitFor();
    const picture = page.getByRole('img', { name: /Capability heatmap: \d+ ROCUs? by \d+ capabilit/ });
    expect(await picture.isVisible()).toBe(true);
    const orgs = await pictureMatchesTable();
    expect(orgs).toEqual(expect.arrayContaining(['titan', 'ersou']));
    // TITAN's cyber team (10 strong, minimum 7) is in both.
    expect(await page.locator('[data-testid=heatmap-table] tr[data-org=titan][data-capability=cyber]').count()).toBe(1);
    await expectAccessible(page, 'the capability heatmap');
    await screenshot(page, 'capability-heatmap');

    // A deep link with a region survives a reload and narrows the picture.
    await page.getByLabel('Region').selectOption({ label: 'East of England' });
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/region=east-of-england/);
    await expect.poll(async () => (await pictureMatchesTable()).join(','), POLL).toBe('ersou');
    await page.reload();
    await page.getByTestId('heatmap-table').waitFor();
    expect(await pictureMatchesTable()).toEqual(['ersou']);
    await context.close();
  });

  it('the North West ROCC sees their own region', async () => {
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, 'Andrew Pascoe', '/reports/capability-heatmap');
    await page.getByRole('heading', { name: 'Capability heatmap', level: 1 }).waitFor();
    await page.getByTestId('heatmap-table').waitFor();
    expect(await pictureMatchesTable()).toEqual(['titan']);
    await expectAccessible(page, 'the ROCC’s heatmap');
    await context.close();
  });

  it('an HR lead creates a course with seats per organisation; an officer books it, sees it, and cancels', async () => {
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, 'Stuart Barraclough');
    await page.getByRole('link', { name: 'Courses' }).click();
    await page.getByRole('heading', { name: 'Training courses', level: 1 }).waitFor();
    await page.getByTestId('empty-state').or(page.getByTestId('courses-table')).first().waitFor();
    await expectAccessible(page, 'the course list');

    await page.getByRole('link', { name: 'Create a course' }).click();
    await page.getByRole('heading', { name: 'Create a course' }).waitFor();
    // Nothing filled in: the error summary names each field and links to it.
    await page.getByRole('button', { name: 'Create the course' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the course title');
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page, 'the new-course form with errors');

    const title = `Digital forensics foundation ${Date.now()}`;
    await page.getByLabel('Course title').fill(title);
    await page.getByLabel('Where').fill('Warrington training centre');
    await page.getByLabel('Region', { exact: true }).selectOption({ label: 'North West' });
    await fillDate(page, 'Start date', 14, 6, year);
    await fillDate(page, 'End date', 18, 6, year);
    // Organisations are added one by one (the host is there already), then each gets its seats; not 55 inputs.
    const seats = page.getByTestId('course-seats');
    expect(await seats.getByRole('textbox').count()).toBe(1);
    await page.getByLabel('Seats for TITAN', { exact: true }).fill('1');
    await page.getByLabel('Add an organisation').selectOption({ label: 'ERSOU' });
    await page.getByRole('button', { name: 'Add organisation' }).click();
    await page.getByLabel('Seats for ERSOU', { exact: true }).waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('seats-ersou');
    // Added but given no seats: the error names it and links to its input.
    await page.getByRole('button', { name: 'Create the course' }).click();
    await page.getByTestId('error-summary').getByRole('link', { name: 'Seats for ERSOU must be a whole number from 1 to 200' }).waitFor();
    await expectAccessible(page, 'the new-course form with an organisation added');
    await page.getByRole('button', { name: 'Remove ERSOU' }).click();
    expect(await seats.getByRole('textbox').count()).toBe(1);
    expect(await page.getByLabel('Add an organisation').locator('option', { hasText: /^ERSOU$/ }).count()).toBe(1);
    await screenshot(page, 'course-new');
    await page.getByRole('button', { name: 'Create the course' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect(await page.locator('[data-testid=allocations-table] tr[data-org=titan]').textContent()).toMatch(/TITAN\s*1\s*0/);
    await expectAccessible(page, 'the course page (HR lead)');
    const coursePath = new URL(page.url()).pathname;
    await context.close();

    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, 'Daniel Okafor', coursePath);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await expectAccessible(page, 'the course page (officer)');
    await screenshot(page, 'course');
    await page.getByRole('button', { name: 'Book a place' }).click();
    await page.getByRole('heading', { name: 'Your course bookings', level: 1 }).waitFor();
    expect(await page.getByTestId('success-banner').textContent()).toContain(`You have a place on ${title}.`);
    const row = page.locator('[data-testid=bookings-table] tr', { hasText: title });
    expect(await row.textContent()).toContain('Booked');
    await expectAccessible(page, 'the officer’s course bookings');
    await screenshot(page, 'course-bookings');

    // TITAN's one seat is taken: the course page now offers the wait list.
    await page.goto(coursePath);
    await page.getByRole('button', { name: 'Join the wait list' }).waitFor();

    await page.goto('/course-bookings');
    await row.getByRole('button', { name: `Cancel ${title}` }).click();
    await expect.poll(() => page.getByTestId('success-banner').textContent(), POLL).toContain(`Your place on ${title} is cancelled.`);
    await expect.poll(() => row.textContent(), POLL).toContain('Cancelled');
    await context.close();
  });

  it('the campaign calendar, the PIP pipeline and the secondment flows show as pictures and tables, for an HR lead', async () => {
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, 'Helen Marshall', '/reports/campaign-calendar');
    await page.getByRole('heading', { name: 'Campaign calendar', level: 1 }).waitFor();
    await page.getByTestId('empty-state').or(page.getByTestId('calendar-table')).first().waitFor();
    if (await page.getByTestId('calendar-table').isVisible()) {
      // Every bar in the picture is a row of the table, with its status in words.
      const bars = page.locator('[data-testid=calendar-svg] g[data-campaign]');
      const n = await bars.count();
      expect(await page.locator('[data-testid=calendar-table] tbody tr').count()).toBe(n);
      for (let i = 0; i < n; i++) {
        const id = await bars.nth(i).getAttribute('data-campaign');
        expect(await page.locator(`[data-testid=calendar-table] tr[data-campaign="${id}"]`).count()).toBe(1);
      }
    }
    await expectAccessible(page, 'the campaign calendar');
    await screenshot(page, 'campaign-calendar');

    await page.goto('/reports/pip-pipeline');
    await page.getByRole('heading', { name: 'PIP pipeline', level: 1 }).waitFor();
    await page.getByTestId('pip-pipeline-table').waitFor();
    expect(await page.locator('[data-testid=pip-pipeline-table] tr[data-org=nca]').count()).toBe(1);
    await expectAccessible(page, 'the PIP pipeline');
    await screenshot(page, 'pip-pipeline');

    await page.goto('/reports');
    await page.getByRole('link', { name: 'Secondment flows' }).click();
    await page.getByRole('heading', { name: 'Secondment flows', level: 1 }).waitFor();
    await page.getByTestId('empty-state').or(page.getByTestId('flows-table')).first().waitFor();
    if (await page.getByTestId('flows-table').isVisible()) {
      // Each bar's number is the table's total for that region and direction.
      const bars = page.locator('[data-testid=flows-svg] g[data-direction]');
      for (let i = 0; i < (await bars.count()); i++) {
        const bar = bars.nth(i);
        const region = await bar.locator('xpath=..').getAttribute('data-region');
        const direction = await bar.getAttribute('data-direction');
        const row = page.locator(`[data-testid=flows-table] tr[data-region="${region}"][data-direction="${direction}"] td`).last();
        expect(await row.textContent()).toBe(await bar.getAttribute('data-count'));
        expect(await bar.textContent()).toMatch(/^(NCA to ROCU|ROCU to NCA): \d+$/);
      }
    }
    await expectAccessible(page, 'the secondment flows');
    await screenshot(page, 'secondment-flows');
    await context.close();
  });

  it('an officer reads their PIP record; the HR lead opens the sign-off form and is told why it cannot be signed off yet', async () => {
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, 'Daniel Okafor');
    await page.getByRole('link', { name: 'My PIP record' }).click();
    await page.getByRole('heading', { name: 'Your PIP record', level: 1 }).waitFor();
    expect(await page.locator('.app-pip-summary').textContent()).toContain('PIP level 2');
    await expectAccessible(page, 'the officer’s PIP record');
    await screenshot(page, 'pip-record');
    const officerId = await page.evaluate(
      () => (JSON.parse((globalThis as unknown as { sessionStorage: { getItem: (key: string) => string | null } }).sessionStorage.getItem('rocu-workforce.session')!) as { claims: { officerId: string } }).claims.officerId,
    );
    await context.close();

    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, 'Stuart Barraclough', `/officers/${officerId}/pip`);
    await page.getByRole('heading', { name: 'PIP record', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Sign off a PIP level' }).click();
    await page.getByRole('heading', { name: 'Sign off a PIP level', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Sign off' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select the level you are signing off');
    await expectAccessible(page, 'the PIP sign-off form with errors');
    // No completed PIP-development secondment: the API refuses, and the page says why.
    await page.getByRole('radio', { name: /PIP level 3/ }).check();
    await page.getByLabel('What the assessment found').fill('Led two serious and complex investigations to charge.');
    await page.getByRole('button', { name: 'Sign off' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').textContent(), POLL).not.toContain('Select the level');
    await expectAccessible(page, 'the PIP sign-off refused');
    await context.close();
  });
});
