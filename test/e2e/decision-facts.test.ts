/**
 * The facts beside a ROCU head's decisions, in a real Chromium: a campaign
 * alert with the team's numbers and the largest safe cap, the same alert
 * once a ROCC's cap has resolved it (the outcome as it stands), and an offer
 * held for release naming the officer, the start date and who is already
 * leaving the team. Every page visited passes axe.
 *
 * ERSOU's protected persons team (which only ERSOU and SEROCU run) is used,
 * so the TITAN story and the HR journeys running beside it see their
 * numbers and inboxes unchanged.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLL, apiAs, apiWithClaims, expectAccessible, launchBrowser, newContext, screenshot, signIn, signOut, skipReason } from './support/browser';

type Call = (method: string, path: string, body?: unknown) => Promise<any>;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const start = day(45);
const startText = new Date(`${start}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function campaign(title: string, posts: number) {
  return {
    title,
    capabilityId: 'protected-persons',
    ownerOrgId: 'nca',
    partnerOrgIds: [],
    regions: ['east-of-england'],
    posts,
    allocations: [],
    opensOn: day(0),
    closesOn: day(30),
    maxAppointmentsPerSource: null,
    roleProfile: { jobDescription: 'Protect witnesses at risk.', terms: 'NCA terms.', grade: 'NCA Grade 4', salaryBand: '£45,000 to £50,000', vetting: 'dv', minPipLevel: 0, locations: ['Chelmsford'] },
  };
}

describe.skipIf(!!skipReason)('the facts beside a decision', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let ncaHr: Call;
  let ersouHead: Call;
  let projected: number;
  const officers: Record<string, string> = {};
  let firstAlert: string;
  const FIRST = 'Protected persons officers, Eastern';
  const SECOND = 'Protected persons officers, second round';

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
    ncaHr = (await apiAs('nca-hr')) as Call;
    ersouHead = (await apiAs('ersou-head')) as Call;
    const ersouHr = (await apiAs('ersou-hr')) as Call;
    for (const [i, name] of ['Sam Keane', 'Grace Oduya'].entries()) {
      const created = await ersouHr('POST', '/v1/officers', {
        name,
        homeOrgId: 'ersou',
        capabilities: ['protected-persons'],
        vetting: 'dv',
        pipLevel: 2,
        region: 'east-of-england',
        staffNumber: `E2E-FACTS-${i + 1}`,
      });
      officers[name] = created.id;
    }
    // ERSOU's head sets the minimum one below the team's projection: one officer may go, two may not.
    const rows = await ersouHead('GET', '/v1/organisations/ersou/capabilities');
    const team = rows.items.find((r: { capabilityId: string }) => r.capabilityId === 'protected-persons');
    projected = team.projected;
    await ersouHead('PUT', '/v1/organisations/ersou/capabilities/protected-persons', { minimum: projected - 1, version: team.version });
    const first = await ncaHr('POST', '/v1/campaigns', campaign(FIRST, 2));
    await ncaHr('POST', `/v1/campaigns/${first.id}/publish`);
    const ersouAlerts = await ersouHead('GET', `/v1/alerts?campaignId=${first.id}`);
    firstAlert = ersouAlerts.items[0].id;
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('a campaign alert shows the team’s numbers, the worst case in words and the largest safe cap; once a ROCC caps it, the outcome as it stands', async () => {
    await signIn(page, 'Marcus Adeyemi', `/alerts/${firstAlert}`);
    await page.getByRole('heading', { name: FIRST, level: 1 }).waitFor();
    await page.getByTestId('alert-teams').waitFor();
    expect(await page.getByTestId('alert-summary').textContent()).toContain(
      `the ERSOU protected persons team could fall from ${projected} to ${projected - 2}, below its minimum of ${projected - 1}.`,
    );
    expect(await page.getByTestId('suggested-cap').textContent()).toContain('A per-source cap of 1 offer to ERSOU officers is the largest that keeps every ERSOU team at or above its minimum.');
    const card = page.getByTestId('team-protected-persons');
    expect(await card.textContent()).toContain(`Minimum${projected - 1}`);
    expect(await card.textContent()).toContain('Already leavingNobody');
    expect(await card.textContent()).toContain(`Worst case${projected - 2}`);
    await page.getByRole('radio', { name: 'Ask for a per-source cap' }).check();
    await page.getByText('A cap of 1 is the largest that keeps every ERSOU team at or above its minimum.').waitFor();
    await expectAccessible(page, 'a campaign alert with the team’s numbers');
    await screenshot(page, 'alert-campaign-facts');

    // The head objects; the East of England ROCC upholds, which caps offers to ERSOU officers at 1.
    await page.getByRole('radio', { name: 'Object' }).check();
    await page.getByLabel('Note').fill('Two would leave us below our minimum for witness protection.');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByTestId('success-banner').waitFor();
    const rocc = await apiWithClaims({ sub: 'e2e-rocc-east', org: 'nca', roles: ['rocc'], regions: ['east-of-england'] });
    await rocc('POST', `/v1/alerts/${firstAlert}/decide`, { decision: 'uphold', note: 'ERSOU keeps its minimum.' });
    await page.reload();
    await page.getByTestId('alert-teams').waitFor();
    await expect
      .poll(() => page.getByTestId('alert-summary').textContent(), POLL)
      .toContain(`with its cap of 1 offer to ERSOU officers, recruited as many eligible officers as it can, the ERSOU protected persons team could fall from ${projected} to ${projected - 1}, exactly its minimum of ${projected - 1}.`);
    expect(await page.getByTestId('suggested-cap').count()).toBe(0);
    expect(await page.locator('.govuk-summary-list').first().textContent()).toContain('Cap imposed by the ROCC');
    // Decided: the level it was raised at is named as such, and the team's level with the cap sits beside it.
    expect(await page.locator('.govuk-summary-list').first().textContent()).toContain('Level when raised');
    expect(await page.getByTestId('level-now').textContent()).toMatch(/^(OK|Warning|Critical)$/);
    await expectAccessible(page, 'a campaign alert resolved by a ROCC’s cap');
    await signOut(page);
  });

  it('an offer held for release names the officer, the start date and who is already leaving, before → after', async () => {
    // Sam Keane takes the one post the cap allows and accepts: he is committed out of the team.
    const first = (await ersouHead('GET', `/v1/alerts/${firstAlert}`)).campaignId as string;
    await ncaHr('POST', `/v1/campaigns/${first}/publish`);
    const sam = await apiWithClaims({ sub: 'e2e-facts-sam', org: 'ersou', roles: ['officer'], officerId: officers['Sam Keane']! });
    const samApp = (await sam('POST', `/v1/campaigns/${first}/applications`, { statement: 'Ten years in witness protection.' })) as { id: string };
    await ncaHr('POST', `/v1/applications/${samApp.id}/shortlist`);
    await ncaHr('POST', `/v1/applications/${samApp.id}/offer`, { startDate: start });
    await sam('POST', `/v1/applications/${samApp.id}/accept`);
    // A second campaign: ERSOU's head accepts the risk, and an offer to Grace Oduya would now take the team below its minimum.
    const second = await ncaHr('POST', '/v1/campaigns', campaign(SECOND, 1));
    await ncaHr('POST', `/v1/campaigns/${second.id}/publish`);
    const consult = await ersouHead('GET', `/v1/alerts?campaignId=${second.id}`);
    await ersouHead('POST', `/v1/alerts/${consult.items[0].id}/respond`, { decision: 'accept', note: 'One more this year.' });
    await ncaHr('POST', `/v1/campaigns/${second.id}/publish`);
    const grace = await apiWithClaims({ sub: 'e2e-facts-grace', org: 'ersou', roles: ['officer'], officerId: officers['Grace Oduya']! });
    const graceApp = (await grace('POST', `/v1/campaigns/${second.id}/applications`, { statement: 'I run the Essex protected persons desk.' })) as { id: string };
    await ncaHr('POST', `/v1/applications/${graceApp.id}/shortlist`);
    const held = await ncaHr('POST', `/v1/applications/${graceApp.id}/offer`, { startDate: start });
    expect(held.status).toBe('awaiting-release');

    await signIn(page, 'Marcus Adeyemi', `/alerts/${held.alertId}`);
    await page.getByRole('heading', { name: `Grace Oduya: ${SECOND}`, level: 1 }).waitFor();
    await page.getByTestId('alert-teams').waitFor();
    expect(await page.getByTestId('alert-summary').textContent()).toBe(
      `This offer to Grace Oduya would take the ERSOU protected persons team from ${projected - 1} to ${projected - 2}, below its minimum of ${projected - 1}.`,
    );
    expect(await page.locator('.govuk-summary-list').first().textContent()).toContain(`Start date offered${startText}`);
    const officer = page.getByTestId('officer-facts');
    expect(await officer.textContent()).toContain('NameGrace Oduya');
    expect(await officer.textContent()).toContain('VettingDeveloped vetting (DV)');
    const leaving = page.getByTestId('team-protected-persons').getByTestId('committed-out');
    expect(await leaving.textContent()).toContain(`Sam Keane, moving to National Crime Agency (“${FIRST}”) from ${startText}`);
    await expectAccessible(page, 'an offer-release alert naming the officer');
    await screenshot(page, 'alert-offer-release');

    await page.getByRole('radio', { name: 'Release the officer' }).check();
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByTestId('success-banner').waitFor();
    await expectAccessible(page, 'the released offer');
    await signOut(page);
  });
});
