/**
 * The HR lead's journeys beside the TITAN story, in a real Chromium: the
 * applications pipeline of a campaign (shortlist, an offer that waits for the
 * home ROCU's release, the per-source cap refusing a second offer, closing
 * the campaign); a secondment end to end (the host posts a placement, an NCA
 * officer finds it with filters and applies, the home HR lead approves, the
 * host accepts); and an officer CSV import with its per-row report. Every
 * page visited passes axe.
 *
 * These use ERSOU's HR lead, EMSOU officers created here and the NCA officer
 * persona, so the TITAN story running beside them sees its numbers unchanged
 * (TITAN's and ERSOU's cyber teams, the NCA HR lead's empty campaigns list).
 */
import { Buffer } from 'node:buffer';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLL, apiAs, apiWithClaims, fillDate, expectAccessible, launchBrowser, newContext, screenshot, signIn, signOut, skipReason } from './support/browser';

const year = new Date().getUTCFullYear() + 1;

describe.skipIf(!!skipReason)('HR journeys in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('a joint campaign: partners and their posts in the one campaign form, allocations that do not add up caught, the draft changed', async () => {
    const TITLE = 'Fraud investigators, Eastern and East Midlands';
    await signIn(page, 'Louise Chapman');
    await page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Create a campaign' }).click();
    await page.getByRole('heading', { name: 'Create a campaign' }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await page.getByLabel('Capability', { exact: true }).selectOption({ label: 'Economic crime and fraud' });
    await page.getByRole('checkbox', { name: 'East of England' }).check();
    await page.getByLabel('Number of posts').fill('4');
    await page.getByText('Run it jointly with other organisations').click();
    await page.getByRole('checkbox', { name: 'EMSOU', exact: true }).check();
    await page.getByLabel('Posts for ERSOU').fill('2');
    await page.getByLabel('Posts for EMSOU').fill('1');
    await page.getByRole('radio', { name: 'NPPV level 3' }).check();
    await fillDate(page, 'Opening date', 1, 5, year);
    await fillDate(page, 'Closing date', 1, 6, year);
    await page.getByLabel('Grade').fill('DC');
    await page.getByLabel('Salary band').fill('£38,000 to £44,000');
    await page.getByLabel('Locations').fill('Chelmsford, Nottingham');
    await page.getByLabel('Job description').fill('Investigate serious fraud across both regions.');
    await page.getByLabel('Terms and conditions').fill('Host force terms.');
    await page.getByRole('button', { name: 'Save as a draft' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.getByRole('link', { name: 'The posts for each organisation add up to 3, not the 4 posts' }).click();
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('allocations');
    await expectAccessible(page, 'the joint campaign form showing an error');
    await page.getByLabel('Posts for EMSOU').fill('2');
    await page.getByRole('button', { name: 'Save as a draft' }).click();
    await page.getByTestId('campaign-status').getByText('Draft').waitFor();
    expect(await page.locator('.govuk-summary-list').textContent()).toContain('PartnersEMSOU');

    // The same form changes it: the partners and their shares come back filled in.
    await page.getByRole('link', { name: 'Change the campaign' }).click();
    await page.getByRole('heading', { name: `Change ${TITLE}` }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'EMSOU', exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Posts for EMSOU').inputValue()).toBe('2');
    await page.getByLabel('Number of posts').fill('5');
    await page.getByLabel('Posts for ERSOU').fill('3');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('success-banner').waitFor();
    expect(await page.locator('.govuk-summary-list').textContent()).toContain('Posts5');
    await signOut(page);
  });

  it('the applications pipeline: shortlist, an offer waiting for release with its alert, the per-source cap, closing the campaign', async () => {
    const TITLE = 'Major crime detectives, Eastern';
    // Two EMSOU major-crime detectives, set up through the API (the pipeline is what this test is about).
    const emsouHr = await apiWithClaims({ sub: 'e2e-emsou-hr', org: 'emsou', roles: ['hr-lead'] });
    const officers: Array<{ id: string; name: string }> = [];
    for (const [i, name] of ['Priya Raman', 'Tom Whitfield'].entries()) {
      const created = (await emsouHr('POST', '/v1/officers', {
        name,
        homeOrgId: 'emsou',
        capabilities: ['major-crime'],
        vetting: 'sc',
        pipLevel: 2,
        region: 'east-midlands',
        staffNumber: `E2E-PIPE-${i + 1}`,
      })) as { id: string };
      officers.push({ id: created.id, name });
    }
    const ersouHr = await apiAs('ersou-hr');
    const campaign = (await ersouHr('POST', '/v1/campaigns', {
      title: TITLE,
      capabilityId: 'major-crime',
      ownerOrgId: 'ersou',
      partnerOrgIds: [],
      regions: ['east-of-england'],
      posts: 2,
      allocations: [],
      // Taking applications today: the officers apply straight after publication.
      opensOn: new Date().toISOString().slice(0, 10),
      closesOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      maxAppointmentsPerSource: 1,
      roleProfile: { jobDescription: 'Lead major crime investigations.', terms: 'ERSOU terms.', grade: 'DS', salaryBand: '£50,000 to £56,000', vetting: 'sc', minPipLevel: 2, locations: ['Chelmsford'] },
    })) as { id: string };
    const published = (await ersouHr('POST', `/v1/campaigns/${campaign.id}/publish`)) as { campaign: { status: string } };
    expect(published.campaign.status).toBe('open');
    for (const [i, officer] of officers.entries()) {
      const asOfficer = await apiWithClaims({ sub: `e2e-pipe-officer-${i}`, org: 'emsou', roles: ['officer'], officerId: officer.id });
      await asOfficer('POST', `/v1/campaigns/${campaign.id}/applications`, { statement: `${officer.name}: eight years on EMSOU’s major crime team.` });
    }
    // EMSOU's head raises the major-crime minimum to the team's projected strength: taking anyone now needs a release.
    const emsouHead = await apiWithClaims({ sub: 'e2e-emsou-head', org: 'emsou', roles: ['rocu-head'] });
    const rows = (await emsouHead('GET', '/v1/organisations/emsou/capabilities')) as { items: Array<{ capabilityId: string; projected: number; version: number }> };
    const majorCrime = rows.items.find((r) => r.capabilityId === 'major-crime')!;
    await emsouHead('PUT', '/v1/organisations/emsou/capabilities/major-crime', { minimum: majorCrime.projected, version: majorCrime.version });

    await signIn(page, 'Louise Chapman');
    await page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
    await page.getByTestId('campaigns-table').getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await page.getByTestId('applications-link').click();
    await page.getByRole('heading', { name: 'Applications', level: 1 }).waitFor();
    const table = page.getByTestId('applications-table');
    expect(await table.locator('tr[data-status=submitted]').count()).toBe(2);
    await expectAccessible(page, 'the applications pipeline');

    await table.getByRole('link', { name: 'Priya Raman' }).click();
    await page.getByRole('heading', { name: 'Priya Raman', level: 1 }).waitFor();
    // Before any offer, the facts an HR lead decides on: vetting, PIP level, capabilities, the home team and the cap.
    const facts = page.getByTestId('offer-facts');
    await facts.waitFor();
    expect(await facts.getByTestId('officer-facts').textContent()).toContain('VettingSecurity check (SC)');
    expect(await facts.getByTestId('officer-facts').textContent()).toContain('PIP levelPIP level 2');
    expect(await facts.getByTestId('officer-facts').textContent()).toContain('CapabilitiesMajor crime');
    expect(await facts.getByTestId('team-effect').textContent()).toMatch(/^The EMSOU major crime investigation team would go from (\d+) to (\d+), below its minimum of \1\.$/);
    expect(await facts.getByTestId('needs-release').textContent()).toContain('would wait for EMSOU’s ROCU head to release them');
    expect(await facts.getByTestId('source-cap').textContent()).toContain('0 used of the 1 offer the cap allows to EMSOU officers: 1 left.');
    await expectAccessible(page, 'an applicant with the facts beside the offer');
    await screenshot(page, 'application-offer-facts');
    await page.getByRole('button', { name: 'Shortlist' }).click();
    await page.getByTestId('success-banner').getByText('Priya Raman is shortlisted.').waitFor();
    expect(await page.getByTestId('application-status').textContent()).toContain('Shortlisted');
    // A start date is asked for, and checked before it is sent.
    await page.getByRole('button', { name: 'Make an offer' }).click();
    await page.getByTestId('error-summary').getByRole('link', { name: 'Enter the start date' }).waitFor();
    await fillDate(page, 'Start date', 1, 6, year);
    await page.getByRole('button', { name: 'Make an offer' }).click();
    // A held offer waits for someone else: an Important banner, not Success.
    await page.getByTestId('important-banner').getByText(/waiting for EMSOU’s head to release them/).waitFor();
    expect(await page.getByTestId('application-status').textContent()).toContain('Offer waiting for release');
    const alertLink = page.getByRole('link', { name: 'See the release alert for Priya Raman' });
    expect(await alertLink.getAttribute('href')).toMatch(/^\/alerts\/.+/);
    expect(await page.getByTestId('history').textContent()).toContain('Offer waiting for release');
    await expectAccessible(page, 'an application waiting for release');
    await screenshot(page, 'application-awaiting-release');

    await page.getByRole('link', { name: 'Back to the applications' }).click();
    const priya = page.getByTestId('applications-table').locator('tr', { hasText: 'Priya Raman' });
    await expect.poll(() => priya.getAttribute('data-status'), POLL).toBe('awaiting-release');
    expect(await priya.getByTestId('release-note').textContent()).toContain('EMSOU’s head decides the release');
    await screenshot(page, 'campaign-applications');

    // A second offer to an EMSOU officer passes the per-source cap of 1: the 409 shows in the error summary.
    await page.getByTestId('applications-table').getByRole('link', { name: 'Tom Whitfield' }).click();
    // The cap used up shows before the offer is tried.
    await expect.poll(() => page.getByTestId('source-cap').textContent(), POLL).toContain('The cap allows 1 offer to EMSOU officers, and it is used: no further offer can go to its officers.');
    await page.getByRole('button', { name: 'Shortlist' }).click();
    await page.getByTestId('success-banner').waitFor();
    await fillDate(page, 'Start date', 1, 6, year);
    await page.getByRole('button', { name: 'Make an offer' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.getByText(/per-source cap is 1/).waitFor();
    expect(await page.getByTestId('application-status').textContent()).toContain('Shortlisted');
    await expectAccessible(page, 'an offer refused by the per-source cap');

    // Closing asks first.
    await page.getByRole('link', { name: 'Back to the applications' }).click();
    await page.getByRole('link', { name: 'Back to the campaign' }).click();
    await page.getByRole('link', { name: 'Close to new applications' }).click();
    await page.getByRole('heading', { name: 'Close the campaign to new applications?' }).waitFor();
    await expectAccessible(page, 'the close confirmation');
    await page.getByRole('button', { name: 'Yes, close the campaign' }).click();
    await page.getByTestId('campaign-status').getByText('Closed').waitFor();
    expect(await page.getByTestId('success-banner').textContent()).toContain('is closed to new applications');
    await signOut(page);
  });

  it('a secondment: the host posts a placement, an NCA officer finds it and applies, the home approves, the host accepts', async () => {
    const TITLE = 'Cyber secondment, Eastern region';
    await signIn(page, 'Louise Chapman');
    await page.getByRole('link', { name: 'Placements', exact: true }).click();
    await page.getByRole('heading', { name: 'Your placements', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Post a placement' }).click();
    await page.getByRole('heading', { name: 'Post a placement', level: 1 }).waitFor();
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Capability').selectOption({ label: 'Cyber-crime investigation' });
    await page.getByLabel('Description (optional)').fill('Six months with ERSOU’s cyber team, working towards PIP level 2.');
    await page.getByLabel('Number of places').fill('1');
    await fillDate(page, 'Start date', 1, 3, year);
    await page.getByLabel('Length in months').fill('6');
    await page.getByLabel('Region').selectOption({ label: 'East of England' });
    await page.getByRole('checkbox', { name: 'NCA officers' }).check();
    await page.getByRole('checkbox', { name: 'ROCU officers' }).check();
    await page.getByRole('radio', { name: 'Security check (SC)' }).check();
    await page.getByLabel('PIP level needed').selectOption('1');
    await page.getByLabel('PIP level it develops (optional)').selectOption('2');
    // Closing after the start: only the API knows that rule; its answer marks the field.
    await fillDate(page, 'Closing date', 15, 3, year);
    await page.getByRole('button', { name: 'Post the placement' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.getByRole('link', { name: /Closing date/ }).waitFor();
    expect(await page.locator('.govuk-form-group--error').filter({ hasText: 'Closing date' }).count()).toBe(1);
    await expectAccessible(page, 'the placement form showing an error');
    await fillDate(page, 'Closing date', 1, 2, year);
    await page.getByRole('button', { name: 'Post the placement' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await page.getByTestId('success-banner').textContent()).toContain('is posted and open for applications');
    const placementPath = new URL(page.url()).pathname;
    await page.getByTestId('empty-state').waitFor();
    await expectAccessible(page, 'the new placement for its host');
    await signOut(page);

    // The officer narrows the list to the East of England and placements that develop a PIP level.
    await signIn(page, 'Megan Hughes');
    await page.getByRole('link', { name: 'Secondments', exact: true }).click();
    await page.getByRole('heading', { name: 'Secondment placements', level: 1 }).waitFor();
    await page.getByLabel('Region').selectOption({ label: 'East of England' });
    await page.getByLabel('PIP development').selectOption({ label: 'Develops a PIP level' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/region=east-of-england/);
    const listed = page.getByTestId('placements').locator('li', { hasText: TITLE });
    await listed.getByText('You can apply').waitFor();
    await expectAccessible(page, 'the placements list');
    await screenshot(page, 'placements');
    // The filters are in the address: a reload keeps them.
    await page.reload();
    await page.getByTestId('placements').locator('li', { hasText: TITLE }).waitFor();
    expect(await page.getByLabel('Region').inputValue()).toBe('east-of-england');

    await page.getByTestId('placements').getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await page.getByTestId('eligibility').textContent()).toContain('You meet the requirements.');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('error-summary').getByText('Tell the host why you are applying').waitFor();
    await page.getByLabel('Why you are applying').fill('Two years at the NCA’s cyber unit; I want ROCU casework to reach PIP2.');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('heading', { name: 'My applications', level: 1 }).waitFor();
    const row = page.getByTestId('applications-table').locator('tr', { hasText: TITLE });
    expect(await row.getAttribute('data-status')).toBe('submitted');
    expect(await row.textContent()).toContain('Waiting for your own unit to approve.');
    await row.getByText('Status history').click();
    expect(await row.getByTestId('status-history').textContent()).toContain('Submitted');
    await expectAccessible(page, 'my applications with a secondment');
    await signOut(page);

    // The NCA's HR lead, the officer's home, approves it from Secondment requests.
    await signIn(page, 'Helen Marshall');
    await page.getByRole('link', { name: 'Secondments', exact: true }).click();
    await page.getByRole('heading', { name: 'Secondment requests', level: 1 }).waitFor();
    const awaiting = page.getByTestId('awaiting-table').locator('tr', { hasText: TITLE });
    await expectAccessible(page, 'the home’s secondment requests');
    await screenshot(page, 'secondment-requests');
    await awaiting.getByRole('link', { name: 'Megan Hughes' }).click();
    await page.getByTestId('home-decision-form').waitFor();
    await page.getByRole('radio', { name: 'Decline' }).check();
    await page.getByRole('button', { name: 'Send decision' }).click();
    // Declining needs a reason for the officer: caught before it is sent.
    await page.getByTestId('error-summary').getByRole('link', { name: 'Say why you decline: the officer reads it' }).waitFor();
    await expectAccessible(page, 'the home decision showing an error');
    await page.getByRole('radio', { name: 'Approve' }).check();
    await page.getByLabel('Note').fill('Supported: it fits Megan’s development plan.');
    await page.getByRole('button', { name: 'Send decision' }).click();
    await page.getByTestId('success-banner').getByText(/You approved Megan Hughes’s secondment/).waitFor();
    expect(await page.getByTestId('secondment-status').textContent()).toContain('Approved by your unit');
    expect(await page.getByTestId('home-decision').textContent()).toContain('Approved by the HR lead');
    await signOut(page);

    // The host accepts: a place is confirmed.
    await signIn(page, 'Louise Chapman', placementPath);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await page.getByTestId('placement-applications').getByRole('link', { name: 'Megan Hughes' }).click();
    await page.getByTestId('host-decision-form').waitFor();
    await expectAccessible(page, 'the host decision');
    await screenshot(page, 'secondment-host-decision');
    await page.getByRole('radio', { name: 'Accept and confirm a place' }).check();
    await page.getByRole('button', { name: 'Send decision' }).click();
    await page.getByTestId('success-banner').getByText('Megan Hughes’s place is confirmed.').waitFor();
    expect(await page.getByTestId('secondment-status').textContent()).toContain('Confirmed');
    expect(await page.getByTestId('history').textContent()).toContain('Confirmed');
    await page.getByRole('link', { name: 'Back', exact: true }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await page.getByTestId('placement-applications').locator('tr', { hasText: 'Megan Hughes' }).getAttribute('data-status')).toBe('confirmed');
    await page.getByRole('link', { name: 'Back to placements' }).click();
    await page.getByTestId('placements-table').locator('tr', { hasText: TITLE }).getByText('1 of 1').waitFor();
    await expectAccessible(page, 'the host’s placements');

    // The host completes it when the officer goes home.
    await page.getByTestId('placements-table').getByRole('link', { name: TITLE }).click();
    await page.getByTestId('placement-applications').getByRole('link', { name: 'Megan Hughes' }).click();
    // Completing cannot be undone: a check page first, then the confirmation panel.
    await page.getByRole('link', { name: 'Complete the secondment' }).click();
    await page.getByRole('heading', { name: 'Check before you complete Megan Hughes’s secondment', level: 1 }).waitFor();
    expect(await page.getByTestId('cannot-undo').textContent()).toContain('You cannot undo completing');
    await expectAccessible(page, 'the check page before completing a secondment');
    await page.getByRole('button', { name: 'Complete the secondment' }).click();
    await page.getByTestId('confirmation-panel').getByText('Secondment completed').waitFor();
    await page.getByRole('link', { name: 'Go to the application' }).click();
    await page.getByTestId('secondment-status').getByText('Completed').waitFor();
    await signOut(page);
  });

  it('the home decides a secondment: an HR lead’s approval below the minimum is refused with the reason, the ROCU head’s approval is the release', async () => {
    const TITLE = 'Confidential unit secondment, East Midlands';
    // An ERSOU confidential-unit officer applies to an EMSOU placement; ERSOU's head then sets the minimum at the team's projected strength.
    const ersouHr = await apiAs('ersou-hr');
    const officer = (await ersouHr('POST', '/v1/officers', {
      name: 'Kofi Mensah',
      homeOrgId: 'ersou',
      capabilities: ['confidential-unit'],
      vetting: 'sc',
      pipLevel: 1,
      region: 'east-of-england',
      staffNumber: 'E2E-SEC-1',
    })) as { id: string };
    const emsouHr = await apiWithClaims({ sub: 'e2e-emsou-hr', org: 'emsou', roles: ['hr-lead'] });
    const placement = (await emsouHr('POST', '/v1/placements', {
      title: TITLE,
      hostOrgId: 'emsou',
      capabilityId: 'confidential-unit',
      places: 1,
      startDate: `${year}-05-01`,
      durationMonths: 3,
      region: 'east-midlands',
      eligibility: { homeOrgTypes: ['rocu'], vetting: 'nppv2', minPipLevel: 0 },
      pipDevelopmentLevel: null,
      closesOn: `${year}-04-01`,
    })) as { id: string };
    const asOfficer = await apiWithClaims({ sub: 'e2e-sec-officer', org: 'ersou', roles: ['officer'], officerId: officer.id });
    await asOfficer('POST', `/v1/placements/${placement.id}/applications`, { statement: 'Three months with EMSOU’s confidential unit.' });
    const ersouHead = await apiAs('ersou-head');
    const rows = (await ersouHead('GET', '/v1/organisations/ersou/capabilities')) as { items: Array<{ capabilityId: string; projected: number; version: number }> };
    const unit = rows.items.find((r) => r.capabilityId === 'confidential-unit')!;
    await ersouHead('PUT', '/v1/organisations/ersou/capabilities/confidential-unit', { minimum: unit.projected, version: unit.version });

    await signIn(page, 'Louise Chapman');
    await page.getByRole('link', { name: 'Secondments', exact: true }).click();
    await page.getByTestId('awaiting-table').locator('tr', { hasText: TITLE }).getByRole('link', { name: 'Kofi Mensah' }).click();
    await page.getByTestId('home-decision-form').waitFor();
    expect(await page.getByTestId('home-decision-form').textContent()).toContain('the ROCU head must approve');
    // The team and what the secondment would do to it, beside the decision.
    await page.getByTestId('home-teams').waitFor();
    expect(await page.getByTestId('home-decision-effect').textContent()).toContain('Approving would take ERSOU’s team below its minimum');
    expect(await page.getByTestId('home-teams').getByTestId('team-effect').textContent()).toMatch(/^The ERSOU confidential unit team would go from (\d+) to (\d+), below its minimum of \1\.$/);
    await expectAccessible(page, 'the home decision with the team’s numbers');
    await page.getByRole('radio', { name: 'Approve' }).check();
    await page.getByRole('button', { name: 'Send decision' }).click();
    await page.getByTestId('error-summary').getByText(/below its minimum .*ROCU head must release the officer/).waitFor();
    expect(await page.getByTestId('secondment-status').textContent()).toContain('Submitted');
    await expectAccessible(page, 'an HR lead’s approval refused below the minimum');
    await signOut(page);

    await signIn(page, 'Marcus Adeyemi');
    await page.getByRole('link', { name: 'Secondments', exact: true }).click();
    await page.getByRole('heading', { name: 'Secondment requests', level: 1 }).waitFor();
    await page.getByTestId('awaiting-table').locator('tr', { hasText: TITLE }).getByRole('link', { name: 'Kofi Mensah' }).click();
    await page.getByRole('radio', { name: 'Approve and release' }).check();
    await page.getByLabel('Note').fill('Released for three months; the unit covers from the Essex team.');
    await page.getByRole('button', { name: 'Send decision' }).click();
    await page.getByTestId('success-banner').getByText(/and released them/).waitFor();
    expect(await page.getByTestId('home-decision').textContent()).toContain('Approved by the ROCU head');
    expect(await page.getByTestId('home-decision').textContent()).toContain('(a release decision)');
    // Decided: the decision as recorded, and no form to decide again.
    expect(await page.getByTestId('home-decision-form').count()).toBe(0);
    await expectAccessible(page, 'a secondment released by the ROCU head');
    await screenshot(page, 'secondment-released');
    await page.getByRole('link', { name: 'Back', exact: true }).click();
    await page.getByTestId('decided-table').locator('tr', { hasText: TITLE }).waitFor();
    await signOut(page);
  });

  it('an officer CSV import reports each row, writes no bad row, and importing the same file again changes nothing', async () => {
    const csv = [
      'staffNumber,name,vetting,region,capabilities,pipLevel,email',
      'E2E-IMP-1,Grace Okoye,sc,east-of-england,protected-persons,1,grace.okoye@example.org',
      'E2E-IMP-2,Owen Price,nppv3,east-of-england,protected-persons,0,',
      'E2E-IMP-3,Nadia Bell,top-secret,east-of-england,,2,',
    ].join('\n');
    const file = { name: 'ersou-officers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };
    await signIn(page, 'Louise Chapman');
    await page.getByRole('link', { name: 'Officers', exact: true }).click();
    await page.getByRole('link', { name: 'Import officer records from a CSV file' }).click();
    await page.getByRole('heading', { name: 'Import officer records', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByTestId('error-summary').getByRole('link', { name: 'Select a CSV file' }).waitFor();
    await expectAccessible(page, 'the import page showing an error');

    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-summary').textContent()).toContain('2 officers created, 0 updated, 0 unchanged; 1 problem');
    const bad = page.getByTestId('import-errors').locator('tr[data-row="4"]');
    expect(await bad.textContent()).toContain('vetting');
    await expectAccessible(page, 'the import report');
    await screenshot(page, 'officer-import-report');

    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.getByTestId('import-summary').textContent(), POLL).toContain('0 officers created, 0 updated, 2 unchanged');
    await signOut(page);
  });
});
