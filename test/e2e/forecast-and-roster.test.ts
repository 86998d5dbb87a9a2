/**
 * The capability forecast and the team roster in the browser: TITAN's head
 * reaches the forecast from the navigation, each team's chart is an image
 * named in words whose description agrees with its table, the dated changes
 * are listed, and the forecast downloads as a CSV file with one row per team
 * and month in UK dates; the North West ROCC chooses TITAN among the ROCUs of
 * their region; TITAN's HR lead reaches the roster from the baselines page
 * and downloads it, one row per officer; ERSOU's head is refused TITAN's
 * roster. Every page visited passes axe.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectAccessible, launchBrowser, newContext, screenshot, signIn, skipReason } from './support/browser';

const UK_DATE = /^\d{2}\/\d{2}\/\d{4}$/;

/** The rows of a CSV file without quoted commas (the tests' files have none in the columns read), header first, BOM gone. */
function csvRows(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

describe.skipIf(!!skipReason)('the capability forecast and the team roster in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('TITAN’s head sees each team as a chart named in words, its table, who leaves or returns when, and downloads the forecast', async () => {
    const forecast = (await (await apiAs('titan-head'))('GET', '/v1/organisations/titan/forecast?capabilityId=cyber')) as {
      items: { firstBreach: { month: string } | null; events: unknown[] }[];
    };
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, 'Fiona Campbell');
    await page.getByRole('link', { name: 'Forecast' }).click();
    await page.waitForURL(/\/forecast\/titan$/);
    await page.getByRole('heading', { name: 'Capability forecast', level: 1 }).waitFor();
    await page.getByTestId('forecast-glance').waitFor();
    await expectAccessible(page, 'TITAN’s forecast');

    const chart = page.getByRole('img', { name: /^Cyber-crime investigation: strength and projected strength against the minimum/ });
    expect(await chart.isVisible()).toBe(true);
    const desc = (await page.locator('[data-testid=forecast-chart-cyber] desc').textContent())!;
    const sentence = (await page.getByTestId('forecast-sentence-cyber').textContent())!;
    // The description a screen reader hears states the same first breach as the page's sentence.
    expect(desc).toContain(sentence.replace(/^!?\s*Warning/, '').split(' Because ')[0]!.trim());
    const breach = forecast.items[0]!.firstBreach;
    if (breach) expect(await page.getByTestId('forecast-breach-cyber').textContent()).toContain('Below minimum from');
    else expect(sentence).toContain('stays at or above its minimum');

    // The table alternative: open the details, 25 rows (today and 24 month ends), today's projection as the description says.
    await page.getByText('Cyber-crime investigation: the figures month by month').click();
    const rows = page.locator('[data-testid=forecast-table-cyber] tbody tr');
    expect(await rows.count()).toBe(25);
    const today = (await rows.first().locator('td').allTextContents()).map((t) => t.trim());
    expect(desc).toContain(`projected strength (once those committed to leave have gone) is ${today[2]} today`);
    expect(await rows.first().locator('th').textContent()).toMatch(/^Today, \d{1,2} [A-Z][a-z]+ \d{4}/);
    await expectAccessible(page, 'TITAN’s forecast with a table open');

    // The dated changes: one row each, with the kind in words and a UK date.
    const events = page.locator('[data-testid=forecast-events-cyber] tbody tr');
    expect(await events.count()).toBe(forecast.items[0]!.events.length);
    for (const text of await events.locator('td:first-child').allTextContents()) expect(text).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    await screenshot(page, 'forecast');

    const file = await download(page, 'download-forecast');
    expect(file.name).toMatch(/^forecast-titan-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = csvRows(file.text);
    expect(csv[0]).toEqual(['Unit', 'Team', 'Month', 'Figures at', 'Strength', 'Committed out', 'Projected', 'Minimum', 'Establishment (funded posts)', 'Level', 'Below minimum']);
    const cyber = csv.filter((r) => r[1] === 'Cyber-crime investigation');
    expect(cyber).toHaveLength(25);
    expect(cyber.every((r) => r[0] === 'TITAN' && UK_DATE.test(r[3]!))).toBe(true);
    expect(cyber[0]![6]).toBe(today[2]);
    const teams = await page.locator('[data-testid=forecast-glance] tbody tr').count();
    expect(csv).toHaveLength(1 + 25 * teams);

    const changes = csvRows((await download(page, 'download-events')).text);
    expect(changes[0]).toEqual(['Unit', 'Team', 'Date', 'What happens', 'Officer', 'Change in projected strength', 'Change in funded posts', 'Details']);
    expect(changes.filter((r) => r[1] === 'Cyber-crime investigation')).toHaveLength(forecast.items[0]!.events.length);
    await context.close();
  });

  it('the North West ROCC chooses TITAN among the ROCUs of their region', async () => {
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, 'Andrew Pascoe');
    await page.getByRole('link', { name: 'Forecast' }).click();
    await page.getByRole('heading', { name: 'Capability forecasts', level: 1 }).waitFor();
    const units = page.getByTestId('forecast-units').getByRole('link');
    await units.first().waitFor();
    expect(await units.allTextContents()).toEqual([expect.stringMatching(/^TITAN/)]);
    await expectAccessible(page, 'the ROCC’s forecast list');
    await units.first().click();
    await page.getByRole('heading', { name: 'Capability forecast', level: 1 }).waitFor();
    await page.getByTestId('forecast-glance').waitFor();
    // The roster names people: it is TITAN's own, so the ROCC is not offered it.
    expect(await page.getByRole('link', { name: /team roster/ }).count()).toBe(0);
    await expectAccessible(page, 'TITAN’s forecast for the ROCC');
    await context.close();
  });

  it('TITAN’s HR lead reaches the roster from the baselines, sees who serves in each team, and downloads it', async () => {
    const roster = (await (await apiAs('titan-hr'))('GET', '/v1/organisations/titan/roster')) as { officers: unknown[] };
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, 'Stuart Barraclough');
    await page.getByRole('link', { name: 'Baselines', exact: true }).click();
    await page.getByRole('link', { name: 'See who serves in each team (the team roster)' }).click();
    await page.getByRole('heading', { name: 'Team roster', level: 1 }).waitFor();
    await page.getByTestId('roster-table-cyber').waitFor();
    await expectAccessible(page, 'TITAN’s roster');

    const cyber = page.locator('[data-testid=roster-table-cyber] tbody tr');
    expect(await cyber.count()).toBeGreaterThan(0);
    for (const row of await cyber.all()) {
      const [home, postingEnds, leaving, commitments] = (await row.locator('td').allTextContents()).map((t) => t.trim());
      expect(home).toMatch(/\S/);
      expect(postingEnds).toMatch(/^(Serves at home|\d{1,2} [A-Z][a-z]+ \d{4})$/);
      expect(leaving).toMatch(/^(None recorded|\d{1,2} [A-Z][a-z]+ \d{4})$/);
      expect(commitments).toMatch(/^(None|Moves to|Secondment to)/);
      // A posted officer's home force is named, and so is the end of the posting.
      if (home!.endsWith('(posted in)')) expect(postingEnds).not.toBe('Serves at home');
    }
    await screenshot(page, 'roster');

    const file = await download(page, 'download-roster');
    expect(file.name).toMatch(/^roster-titan-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = csvRows(file.text);
    expect(csv[0]).toEqual(['Unit', 'Officer', 'Staff number', 'Home organisation', 'Posted in', 'Posting ends', 'Leaving date', 'Teams', 'Vetting', 'PIP level', 'Commitments']);
    expect(csv).toHaveLength(1 + roster.officers.length);
    for (const row of csv.slice(1)) {
      expect(row[0]).toBe('TITAN');
      expect(row[5] === '' || UK_DATE.test(row[5]!)).toBe(true);
      expect(['Yes', 'No']).toContain(row[4]);
    }
    await context.close();
  });

  it('TITAN’s head opens a posted officer from the roster, sees where they serve until when, and extends the posting', async () => {
    const roster = (await (await apiAs('titan-head'))('GET', '/v1/organisations/titan/roster')) as {
      officers: Array<{ id: string; name: string; posted: boolean; servingUntil: string | null; homeOrgId: string }>;
    };
    const posted = roster.officers.find((o) => o.posted && o.servingUntil)!;
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, 'Fiona Campbell', '/roster/titan');
    await page.locator(`tr[data-officer="${posted.id}"]`).first().getByRole('link', { name: posted.name }).click();
    await page.getByRole('heading', { name: posted.name, level: 1 }).waitFor();
    const card = page.getByTestId('officer-posting');
    expect(await card.textContent()).toContain('on a posting from');
    await expectAccessible(page, 'a posted officer’s record');

    await card.getByRole('link', { name: 'Extend the posting' }).click();
    await page.getByRole('heading', { name: 'Extend the posting', level: 1 }).waitFor();
    // A date not after the current end is refused on the page, in words.
    const [y, m, d] = posted.servingUntil!.split('-');
    await page.getByLabel('Day').fill(String(Number(d)));
    await page.getByLabel('Month').fill(String(Number(m)));
    await page.getByLabel('Year').fill(y!);
    await page.getByRole('button', { name: 'Extend the posting' }).click();
    await page.getByTestId('error-summary').getByText(/The new end date must be after/).waitFor();
    await expectAccessible(page, 'the posting form with an error');

    await page.getByLabel('Year').fill(String(Number(y) + 1));
    await page.getByLabel('Reason (for the audit trail)').fill('Force agreed another year');
    await page.getByRole('button', { name: 'Extend the posting' }).click();
    await page.getByText(`${posted.name}’s posting now ends on`).waitFor();
    expect(await page.getByTestId('officer-posting').textContent()).toContain(String(Number(y) + 1));
    const after = (await (await apiAs('titan-head'))('GET', `/v1/officers/${posted.id}`)) as { servingUntil: string };
    expect(after.servingUntil).toBe(`${Number(y) + 1}-${m}-${d}`);
    await context.close();
  });

  it('the capability heatmap has a time axis: TITAN’s head looks 24 months ahead, the picture and the table agree, and TITAN links to its forecast', async () => {
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, 'Fiona Campbell', '/reports/capability-heatmap');
    await page.getByRole('heading', { name: 'Today', level: 2 }).waitFor();
    expect(await page.getByRole('radio', { name: 'Today' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'In 24 months' }).check();
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/months=24/);
    await page.getByRole('heading', { name: /^In 24 months: the end of [A-Z][a-z]+ \d{4}$/, level: 2 }).waitFor();
    expect(await page.getByRole('img', { name: /^Capability heatmap: \d+ ROCUs? by \d+ capabilit\w+, in 24 months One row per capability/ }).isVisible()).toBe(true);
    const cells = page.locator('[data-testid=heatmap-svg] g[data-capability]');
    expect(await cells.count()).toBeGreaterThan(0);
    for (const cell of (await cells.all()).slice(0, 20)) {
      const org = await cell.getAttribute('data-org');
      const row = page.locator(`[data-testid=heatmap-table] tr[data-org="${org}"][data-capability="${await cell.getAttribute('data-capability')}"]`);
      const figures = (await cell.locator('.app-heatmap__figures').textContent())!.match(/^(\d+) \(min (\d+)\)$/)!;
      const numbers = (await row.locator('td.govuk-table__cell--numeric').allTextContents()).map((t) => t.trim());
      expect([numbers[2], numbers[3]]).toEqual([figures[1], figures[2]]);
    }
    await expectAccessible(page, 'the capability heatmap 24 months ahead');
    // The choice survives a reload; TITAN's own row leads to its forecast, ERSOU's (not the head's to see) does not.
    await page.reload();
    expect(await page.getByRole('radio', { name: 'In 24 months' }).isChecked()).toBe(true);
    expect(await page.locator('[data-testid=heatmap-table] tr[data-org=ersou] a').count()).toBe(0);
    await page.locator('[data-testid=heatmap-table] tr[data-org=titan] a').first().click();
    await page.getByRole('heading', { name: 'Capability forecast', level: 1 }).waitFor();
    await context.close();
  });

  it('ERSOU’s head is refused TITAN’s roster', async () => {
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, 'Marcus Adeyemi', '/roster/titan');
    await page.getByRole('heading', { name: 'Team roster', level: 1 }).waitFor();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByTestId('error-summary').textContent()).toContain('Only the ROCU head and HR lead of the unit see its team roster.');
    expect(await page.locator('[data-testid^=roster-table]').count()).toBe(0);
    await expectAccessible(page, 'a roster refused');
    await context.close();
  });
});
