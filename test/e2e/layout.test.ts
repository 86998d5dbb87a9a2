/**
 * The layout at a phone's 320 px, a tablet's 768 px and a desktop's 1280 px:
 * no page scrolls sideways; an officer's offer shows its status, start date
 * and Accept button without scrolling; the heatmap shows every capability,
 * and the calendar and flows their last column, at desktop width (and reach
 * them inside a focusable, labelled scrolling region below it); the calendar
 * gives every campaign its whole name and months that do not overlap; the HR
 * lead's menu is one row at desktop width, with "Sign out" in the header.
 * Every page visited at every width passes axe.
 *
 * The campaigns here are ZEPHYR's (South West), for protected persons with one
 * post each and an SC, PIP1 profile: no team in the country is put near its
 * minimum, so they open straight away and raise no alert that the other
 * files' stories would see.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectAccessible, launchBrowser, newContext, screenshot, signIn, skipReason } from './support/browser';

const WIDTHS = [320, 768, 1280] as const;
const DESKTOP = 1280;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDate = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

// Two titles alike for their first 40 characters: a calendar that cut names short would show them the same.
const SPRING = 'Protected persons officers for the South West regional unit, spring intake';
const AUTUMN = 'Protected persons officers for the South West regional unit, autumn intake';

/** How far the page is wider than the window (0 when nothing scrolls sideways). */
function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
    return doc.documentElement.scrollWidth - doc.documentElement.clientWidth;
  });
}

/** A box's left and right edges in the window. */
async function edges(locator: Locator): Promise<{ left: number; right: number; top: number }> {
  const box = (await locator.boundingBox())!;
  return { left: box.x, right: box.x + box.width, top: box.y };
}

/** A scrolling region: focusable, labelled, and how much of its content is out of sight. */
async function region(page: Page, label: string): Promise<{ hidden: number; tabIndex: string | null; locator: Locator }> {
  const locator = page.getByRole('region', { name: label, exact: true });
  const hidden = await locator.evaluate((el) => el.scrollWidth - el.clientWidth);
  return { hidden, tabIndex: await locator.getAttribute('tabindex'), locator };
}

/** Scroll a region to its right-hand end, as a keyboard user would with the arrow keys once it has focus. */
async function scrollToEnd(locator: Locator): Promise<void> {
  await locator.focus();
  await locator.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
}

