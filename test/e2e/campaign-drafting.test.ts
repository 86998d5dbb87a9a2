/**
 * Drafting and consultation details an HR lead relies on: a cap for the one
 * ROCU whose head asked, set from the campaign (not a cap on every ROCU), and
 * the campaign opening once it is met. Every page visited passes axe.
 *
 * The campaign is TITAN's, for protected persons in the North West: it puts
 * ERSOU's and SEROCU's teams (4, minimum 3) at risk, so only their heads get
 * alerts, which no other file counts; the TITAN head's inbox is left alone.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectAccessible, launchBrowser, newContext, signIn, skipReason } from './support/browser';

const TITLE = 'Protected persons officers, North West, joint intake';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!!skipReason)('drafting a campaign in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let campaignId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const titanHr = await apiAs('titan-hr');
    campaignId = (
      (await titanHr('POST', '/v1/campaigns', {
        title: TITLE,
        capabilityId: 'protected-persons',
        ownerOrgId: 'titan',
        partnerOrgIds: [],
        regions: ['north-west'],
        posts: 2,
        allocations: [],
        opensOn: day(20),
        closesOn: day(50),
        maxAppointmentsPerSource: null,
        roleProfile: { jobDescription: 'Protect witnesses at risk.', terms: 'TITAN terms.', grade: 'DS', salaryBand: '£48,000 to £54,000', vetting: 'nppv2', minPipLevel: 0, locations: ['Manchester'] },
      })) as { id: string }
    ).id;
    const published = (await titanHr('POST', `/v1/campaigns/${campaignId}/publish`)) as { campaign: { status: string }; outstanding: Array<{ orgId: string; alertId: string }> };
    expect(published.campaign.status).toBe('consultation');
    const alertOf = (orgId: string) => published.outstanding.find((o) => o.orgId === orgId)!.alertId;
    expect(published.outstanding.map((o) => o.orgId).sort()).toEqual(['ersou', 'serocu']);
    // ERSOU's head asks for a cap of 1 for ERSOU's officers; SEROCU's head accepts the risk.
    await (await apiAs('ersou-head'))('POST', `/v1/alerts/${alertOf('ersou')}/respond`, { decision: 'request-cap', cap: 1, note: 'One can go this year.' });
    await (await apiAs({ sub: 'e2e-drafting-serocu-head', org: 'serocu', roles: ['rocu-head'] }))('POST', `/v1/alerts/${alertOf('serocu')}/respond`, {
      decision: 'accept',
      note: 'We can cover it.',
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('the HR lead caps offers to ERSOU alone at the 1 its head asked for, publishes again, and the campaign opens', async () => {
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, 'Stuart Barraclough', `/campaigns/${campaignId}`);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await page.getByTestId('important-banner').textContent()).toContain('ERSOU asked for no more than 1 offer');
    await page.getByRole('link', { name: 'Cap offers to ERSOU at 1 or less' }).click();

    await page.getByRole('heading', { name: 'Caps for single ROCUs', level: 1 }).waitFor();
    const ersou = page.getByLabel('Most offers to ERSOU officers');
    // Filled in with what the head asked for, and only the ROCU that asked is listed.
    expect(await ersou.inputValue()).toBe('1');
    expect(await page.getByTestId('caps-form').getByRole('textbox').count()).toBe(1);
    expect(await page.getByText('ERSOU’s ROCU head asked for no more than 1 offer to its officers.').isVisible()).toBe(true);
    await expectAccessible(page, 'the caps for single ROCUs');
    // Not a whole number: caught before it is sent, linked to the field.
    await ersou.fill('one');
    await page.getByRole('button', { name: 'Save caps' }).click();
    await page.getByTestId('error-summary').getByRole('link', { name: 'Enter the most offers to ERSOU as a whole number, or leave it empty for no cap' }).waitFor();
    await expectAccessible(page, 'the caps form showing an error');
    await ersou.fill('1');
    await page.getByRole('button', { name: 'Save caps' }).click();

    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await page.getByTestId('success-banner').textContent()).toContain('at most 1 offer to ERSOU');
    await page.getByRole('button', { name: 'Publish again' }).click();
    await page.getByTestId('campaign-status').getByText('Open').waitFor();
    expect(await page.locator('[data-testid=consultation-table] tr[data-org=ersou]').textContent()).toContain('Requested cap met');
    await expectAccessible(page, 'the campaign opened with a cap for ERSOU alone');

    // The cap is ERSOU's alone: the campaign's cap on every ROCU stays unset.
    const campaign = (await (await apiAs('titan-hr'))('GET', `/v1/campaigns/${campaignId}`)) as { sourceCaps: Record<string, number>; maxAppointmentsPerSource: number | null };
    expect(campaign).toMatchObject({ sourceCaps: { ersou: 1 }, maxAppointmentsPerSource: null });
  });
});
