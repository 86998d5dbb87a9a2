/**
 * Drafting and consultation details an HR lead relies on: a draft saved with
 * only its title and capability, which says what it still needs and is
 * finished later; a cap for the one
 * ROCU whose head asked, set from the campaign (not a cap on every ROCU), and
 * the campaign opening once it is met. Every page visited passes axe.
 *
 * The campaign is TITAN's, for protected persons in the North West, with four
 * posts: it puts ERSOU's and SEROCU's teams (4, minimum 3) at risk, so only
 * their heads get alerts, which no other file counts; the TITAN head's inbox
 * is left alone. Other files may add officers meanwhile, so the test takes
 * whichever of the two is held, ERSOU first.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLL, apiAs, expectAccessible, fillDate, launchBrowser, newContext, screenshot, signIn, skipReason } from './support/browser';

const TITLE = 'Protected persons officers, North West, joint intake';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!!skipReason)('drafting a campaign in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let campaignId: string;
  /** The ROCU whose head asks for a cap (ERSOU, unless its team is no longer at risk). */
  let asking: string;

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
        posts: 4,
        allocations: [],
        opensOn: day(20),
        closesOn: day(50),
        maxAppointmentsPerSource: null,
        roleProfile: { jobDescription: 'Protect witnesses at risk.', terms: 'TITAN terms.', grade: 'DS', salaryBand: '£48,000 to £54,000', vetting: 'nppv2', minPipLevel: 0, locations: ['Manchester'] },
      })) as { id: string }
    ).id;
    const published = (await titanHr('POST', `/v1/campaigns/${campaignId}/publish`)) as { campaign: { status: string }; outstanding: Array<{ orgId: string; alertId: string }> };
    expect(published.campaign.status).toBe('consultation');
    const held = published.outstanding.map((o) => o.orgId).sort();
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((o) => ['ersou', 'serocu'].includes(o))).toBe(true);
    asking = held[0]!;
    // One ROCU's head asks for a cap of 1 for its officers; the other accepts the risk.
    for (const { orgId, alertId } of published.outstanding) {
      const head = await apiAs({ sub: `e2e-drafting-${orgId}-head`, org: orgId, roles: ['rocu-head'] });
      await head('POST', `/v1/alerts/${alertId}/respond`, orgId === asking ? { decision: 'request-cap', cap: 1, note: 'One can go this year.' } : { decision: 'accept', note: 'We can cover it.' });
    }
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('the HR lead caps offers to the one ROCU that asked at the 1 its head asked for, publishes again, and the campaign opens', async () => {
    const name = asking.toUpperCase();
    context = await newContext(browser);
    page = await context.newPage();
    await signIn(page, 'Stuart Barraclough', `/campaigns/${campaignId}`);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await page.getByTestId('important-banner').textContent()).toContain(`${name} asked for no more than 1 offer`);
    await page.getByRole('link', { name: `Cap offers to ${name} at 1 or less` }).click();

    await page.getByRole('heading', { name: 'Caps for single ROCUs', level: 1 }).waitFor();
    const field = page.getByLabel(`Most offers to ${name} officers`);
    // Filled in with what the head asked for, and only the ROCU that asked is listed.
    expect(await field.inputValue()).toBe('1');
    expect(await page.getByTestId('caps-form').getByRole('textbox').count()).toBe(1);
    expect(await page.getByText(`${name}’s ROCU head asked for no more than 1 offer to its officers.`).isVisible()).toBe(true);
    await expectAccessible(page, 'the caps for single ROCUs');
    await screenshot(page, 'campaign-caps');
    // Not a whole number: caught before it is sent, linked to the field.
    await field.fill('one');
    await page.getByRole('button', { name: 'Save caps' }).click();
    await page.getByTestId('error-summary').getByRole('link', { name: `Enter the most offers to ${name} as a whole number, or leave it empty for no cap` }).waitFor();
    await expectAccessible(page, 'the caps form showing an error');
    await field.fill('1');
    await page.getByRole('button', { name: 'Save caps' }).click();

    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await page.getByTestId('success-banner').textContent()).toContain(`at most 1 offer to ${name}`);
    await page.getByRole('link', { name: 'Publish again' }).click();
    await page.getByRole('button', { name: 'Publish again' }).click();
    await page.getByTestId('confirmation-panel').getByText('Campaign published').waitFor();
    await page.getByRole('link', { name: 'Go to the campaign' }).click();
    await page.getByTestId('campaign-status').getByText('Open').waitFor();
    expect(await page.locator(`[data-testid=consultation-table] tr[data-org=${asking}]`).textContent()).toContain('Requested cap met');
    await expectAccessible(page, 'the campaign opened with a cap for one ROCU alone');

    // The cap is that ROCU's alone: the campaign's cap on every ROCU stays unset.
    const campaign = (await (await apiAs('titan-hr'))('GET', `/v1/campaigns/${campaignId}`)) as { sourceCaps: Record<string, number>; maxAppointmentsPerSource: number | null };
    expect(campaign).toMatchObject({ sourceCaps: { [asking]: 1 }, maxAppointmentsPerSource: null });
  });

  it('a draft saved with only a title and a capability lists what it still needs, and is finished and published later', async () => {
    const BARE = 'Protected persons officers, to be finished';
    const year = new Date().getFullYear() + 1;
    context ??= await newContext(browser);
    page ??= await context.newPage();
    await signIn(page, 'Stuart Barraclough', '/campaigns/new');
    await page.getByRole('heading', { name: 'Create a campaign', level: 1 }).waitFor();
    expect(await page.getByTestId('draft-hint').textContent()).toContain('only a title and a capability');
    // Nothing but the title: the one thing still asked for is the capability.
    await page.getByLabel('Title', { exact: true }).fill(BARE);
    await page.getByRole('button', { name: 'Save as a draft' }).click();
    const errors = page.getByTestId('error-summary');
    await errors.getByRole('link', { name: 'Select the capability the campaign recruits for' }).waitFor();
    expect(await errors.getByRole('link').count()).toBe(1);
    // Something typed is still checked in a draft.
    await page.getByLabel('Capability', { exact: true }).selectOption({ label: 'Protected persons' });
    await page.getByLabel('Number of posts').fill('two');
    await page.getByRole('button', { name: 'Save as a draft' }).click();
    await errors.getByRole('link', { name: 'Enter the number of posts as a whole number from 1 to 1000' }).waitFor();
    await page.getByLabel('Number of posts').fill('');
    await page.getByRole('button', { name: 'Save as a draft' }).click();

    await page.getByRole('heading', { name: BARE, level: 1 }).waitFor();
    expect(await page.getByTestId('success-banner').textContent()).toContain('Add what it still needs');
    // The draft is a task list: one task per section of the form, with what each still needs.
    const tasks = page.getByTestId('draft-tasks');
    const task = (section: string) => tasks.locator(`li[data-section=${section}]`);
    expect(await page.getByTestId('draft-progress').textContent()).toBe('You have completed 0 of 4 sections.');
    expect(await task('what').textContent()).toBe('What and whereChoose the regions the campaign recruits inIncomplete');
    expect(await task('posts').textContent()).toBe('Posts and requirementsAdd the number of posts; Choose the minimum vetting levelNot yet started');
    expect(await task('dates').textContent()).toContain('Not yet started');
    expect(await task('role').textContent()).toContain('Add the grade; Add the salary band; Add at least one location; Add the job description; Add the terms and conditions');
    expect(await task('publish').textContent()).toBe('Check and publishCannot start yet');
    expect(await page.locator('.govuk-summary-list').textContent()).toContain('PostsNot added yet');
    expect(await page.getByTestId('impact-not-yet').isVisible()).toBe(true);
    // Not publishable yet: no Publish button.
    expect(await page.getByRole('link', { name: 'Publish campaign' }).count()).toBe(0);
    await expectAccessible(page, 'an incomplete draft as a task list');
    await screenshot(page, 'campaign-draft-incomplete');
    // A deep link to publishing it says what it still needs instead of offering the button.
    const draftPath = new URL(page.url()).pathname;
    await page.goto(`${draftPath}/publish`);
    await page.getByRole('heading', { name: 'This campaign cannot be published yet', level: 1 }).waitFor();
    expect(await page.getByTestId('missing-for-publish').locator('li').count()).toBe(10);
    expect(await page.getByRole('button', { name: 'Publish the campaign' }).count()).toBe(0);
    await expectAccessible(page, 'publishing an incomplete draft');
    await page.getByRole('link', { name: 'Finish the draft from its task list' }).click();
    await page.getByRole('heading', { name: BARE, level: 1 }).waitFor();

    // Each task opens its section alone, and saving it comes back to the list.
    const finish = async (name: string, fill: () => Promise<void>) => {
      await tasks.getByRole('link', { name }).click();
      await page.getByRole('heading', { name, level: 1 }).waitFor();
      await fill();
      await page.getByRole('button', { name: 'Save and return to the campaign' }).click();
      await page.getByRole('heading', { name: BARE, level: 1 }).waitFor();
      await expect.poll(() => page.getByTestId('success-banner').textContent(), POLL).toContain(`${name}: your changes are saved.`);
    };
    await finish('Dates', async () => {
      // Only this section's fields are on the page.
      expect(await page.getByLabel('Grade').count()).toBe(0);
      await fillDate(page, 'Opening date', 1, 3, year);
      await fillDate(page, 'Closing date', 1, 4, year);
      await expectAccessible(page, 'one section of a draft');
    });
    expect(await task('dates').textContent()).toBe('DatesCompleted');
    expect(await page.getByTestId('draft-progress').textContent()).toBe('You have completed 1 of 4 sections.');
    await finish('What and where', () => page.getByRole('checkbox', { name: 'North West' }).check());
    await finish('Posts and requirements', async () => {
      await page.getByLabel('Number of posts').fill('1');
      await page.getByRole('radio', { name: 'NPPV level 2' }).check();
    });
    // With its posts and vetting level the draft has an impact, before the rest is done.
    await page.getByTestId('impact-table').first().waitFor();
    await finish('Role profile', async () => {
      await page.getByLabel('Grade').fill('DS');
      await page.getByLabel('Salary band').fill('£48,000 to £54,000');
      await page.getByLabel('Locations').fill('Manchester');
      await page.getByLabel('Job description').fill('Protect witnesses at risk.');
      await page.getByLabel('Terms and conditions').fill('TITAN terms.');
    });
    expect(await page.getByTestId('draft-progress').textContent()).toBe('You have completed 4 of 4 sections.');
    // The dates saved first are still there: each section saved only its own fields.
    expect(await page.locator('.govuk-summary-list').textContent()).toContain(`Opens1 March ${year}`);
    await tasks.getByRole('link', { name: 'Check and publish' }).waitFor();
    await page.getByRole('link', { name: 'Publish campaign' }).waitFor();
    await expectAccessible(page, 'the finished draft');
  });
});
