/**
 * The TITAN story (BRIEF.md) through the web UI, in a real Chromium, across
 * four personas: the NCA HR lead drafts a cyber campaign and watches TITAN
 * turn critical in the impact preview, publishes it into consultation; the
 * TITAN head answers from the alerts inbox with a cap request; the HR lead
 * sets the cap and publishes again, and the campaign opens; a TITAN officer
 * applies and sees the application in "My applications". Then a second
 * campaign: the TITAN head objects, and the North West ROCC upholds the
 * objection from Escalations. Every page visited passes axe (no serious or
 * critical WCAG 2.2 AA violation).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLL, apiAs, fillDate, expectAccessible, launchBrowser, newContext, screenshot, signIn, signOut, skipReason } from './support/browser';

const TITLE = 'Cyber investigators, North West';
const year = new Date().getUTCFullYear() + 1;
/** A date `days` from today as the GOV.UK date input's parts: the campaign must take applications today for the officer to apply. */
const fromToday = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return [d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear()] as const;
};

describe.skipIf(!!skipReason)('the TITAN story in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let campaignPath = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  const impactRow = (org: string) => page.locator(`[data-testid=impact-table] tr[data-org=${org}][data-capability=cyber]`);
  const levelOf = (org: string) => impactRow(org).getAttribute('data-level');

  it('the NCA HR lead drafts a cyber campaign and sees TITAN turn critical in the impact preview', async () => {
    await signIn(page, 'Helen Marshall');
    await page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
    await page.getByTestId('empty-state').waitFor();
    await expectAccessible(page, 'the campaigns list (empty)');

    await page.getByRole('button', { name: 'Create a campaign' }).click();
    await page.getByRole('heading', { name: 'Create a campaign' }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await page.getByLabel('Capability', { exact: true }).selectOption({ label: 'Cyber-crime investigation' });
    await page.getByRole('checkbox', { name: 'North West' }).check();
    await page.getByLabel('Number of posts').fill('6');
    await page.getByRole('radio', { name: 'Security check (SC)' }).check();
    await page.getByLabel('Minimum PIP level').selectOption('2');

    // Six SC/PIP2 posts could take six of TITAN's nine eligible officers: 10 → 4 against a minimum of 7.
    await expect.poll(() => levelOf('titan'), POLL).toBe('critical');
    expect(await impactRow('titan').textContent()).toContain('Critical');
    expect(await levelOf('ersou')).toBe('ok');
    expect(await page.getByTestId('impact-headline').textContent()).toContain('TITAN: critical. Its cyber-crime investigation team could fall from 10 to 4, below its minimum of 7.');

    // The preview follows the form: a cap of 2 per ROCU leaves TITAN at 8, a warning; without it, critical again.
    await page.getByLabel('Most offers to any one ROCU (optional)').fill('2');
    await expect.poll(() => levelOf('titan'), POLL).toBe('warning');
    expect(await impactRow('titan').textContent()).toContain('Warning');
    await page.getByLabel('Most offers to any one ROCU (optional)').fill('');
    await expect.poll(() => levelOf('titan'), POLL).toBe('critical');
    await expectAccessible(page, 'the new-campaign form with its impact preview');
    await screenshot(page, 'new-campaign-impact-preview');
  });

  it('an API validation error shows as a GOV.UK error summary with the field highlighted, and the draft saves once corrected', async () => {
    // It opens today, so the officer can apply once it is published.
    await fillDate(page, 'Opening date', ...fromToday(0));
    // Closes before it opens: only the API knows that rule here.
    await fillDate(page, 'Closing date', ...fromToday(-1));
    await page.getByLabel('Grade').fill('NCA Grade 4');
    await page.getByLabel('Salary band').fill('£44,600 to £51,900');
    await page.getByLabel('Locations').fill('Manchester');
    await page.getByLabel('Job description').fill('Investigate cyber-dependent crime with the National Cyber Crime Unit’s North West team.');
    await page.getByLabel('Terms and conditions').fill('NCA terms and conditions. Hybrid working from Manchester.');
    await page.getByRole('button', { name: 'Save as a draft' }).click();

    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Closing date must be after the opening date');
    expect(await page.title()).toMatch(/^Error: /);
    // The summary takes focus, and its link leads to the field, which is marked in error.
    expect(await summary.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await summary.getByRole('link', { name: 'Closing date must be after the opening date' }).click();
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('closesOn');
    expect(await page.locator('.govuk-form-group--error').filter({ hasText: 'Closing date' }).count()).toBe(1);
    await expectAccessible(page, 'the new-campaign form showing an error');

    await fillDate(page, 'Closing date', ...fromToday(60));
    await page.getByRole('button', { name: 'Save as a draft' }).click();
    await page.getByTestId('campaign-status').getByText('Draft').waitFor();
    campaignPath = new URL(page.url()).pathname;
    expect(campaignPath).toMatch(/^\/campaigns\/cmp_/);
    expect(await page.getByTestId('success-banner').textContent()).toContain('is saved as a draft');
    await expect.poll(() => levelOf('titan'), POLL).toBe('critical');
    await expectAccessible(page, 'the draft campaign');
  });

  it('publishing puts the campaign in consultation with an outstanding alert for TITAN', async () => {
    // Publishing cannot be taken back: a check page first, with the impact and what cannot be undone.
    await page.getByRole('link', { name: 'Publish campaign' }).click();
    await page.getByRole('heading', { name: 'Check before you publish the campaign', level: 1 }).waitFor();
    expect(await page.getByTestId('cannot-undo').textContent()).toContain('You cannot take a published campaign back to a draft.');
    await page.getByTestId('impact-headline').waitFor();
    await expectAccessible(page, 'the check before publishing');
    await screenshot(page, 'campaign-publish-check');
    await page.getByRole('button', { name: 'Publish the campaign' }).click();
    await page.getByTestId('confirmation-panel').getByText('Campaign in consultation').waitFor();
    expect(await page.locator('main').textContent()).toContain('opens when TITAN has answered');
    await expectAccessible(page, 'the publication confirmation');
    await page.getByRole('link', { name: 'Go to the campaign' }).click();
    await page.getByTestId('campaign-status').getByText('In consultation').waitFor();
    const titan = page.locator('[data-testid=consultation-table] tr[data-org=titan]');
    expect(await titan.textContent()).toContain('Critical');
    expect(await titan.textContent()).toContain('Needs an answer');
    expect(await page.getByTestId('important-banner').textContent()).toContain('1 alert is holding this campaign in consultation');
    await expectAccessible(page, 'the campaign in consultation');
    await screenshot(page, 'campaign-consultation');

    // Publishing again is refused (409) while TITAN has not answered: the error summary says why and links the alert.
    await page.getByRole('link', { name: 'Publish again' }).click();
    await page.getByRole('button', { name: 'Publish again' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    // In words a person reads, not the service's counts and codes.
    expect(await summary.textContent()).toContain('The campaign cannot open yet: TITAN’s ROCU head has not answered yet.');
    await summary.getByRole('link', { name: 'TITAN’s alert: needs an answer' }).waitFor();
    await expectAccessible(page, 'the campaign refused publication');

    await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
    await page.getByTestId('campaigns-table').getByRole('link', { name: TITLE }).waitFor();
    await expectAccessible(page, 'the campaigns list');
    await screenshot(page, 'campaigns');
    await signOut(page);
  });

  it('the TITAN head finds the alert in the inbox and asks for a cap of 2, with a note', async () => {
    await signIn(page, 'Fiona Campbell');
    await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    await page.getByTestId('alerts-table').waitFor();
    expect(await page.locator('[data-testid=alert-counts] [data-level=critical]').textContent()).toBe('1 Critical');
    await expectAccessible(page, 'the alerts inbox');
    await screenshot(page, 'alerts-inbox');

    await page.getByTestId('alerts-table').getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await page.getByTestId('alert-summary').textContent()).toContain('could fall from 10 to 4, below its minimum of 7');
    await expectAccessible(page, 'the alert');
    await screenshot(page, 'alert-detail');

    await page.getByRole('radio', { name: 'Ask for a per-source cap' }).check();
    await page.getByLabel('Most offers to TITAN officers').fill('2');
    await page.getByLabel('Note').fill('Two is the most we can release this year without losing on-call cover.');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByTestId('success-banner').waitFor();
    await page.locator('.govuk-summary-list').getByText('Cap requested').waitFor();
    expect(await page.getByTestId('alert-history').textContent()).toContain('Two is the most we can release');
    await expectAccessible(page, 'the answered alert');
    await signOut(page);
  });

  it('the HR lead sets the cap the TITAN head asked for, publishes again, and the campaign opens', async () => {
    // A deep link, straight to the campaign: the sign-in page brings the user back to it.
    await page.goto(campaignPath);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByRole('radio', { name: 'Helen Marshall' }).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`**${campaignPath}`);
    expect(await page.getByTestId('important-banner').textContent()).toContain('TITAN asked for no more than 2 offers');

    await page.getByRole('link', { name: 'Change the campaign' }).click();
    await page.getByRole('heading', { name: `Change ${TITLE}` }).waitFor();
    await expect.poll(() => levelOf('titan'), POLL).toBe('critical');
    await page.getByLabel('Most offers to any one ROCU (optional)').fill('2');
    await expect.poll(() => levelOf('titan'), POLL).toBe('warning');
    await expectAccessible(page, 'the campaign edit form');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('success-banner').waitFor();

    await page.getByRole('link', { name: 'Publish again' }).click();
    await page.getByRole('button', { name: 'Publish again' }).click();
    await page.getByTestId('confirmation-panel').getByText('Campaign published').waitFor();
    expect(await page.locator('main').textContent()).toContain('is open for applications until');
    await page.getByRole('link', { name: 'Go to the campaign' }).click();
    await page.getByTestId('campaign-status').getByText('Open').waitFor();
    expect(await page.locator('[data-testid=consultation-table] tr[data-org=titan]').textContent()).toContain('Requested cap met');
    await expectAccessible(page, 'the open campaign');
    await screenshot(page, 'campaign-open');
    await signOut(page);
  });

  it('a TITAN officer sees the vacancy with their eligibility, applies, and finds it in My applications', async () => {
    await signIn(page, 'Daniel Okafor');
    await page.getByRole('heading', { name: 'Vacancies', level: 1 }).waitFor();
    const vacancy = page.getByTestId('vacancies').locator('li', { hasText: TITLE });
    await vacancy.getByText('You can apply').waitFor();
    await expectAccessible(page, 'the vacancies list');
    await screenshot(page, 'vacancies');

    await vacancy.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await page.getByTestId('eligibility').textContent()).toContain('Your vetting and PIP level meet the requirements.');
    await page.getByRole('button', { name: 'Apply' }).click();
    // An empty statement is caught before it is sent, in the same error summary.
    await page.getByTestId('error-summary').getByText('Tell the panel why you are applying').waitFor();
    await page.getByLabel('Why you are applying').fill('Six years on TITAN’s cyber team, PIP2, SC; I led the ransomware response for two forces.');
    await page.getByRole('button', { name: 'Apply' }).click();

    await page.getByRole('heading', { name: 'My applications', level: 1 }).waitFor();
    expect(await page.getByTestId('success-banner').textContent()).toContain(`Your application for “${TITLE}” is sent.`);
    const row = page.getByTestId('applications-table').locator('tr', { hasText: TITLE });
    expect(await row.getAttribute('data-status')).toBe('submitted');
    expect(await row.textContent()).toContain('Submitted');
    await expectAccessible(page, 'my applications');
    await screenshot(page, 'my-applications');

    // Deep links survive a reload: the session is kept for the tab, the gateway serves the app for any path.
    await page.reload();
    await page.getByTestId('applications-table').locator('tr', { hasText: TITLE }).waitFor();
  });

  it('an objection goes to the ROCC, who finds it under Escalations and upholds it', async () => {
    // Set up through the API (the HR journey is covered above): a digital forensics campaign that could empty TITAN's team of five.
    const ncaHr = await apiAs('nca-hr');
    const created = await ncaHr('POST', '/v1/campaigns', {
      title: 'Digital forensic investigators, North West',
      capabilityId: 'digital-forensics',
      ownerOrgId: 'nca',
      partnerOrgIds: [],
      regions: ['north-west'],
      posts: 5,
      allocations: [],
      opensOn: `${year}-05-04`,
      closesOn: `${year}-06-05`,
      maxAppointmentsPerSource: null,
      roleProfile: { jobDescription: 'Recover and examine digital evidence.', terms: 'NCA terms.', grade: 'NCA Grade 5', salaryBand: '£38,000 to £42,000', vetting: 'nppv2', minPipLevel: 0, locations: ['Warrington'] },
    });
    const campaignId = (created as { id: string }).id;
    expect(((await ncaHr('POST', `/v1/campaigns/${campaignId}/publish`)) as { campaign: { status: string } }).campaign.status).toBe('consultation');

    await signIn(page, 'Fiona Campbell');
    await page.getByTestId('alerts-table').getByRole('link', { name: 'Digital forensic investigators, North West' }).click();
    await page.getByTestId('respond-form').waitFor();
    await page.getByRole('radio', { name: 'Object' }).check();
    await page.getByRole('button', { name: 'Send answer' }).click();
    // An objection needs a reason for the ROCC: caught before it is sent.
    await page.getByTestId('error-summary').getByRole('link', { name: 'Say why you object: the ROCC reads it' }).waitFor();
    await page.getByLabel('Note').fill('Five is the whole team; we lose our only on-call examiners.');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByTestId('success-banner').waitFor();
    await page.locator('.govuk-summary-list').getByText('Escalated to the ROCC').waitFor();
    await signOut(page);

    await signIn(page, 'Andrew Pascoe');
    await page.getByRole('heading', { name: 'Escalations', level: 1 }).waitFor();
    await page.getByTestId('alerts-table').waitFor();
    await expectAccessible(page, 'the ROCC escalations');
    await screenshot(page, 'escalations');
    await page.getByTestId('alerts-table').getByRole('link', { name: 'Digital forensic investigators, North West' }).click();
    await page.getByTestId('decide-form').waitFor();
    expect(await page.getByTestId('alert-history').textContent()).toContain('Five is the whole team');
    await expectAccessible(page, 'an escalated alert for the ROCC');
    await screenshot(page, 'escalation-decision');
    await page.getByRole('radio', { name: 'Uphold the objection' }).check();
    await page.getByLabel('Reason').fill('TITAN keeps its minimum of three; the NCA may appoint two.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByTestId('success-banner').waitFor();
    await page.locator('.govuk-summary-list').getByText('Cap imposed by the ROCC').waitFor();
    expect(await page.locator('.govuk-summary-list').first().textContent()).toContain('Cap imposed2');
    await expectAccessible(page, 'the decided escalation');

    await page.getByRole('link', { name: 'Escalations', exact: true }).click();
    await page.getByRole('heading', { name: 'Escalations', level: 1 }).waitFor();
    expect(await page.getByTestId('alerts-table').or(page.getByTestId('empty-state')).first().textContent()).not.toContain('Digital forensic investigators');
  });
});
