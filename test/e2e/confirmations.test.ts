/**
 * Actions a person cannot take back, in a real Chromium: an officer accepts
 * an offer and then withdraws from it, an HR lead completes a campaign, each
 * through a check page that says what cannot be undone and a confirmation
 * panel; and an HR lead whose edit lost a race keeps it, beside the latest
 * version. Every page visited passes axe.
 *
 * The campaigns are ERSOU's, for a capability of their own that no ROCU
 * holds, so no team, inbox or count another test reads moves. The NCA officer
 * persona's offer starts three years out, after the secondment the HR
 * journeys give them ends, so the two commitments never overlap.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLL, apiAs, expectAccessible, launchBrowser, newContext, screenshot, signIn, signOut, skipReason } from './support/browser';

type Call = (method: string, path: string, body?: unknown) => Promise<any>;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function campaign(title: string) {
  return {
    title,
    capabilityId: 'e2e-witness-care',
    ownerOrgId: 'ersou',
    partnerOrgIds: [],
    regions: ['east-of-england'],
    posts: 1,
    allocations: [],
    opensOn: day(0),
    closesOn: day(30),
    maxAppointmentsPerSource: null,
    roleProfile: { jobDescription: 'Support witnesses through trial.', terms: 'ERSOU terms.', grade: 'DC', salaryBand: '£35,000 to £40,000', vetting: 'sc', minPipLevel: 0, locations: ['Chelmsford'] },
  };
}

describe.skipIf(!!skipReason)('actions that cannot be undone are checked and confirmed', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let ersouHr: Call;
  let campaignId: string;
  const TITLE = 'Witness care officers, Eastern';

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
    const admin = (await apiAs('admin')) as Call;
    await admin('POST', '/v1/capabilities', { id: 'e2e-witness-care', name: 'Witness care' });
    ersouHr = (await apiAs('ersou-hr')) as Call;
    campaignId = (await ersouHr('POST', '/v1/campaigns', campaign(TITLE))).id;
    expect((await ersouHr('POST', `/v1/campaigns/${campaignId}/publish`)).campaign.status).toBe('open');
    const officer = (await apiAs('nca-officer')) as Call;
    const app = await officer('POST', `/v1/campaigns/${campaignId}/applications`, { statement: 'Five years supporting witnesses at Manchester Crown Court.' });
    await ersouHr('POST', `/v1/applications/${app.id}/shortlist`);
    await ersouHr('POST', `/v1/applications/${app.id}/offer`, { startDate: day(3 * 365) });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('an officer on a phone (320 px) accepts an offer after checking it, then withdraws from the accepted offer the same way', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await signIn(page, 'Megan Hughes');
    await page.goto('/applications');
    // Below desktop width each application is a summary card (the table is for wider screens).
    const row = page.getByTestId('applications-cards').locator('li.govuk-summary-card', { hasText: TITLE });
    await row.getByRole('link', { name: `Accept offer for ${TITLE}` }).click();
    await page.getByRole('heading', { name: 'Check before you accept the offer', level: 1 }).waitFor();
    expect(await page.getByTestId('cannot-undo').textContent()).toContain('You cannot undo accepting.');
    // Nothing of the check page is off screen at 320 px: no sideways scrolling, the button in view.
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const button = (await page.getByRole('button', { name: 'Accept the offer' }).boundingBox())!;
    expect(button.x + button.width).toBeLessThanOrEqual(320);
    await expectAccessible(page, 'the check before accepting an offer');
    await screenshot(page, 'accept-offer-check');
    await page.getByRole('button', { name: 'Accept the offer' }).click();
    await page.getByTestId('confirmation-panel').getByText('Offer accepted').waitFor();
    expect(await page.locator('main').textContent()).toContain('National Crime Agency has been told.');
    await expectAccessible(page, 'the offer accepted');
    await screenshot(page, 'accept-offer-done');

    await page.getByRole('link', { name: 'Go to my applications' }).click();
    await expect.poll(() => row.getAttribute('data-status'), POLL).toBe('accepted');
    await row.getByRole('link', { name: `Withdraw from ${TITLE}` }).click();
    await page.getByRole('heading', { name: 'Check before you withdraw from an accepted offer', level: 1 }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Withdrawing gives the post back, and you stay with National Crime Agency.');
    expect(await page.getByTestId('cannot-undo').textContent()).toContain('You cannot undo withdrawing.');
    await expectAccessible(page, 'the check before withdrawing from an accepted offer');
    await page.getByRole('button', { name: 'Withdraw from the offer' }).click();
    await page.getByTestId('confirmation-panel').getByText('You have withdrawn from the offer').waitFor();
    await expectAccessible(page, 'the withdrawal confirmed');
    await page.getByRole('link', { name: 'Go to my applications' }).click();
    await expect.poll(() => row.getAttribute('data-status'), POLL).toBe('withdrawn');
    await page.setViewportSize({ width: 1024, height: 800 });
    await signOut(page);
  });

  it('an HR lead completes a closed campaign after checking what cannot be undone', async () => {
    await ersouHr('POST', `/v1/campaigns/${campaignId}/close`, { note: '' });
    await signIn(page, 'Louise Chapman', `/campaigns/${campaignId}`);
    await page.getByRole('link', { name: 'Complete the campaign' }).click();
    await page.getByRole('heading', { name: 'Check before you complete the campaign', level: 1 }).waitFor();
    expect(await page.getByTestId('cannot-undo').textContent()).toContain('You cannot undo completing a campaign');
    await expectAccessible(page, 'the check before completing a campaign');
    await page.getByRole('button', { name: 'Complete the campaign' }).click();
    await page.getByTestId('confirmation-panel').getByText('Campaign completed').waitFor();
    await expectAccessible(page, 'the campaign completed');
    await page.getByRole('link', { name: 'Go to the campaign' }).click();
    await page.getByTestId('campaign-status').getByText('Completed').waitFor();
  });

  it('an edit that lost a race to another save is kept, with the latest version beside it to save over or take', async () => {
    const draft = await ersouHr('POST', '/v1/campaigns', campaign('Witness care, draft'));
    await page.goto(`/campaigns/${draft.id}/edit`);
    await page.getByRole('heading', { name: 'Change Witness care, draft', level: 1 }).waitFor();
    await page.getByLabel('Title').fill('Witness care officers, Essex');
    // Meanwhile a colleague saves another change.
    await ersouHr('PATCH', `/v1/campaigns/${draft.id}`, { posts: 2, version: draft.version });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('error-summary').getByText(/Someone else saved a change to this campaign after you opened it. Your changes are kept/).waitFor();
    await page.getByTestId('important-banner').getByText('Someone else changed this campaign').waitFor();
    expect(await page.getByTestId('important-banner').textContent()).toContain('Posts2');
    expect(await page.getByLabel('Title').inputValue()).toBe('Witness care officers, Essex');
    await expectAccessible(page, 'an edit kept beside the latest version');
    await screenshot(page, 'campaign-edit-conflict');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Witness care officers, Essex', level: 1 }).waitFor();
    await signOut(page);
  });

  it('a team’s minimum changed by someone else meanwhile keeps the figure typed and saves over the latest version', async () => {
    const head = (await apiAs('titan-head')) as Call;
    const teams = (await head('GET', '/v1/organisations/titan/capabilities')).items as Array<{ capabilityId: string; minimum: number; version: number }>;
    const team = teams.find((t) => t.capabilityId === 'asset-recovery')!;
    await signIn(page, 'Fiona Campbell', '/baselines/asset-recovery');
    await page.getByRole('heading', { name: 'Change the minimum', level: 1 }).waitFor();
    await page.getByLabel('Minimum viable strength').fill(String(team.minimum));
    // Meanwhile the same team is saved from another tab (the same minimum: the other files' teams stay as seeded).
    await head('PUT', '/v1/organisations/titan/capabilities/asset-recovery', { minimum: team.minimum, version: team.version });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('stale-version').waitFor();
    expect(await page.getByLabel('Minimum viable strength').inputValue()).toBe(String(team.minimum));
    await expectAccessible(page, 'a baseline edit kept after someone else saved first');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`The asset recovery minimum is now ${team.minimum}.`).waitFor();
    await signOut(page);
  });
});
