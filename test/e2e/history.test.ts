/**
 * History that names people, in a real Chromium: an objection a ROCU head
 * raises reaches the ROCC, who finds it waiting and, once decided, under
 * "Decided"; the alert, the campaign and an application each show their
 * audit trail with who acted by name and role, never a user id. Every page
 * visited passes axe.
 *
 * The story is this file's own: a capability only Zephyr's team holds, a
 * TARIAN campaign for it, Zephyr's head and the South West ROCC (users
 * signed in with claim sets), so no team the other tests read moves.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLL, apiAs, apiWithClaims, expectAccessible, launchBrowser, newContext, screenshot, signInWithClaims, skipReason } from './support/browser';

const HEAD = { sub: 'zephyr-head-e2e', org: 'zephyr', roles: ['rocu-head'], name: 'Zara Penrose' };
const ZEPHYR_HR = { sub: 'zephyr-hr-e2e', org: 'zephyr', roles: ['hr-lead'], name: 'Zoe Hart' };
const TARIAN_HR = { sub: 'tarian-hr-e2e', org: 'tarian', roles: ['hr-lead'], name: 'Tomos Evans' };
const ROCC = { sub: 'rocc-south-west-e2e', org: 'nca', roles: ['rocc'], regions: ['south-west'], name: 'Rhiannon Cole' };
const TITLE = 'Heritage crime investigators, South West';

function isoDaysFromNow(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe.skipIf(!!skipReason)('history with names, and the ROCC’s decided escalations, in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let alertId: string;
  let campaignId: string;
  let applicationId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();

    // Zephyr's heritage crime team: three officers, minimum two.
    const admin = await apiAs('admin');
    await admin('POST', '/v1/capabilities', { id: 'heritage-crime', name: 'Heritage crime' });
    const head = await apiWithClaims(HEAD);
    await head('PUT', '/v1/organisations/zephyr/capabilities/heritage-crime', { minimum: 2, version: 0 });
    const zephyrHr = await apiWithClaims(ZEPHYR_HR);
    const officers: { id: string }[] = [];
    for (const name of ['Morwenna Hale', 'Jago Trist', 'Kerra Nance']) {
      officers.push((await zephyrHr('POST', '/v1/officers', { name, homeOrgId: 'zephyr', capabilities: ['heritage-crime'], vetting: 'sc', pipLevel: 2, region: 'south-west' })) as { id: string });
    }

    // TARIAN's campaign would take two of the three: critical, so it goes to consultation; the head objects.
    const tarianHr = await apiWithClaims(TARIAN_HR);
    const campaign = (await tarianHr('POST', '/v1/campaigns', {
      title: TITLE,
      capabilityId: 'heritage-crime',
      ownerOrgId: 'tarian',
      regions: ['south-west', 'wales'],
      posts: 2,
      opensOn: isoDaysFromNow(0),
      closesOn: isoDaysFromNow(60),
      roleProfile: {
        jobDescription: 'Investigate theft from and damage to heritage sites.',
        terms: 'Host force terms.',
        grade: 'DC',
        salaryBand: '£38,000 to £44,000',
        vetting: 'sc',
        minPipLevel: 2,
        locations: ['Cardiff'],
      },
    })) as { id: string };
    campaignId = campaign.id;
    await tarianHr('POST', `/v1/campaigns/${campaignId}/publish`, {});
    const alerts = (await head('GET', `/v1/alerts?campaignId=${campaignId}`)) as { items: { id: string }[] };
    alertId = alerts.items[0]!.id;
    await head('POST', `/v1/alerts/${alertId}/respond`, { decision: 'object', note: 'Two of our three would end the team.' });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('the ROCC finds the objection waiting, and after deciding it, under Decided with its history by name', async () => {
    await signInWithClaims(page, ROCC, '/escalations');
    await page.getByRole('heading', { name: 'Escalations', level: 1 }).waitFor();
    const waiting = page.getByTestId('alerts-table').locator('tr', { hasText: TITLE });
    await waiting.waitFor();
    await expectAccessible(page, 'the escalations waiting');
    await page.getByRole('link', { name: 'Decided' }).click();
    await page.getByText('You have not decided any escalations yet.').or(page.getByTestId('alerts-table')).first().waitFor();
    expect(await page.getByTestId('alerts-table').locator('tr', { hasText: TITLE }).count()).toBe(0);

    // The decision (the alert page's own form is the TITAN story's; here through the API).
    const rocc = await apiWithClaims(ROCC);
    await rocc('POST', `/v1/alerts/${alertId}/decide`, { decision: 'uphold', note: 'Capped to keep Zephyr at its minimum.' });

    await page.goto('/escalations');
    await page.getByRole('heading', { name: 'Escalations', level: 1 }).waitFor();
    await page.locator('.app-loading').first().waitFor({ state: 'detached' });
    expect(await page.getByTestId('alerts-table').locator('tr', { hasText: TITLE }).count()).toBe(0);
    await page.getByRole('link', { name: 'Decided' }).click();
    const decided = page.getByTestId('alerts-table').locator('tr', { hasText: TITLE });
    await decided.waitFor();
    expect(await decided.textContent()).toContain('Resolved');
    expect(page.url()).toContain('show=decided');
    await expectAccessible(page, 'the decided escalations');
    await screenshot(page, 'rocc-decided-escalations');

    await decided.getByRole('link', { name: TITLE }).click();
    const history = page.getByTestId('alert-history');
    await history.waitFor();
    await expect.poll(() => history.textContent(), POLL).toContain('by Zara Penrose, ROCU head, ZEPHYR');
    expect(await history.textContent()).toContain('by Rhiannon Cole, Regional organised crime co-ordinator, National Crime Agency');
    expect(await history.textContent()).not.toContain('zephyr-head-e2e');
    await expectAccessible(page, 'a decided alert with its history');
  });

  it('the campaign and an application each show their audit trail, by name and role', async () => {
    // The ROCC's cap lets the campaign open; a Zephyr officer applies.
    const tarianHr = await apiWithClaims(TARIAN_HR);
    await tarianHr('POST', `/v1/campaigns/${campaignId}/publish`, {});
    const list = (await apiWithClaims(ZEPHYR_HR).then((hr) => hr('GET', '/v1/officers?name=morwenna'))) as { items: { id: string }[] };
    const officerId = list.items[0]!.id;
    const officer = await apiWithClaims({ sub: 'morwenna-e2e', org: 'zephyr', roles: ['officer'], officerId, name: 'Morwenna Hale' });
    applicationId = ((await officer('POST', `/v1/campaigns/${campaignId}/applications`, { statement: 'I have led heritage investigations for six years.' })) as { id: string }).id;

    await signInWithClaims(page, TARIAN_HR, `/campaigns/${campaignId}`);
    const trail = page.getByTestId('audit-trail');
    await trail.waitFor();
    await expect.poll(() => trail.textContent(), POLL).toContain('Campaign drafted');
    expect(await trail.textContent()).toContain('by Tomos Evans, HR lead, TARIAN');
    expect(await trail.textContent()).not.toContain('tarian-hr-e2e');
    await expectAccessible(page, 'a campaign with its audit trail');
    await screenshot(page, 'campaign-audit-trail');

    await page.goto(`/campaigns/${campaignId}/applications/${applicationId}`);
    await page.getByTestId('audit-trail').waitFor();
    await expect.poll(() => page.getByTestId('audit-trail').textContent(), POLL).toContain('by Morwenna Hale, Officer, ZEPHYR');
    await expectAccessible(page, 'an application with its audit trail');
  });
});
