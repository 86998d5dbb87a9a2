/**
 * What an officer relies on when browsing: a vacancy says when it opens for
 * applications, on the list and on its page; the placements list leaves out
 * the officer's own organisation (where no secondment can be) until they ask
 * for it; and a link opened in a new tab keeps the sign-in, while signing out
 * in one tab signs every tab out and nothing outlives the tabs. Every page
 * visited passes axe.
 *
 * The campaign is VIPER's, for protected persons with one post and an SC,
 * PIP1 profile (no team near its minimum: no alert for the other stories);
 * the placements are in Wales, which no other file's placement lists look at.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLL, apiAs, expectAccessible, launchBrowser, newContext, signIn, signOut, skipReason } from './support/browser';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDate = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const VACANCY = 'Protected persons officers, West Midlands, opening next month';
const OWN = 'NCA surveillance secondment, Wales';
const OTHER = 'TARIAN surveillance secondment, Wales';

describe.skipIf(!!skipReason)('an officer browsing vacancies and placements, across tabs', () => {
  let browser: Browser;
  let context: BrowserContext;
  let campaignId: string;
  const opensOn = day(30);
  const closesOn = day(60);

  beforeAll(async () => {
    browser = await launchBrowser();
    // A capability no team holds: the vacancy opens at once whatever the other files' journeys did to the teams.
    const admin = await apiAs({ sub: 'e2e-views-admin', org: 'nca', roles: ['admin'] });
    await admin('POST', '/v1/capabilities', { id: 'e2e-close-protection', name: 'Close protection' });
    const viperHr = await apiAs({ sub: 'e2e-views-viper-hr', org: 'viper', roles: ['hr-lead'] });
    campaignId = (
      (await viperHr('POST', '/v1/campaigns', {
        title: VACANCY,
        capabilityId: 'e2e-close-protection',
        ownerOrgId: 'viper',
        partnerOrgIds: [],
        regions: ['west-midlands'],
        posts: 1,
        allocations: [],
        opensOn,
        closesOn,
        maxAppointmentsPerSource: null,
        roleProfile: { jobDescription: 'Protect witnesses at risk.', terms: 'VIPER terms.', grade: 'DS', salaryBand: '£48,000 to £54,000', vetting: 'sc', minPipLevel: 1, locations: ['Birmingham'] },
      })) as { id: string }
    ).id;
    expect(((await viperHr('POST', `/v1/campaigns/${campaignId}/publish`)) as { campaign: { status: string } }).campaign.status).toBe('open');
    const placement = (title: string, hostOrgId: string) => ({
      title,
      hostOrgId,
      capabilityId: 'surveillance',
      places: 1,
      startDate: day(90),
      durationMonths: 6,
      region: 'wales',
      eligibility: { homeOrgTypes: ['agency', 'rocu'], vetting: 'sc', minPipLevel: 0 },
      pipDevelopmentLevel: null,
      closesOn: day(45),
    });
    await (await apiAs({ sub: 'e2e-views-nca-hr', org: 'nca', roles: ['hr-lead'] }))('POST', '/v1/placements', placement(OWN, 'nca'));
    await (await apiAs({ sub: 'e2e-views-tarian-hr', org: 'tarian', roles: ['hr-lead'] }))('POST', '/v1/placements', placement(OTHER, 'tarian'));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('a vacancy not open yet gives its opening date on the list and on its page', async () => {
    context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'Megan Hughes');
    await page.getByRole('heading', { name: 'Vacancies', level: 1 }).waitFor();
    const item = page.getByTestId('vacancies').locator('li', { hasText: VACANCY });
    expect(await item.getByTestId('application-window').textContent()).toBe(`Opens for applications on ${longDate(opensOn)} and closes on ${longDate(closesOn)}.`);
    await expectAccessible(page, 'the vacancies list');
    await item.getByRole('link', { name: VACANCY }).click();
    await page.getByRole('heading', { name: VACANCY, level: 1 }).waitFor();
    const facts = page.locator('.govuk-summary-list');
    expect(await facts.locator('.govuk-summary-list__row', { hasText: 'Applications open' }).locator('dd').textContent()).toBe(longDate(opensOn));
    expect(await facts.locator('.govuk-summary-list__row', { hasText: 'Applications close' }).locator('dd').textContent()).toBe(longDate(closesOn));
    await expectAccessible(page, 'a vacancy not open yet');
    await context.close();
  });

  it('the placements list leaves out the officer’s own organisation until they ask for it', async () => {
    context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'Megan Hughes', '/placements?region=wales');
    await page.getByRole('heading', { name: 'Secondment placements', level: 1 }).waitFor();
    const list = page.getByTestId('placements');
    await list.locator('li', { hasText: OTHER }).getByText('You can apply').waitFor();
    expect(await list.locator('li', { hasText: OWN }).count()).toBe(0);
    await expectAccessible(page, 'the placements list without the officer’s own organisation');

    await page.getByRole('checkbox', { name: 'Include placements in National Crime Agency' }).check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/includeOwnOrganisation=true/);
    const own = list.locator('li', { hasText: OWN });
    await own.getByText('Not eligible').waitFor();
    expect(await own.textContent()).toContain('the placement is in your own organisation');
    expect(await list.locator('li', { hasText: OTHER }).count()).toBe(1);
    // The choice is in the address: a reload keeps it.
    await page.reload();
    await list.locator('li', { hasText: OWN }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Include placements in National Crime Agency' }).isChecked()).toBe(true);
    await expectAccessible(page, 'the placements list with the officer’s own organisation');
    await context.close();
  });

  it('a link opened in a new tab keeps the sign-in; signing out there signs the first tab out; nothing outlives the tabs', async () => {
    context = await newContext(browser);
    const first = await context.newPage();
    await signIn(first, 'Megan Hughes');
    await first.getByRole('heading', { name: 'Vacancies', level: 1 }).waitFor();

    // A new tab, as "Open link in new tab" makes one: its own empty sessionStorage, the same origin.
    const second = await context.newPage();
    await second.goto(`/vacancies/${campaignId}`);
    await second.getByRole('heading', { name: VACANCY, level: 1 }).waitFor();
    expect(await second.getByTestId('signed-in-as').textContent()).toContain('Megan Hughes');
    await expectAccessible(second, 'a vacancy opened in a new tab');
    // The token is kept per tab, never in localStorage, where it would outlive the browser.
    expect(await second.evaluate(() => JSON.stringify((globalThis as unknown as { localStorage: Record<string, string> }).localStorage))).not.toContain('token');

    await signOut(second);
    await first.waitForURL(/\/sign-in/, POLL);
    await first.getByRole('heading', { name: 'Who do you want to sign in as?' }).waitFor();
    await expectAccessible(first, 'the first tab, signed out from the second');

    // Signed in again, then every tab closed: a tab opened afterwards asks to sign in.
    await signIn(first, 'Megan Hughes');
    await first.close();
    await second.close();
    const later = await context.newPage();
    await later.goto('/applications');
    await later.waitForURL(/\/sign-in\?next=%2Fapplications/, POLL);
    await later.getByRole('radio', { name: 'Megan Hughes' }).waitFor();
    await expectAccessible(later, 'the sign-in page after every tab closed');
  });
});