describe.skipIf(!!skipReason)('the layout at 320, 768 and 1280 px', () => {
  let browser: Browser;
  let offerStart: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const zephyrHr = await apiAs({ sub: 'e2e-layout-zephyr-hr', org: 'zephyr', roles: ['hr-lead'] });
    const campaign = (title: string, opensOn: string, closesOn: string) =>
      zephyrHr('POST', '/v1/campaigns', {
        title,
        capabilityId: 'protected-persons',
        ownerOrgId: 'zephyr',
        partnerOrgIds: [],
        regions: ['south-west'],
        posts: 1,
        allocations: [],
        opensOn,
        closesOn,
        maxAppointmentsPerSource: null,
        roleProfile: { jobDescription: 'Protect witnesses at risk.', terms: 'ZEPHYR terms.', grade: 'DS', salaryBand: '£48,000 to £54,000', vetting: 'sc', minPipLevel: 1, locations: ['Exeter'] },
      }) as Promise<{ id: string }>;
    const spring = await campaign(SPRING, day(0), day(30));
    const autumn = await campaign(AUTUMN, day(150), day(180));
    for (const c of [spring, autumn]) {
      expect(((await zephyrHr('POST', `/v1/campaigns/${c.id}/publish`)) as { campaign: { status: string } }).campaign.status).toBe('open');
    }
    // The NCA officer applies to the spring intake and is offered a post.
    const megan = await apiAs('nca-officer');
    const application = (await megan('POST', `/v1/campaigns/${spring.id}/applications`, { statement: 'Five years on NCA witness protection work.' })) as { id: string };
    await zephyrHr('POST', `/v1/applications/${application.id}/shortlist`);
    offerStart = day(60);
    const offered = (await zephyrHr('POST', `/v1/applications/${application.id}/offer`, { startDate: offerStart })) as { status: string };
    expect(offered.status).toBe('offered');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(WIDTHS)('at %i px an officer sees an offer’s status, start date and Accept button without scrolling sideways', async (width) => {
    const context = await newContext(browser, width, 800);
    const page = await context.newPage();
    await signIn(page, 'Megan Hughes', '/applications');
    await page.getByRole('heading', { name: 'My applications', level: 1 }).waitFor();
    // A table row at desktop width, a summary card below it: either way one item with the vacancy's name.
    const item = page.locator('[data-testid=applications-table] tr, [data-testid=applications-cards] > li').filter({ hasText: SPRING });
    await item.waitFor();
    expect(await page.getByTestId(width < 769 ? 'applications-cards' : 'applications-table').isVisible()).toBe(true);
    expect(await pageOverflow(page)).toBe(0);
    const accept = item.getByRole('button', { name: `Accept offer for ${SPRING}` }).or(item.getByRole('link', { name: `Accept offer for ${SPRING}` }));
    for (const shown of [item.getByText('Offered', { exact: true }), item.getByText(longDate(offerStart)), accept]) {
      expect(await shown.isVisible()).toBe(true);
      const { left, right } = await edges(shown);
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(width);
    }
    await expectAccessible(page, `my applications at ${width} px`);
    if (width === 320) await screenshot(page, 'my-applications-320px');
    await context.close();
  });

  it.each(WIDTHS)('at %i px the heatmap shows every capability, the calendar every campaign’s whole name, and no report is cut off', async (width) => {
    const context = await newContext(browser, width, 800);
    const page = await context.newPage();
    await signIn(page, 'Helen Marshall', '/reports/capability-heatmap');
    await page.getByRole('heading', { name: 'Capability heatmap', level: 1 }).waitFor();
    await page.getByTestId('heatmap-svg').waitFor();
    expect(await pageOverflow(page)).toBe(0);
    // One row of the picture per capability the report covers (every one some ROCU has a team for: all fifteen in the seed).
    const report = (await (await apiAs('nca-hr'))('GET', '/v1/reports/capability-heatmap')) as { capabilities: Array<{ id: string }> };
    expect(report.capabilities.length).toBeGreaterThanOrEqual(15);
    const rows = page.locator('[data-testid=heatmap-svg] g[data-capability-row]');
    expect((await rows.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-capability-row')))).sort()).toEqual(report.capabilities.map((c) => c.id).sort());
    const picture = await region(page, 'Capability heatmap picture');
    expect(picture.tabIndex).toBe('0');
    if (width === DESKTOP) {
      // Every capability and every ROCU in view: nothing to scroll to.
      expect(picture.hidden).toBeLessThanOrEqual(0);
    } else {
      // The last ROCU's column is reached by scrolling the picture's own region, not the page.
      await scrollToEnd(picture.locator);
      const last = page.locator('[data-testid=heatmap-svg] .app-heatmap__org').last();
      expect((await edges(last)).right).toBeLessThanOrEqual((await edges(picture.locator)).right + 1);
      expect(await pageOverflow(page)).toBe(0);
    }
    await expectAccessible(page, `the capability heatmap at ${width} px`);

    await page.goto('/reports/campaign-calendar');
    await page.getByRole('heading', { name: 'Campaign calendar', level: 1 }).waitFor();
    await page.getByTestId('calendar-table').waitFor();
    expect(await pageOverflow(page)).toBe(0);
    // Each campaign's label in the picture is its whole title, so the two intakes are told apart.
    const tspans = async (title: string) =>
      page.locator('[data-testid=calendar-label]').evaluateAll(
        (els, t) => els.filter((el) => [...el.querySelectorAll('tspan')].map((s) => s.textContent).join(' ') === t).length,
        title,
      );
    expect(await tspans(SPRING)).toBe(1);
    expect(await tspans(AUTUMN)).toBe(1);
    // No two month names overlap.
    const months = await page.locator('[data-testid=calendar-svg] g[data-month] text.app-chart__axis:not(.app-chart__year)').evaluateAll((els) =>
      els.map((el) => {
        const b = el.getBoundingClientRect();
        return { left: b.left, right: b.right };
      }),
    );
    expect(months.length).toBeGreaterThanOrEqual(12);
    for (let i = 1; i < months.length; i++) expect(months[i]!.left).toBeGreaterThanOrEqual(months[i - 1]!.right);
    for (const label of ['Campaign calendar picture', 'Campaign calendar table']) {
      const r = await region(page, label);
      expect(r.tabIndex).toBe('0');
      if (width === DESKTOP) expect(r.hidden, label).toBeLessThanOrEqual(0);
    }
    // The table's last column, "Coordination notice with", is reached inside its region below desktop width.
    const table = await region(page, 'Campaign calendar table');
    await scrollToEnd(table.locator);
    const lastHeader = page.getByTestId('calendar-table').locator('thead th').last();
    expect((await edges(lastHeader)).right).toBeLessThanOrEqual((await edges(table.locator)).right + 1);
    await expectAccessible(page, `the campaign calendar at ${width} px`);

    await page.goto('/reports/secondment-flows');
    await page.getByRole('heading', { name: 'Secondment flows', level: 1 }).waitFor();
    await page.getByTestId('flows-table').waitFor();
    expect(await pageOverflow(page)).toBe(0);
    // Every bar's words lie inside the picture: none is clipped at its edge.
    const svg = page.getByTestId('flows-svg');
    const svgRight = (await edges(svg)).right;
    const wordsRight = await svg.locator('text').evaluateAll((els) => Math.max(...els.map((el) => el.getBoundingClientRect().right)));
    expect(wordsRight).toBeLessThanOrEqual(svgRight);
    for (const label of ['Secondment flows picture', 'Secondment flows table']) {
      const r = await region(page, label);
      expect(r.tabIndex).toBe('0');
      if (width === DESKTOP) expect(r.hidden, label).toBeLessThanOrEqual(0);
    }
    await expectAccessible(page, `the secondment flows at ${width} px`);
    await context.close();
  });

  it.each(WIDTHS)('at %i px the HR lead’s menu fits, and Sign out is in the header, not the service navigation', async (width) => {
    const context = await newContext(browser, width, 800);
    const page = await context.newPage();
    await signIn(page, 'Helen Marshall');
    await page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
    expect(await pageOverflow(page)).toBe(0);
    const signOut = page.getByRole('banner').getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Sign out' });
    expect(await signOut.isVisible()).toBe(true);
    const menu = page.getByRole('navigation', { name: 'Menu' });
    expect(await menu.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    if (width === DESKTOP) {
      // One row: every item's top edge is the first one's.
      const tops = await menu.locator('.govuk-service-navigation__item').evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
      expect(tops.length).toBeGreaterThanOrEqual(8);
      expect(new Set(tops).size).toBe(1);
    }
    if (width === 320) {
      // Behind the Menu button on a phone, and all there once it is open.
      await page.getByRole('button', { name: 'Menu' }).click();
      expect(await menu.getByRole('link', { name: 'Reports' }).isVisible()).toBe(true);
      expect(await pageOverflow(page)).toBe(0);
    }
    await expectAccessible(page, `the campaigns list with the menu at ${width} px`);
    await signOut.click();
    await page.getByText('You have signed out.').waitFor();
    await context.close();
  });
});
