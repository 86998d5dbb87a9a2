import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient, tableName } from '../../shared/data/client';
import { keys } from '../../shared/data/keys';
import { sentEvents } from '../../shared/notify/publish-events';
import type { Campaign } from '../../shared/schemas/campaign.schema';
import type { Officer } from '../../shared/schemas/officer.schema';
import { as, asOfficer, users } from './support/api';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';
import { openCampaign } from './support/campaigns';

const ncaHr = as(users.ncaHr);
const titanHr = as(users.titanHr);
const ersouHr = as(users.ersouHr);

/** A campaign written straight to the table (the campaign routes have their own tests). */
const campaign = (overrides: Partial<Campaign>) => openCampaign({ title: 'Cyber investigators', posts: 4, opensOn: '2026-01-05', ...overrides });

/** Move a campaign on without the campaign routes (they have their own tests). */
async function setCampaignStatus(id: string, status: Campaign['status']): Promise<void> {
  await documentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.campaign(id),
      UpdateExpression: 'SET #status = :status',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': status },
    }),
  );
}


async function apply(o: Officer, campaignId: string): Promise<string> {
  const res = await asOfficer(o).post(`/v1/campaigns/${campaignId}/applications`, { statement: 'I investigate cyber crime.' });
  expect(res.status).toBe(201);
  return res.json.id;
}

async function shortlistedThenRejected(o: Officer, campaignId: string): Promise<string> {
  const id = await apply(o, campaignId);
  expect((await ncaHr.post(`/v1/applications/${id}/shortlist`)).status).toBe(200);
  expect((await ncaHr.post(`/v1/applications/${id}/reject`)).status).toBe(200);
  return id;
}

const pool = (client: ReturnType<typeof as>, campaignId: string) => client.get(`/v1/campaigns/${campaignId}/candidate-pool`);
const invite = (client: ReturnType<typeof as>, campaignId: string, body: unknown) => client.post(`/v1/campaigns/${campaignId}/candidate-pool/invitations`, body);

let candidate: Officer;
let colleague: Officer;
let joint: Campaign;
let laterTitan: Campaign;
let laterNca: Campaign;
let ersouCampaign: Campaign;
let appId: string;

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 2, 12);
  candidate = await makeOfficer({ homeOrgId: 'titan', name: 'Priya Shah' });
  colleague = await makeOfficer({ homeOrgId: 'titan', name: 'Tom Reid' });
  joint = await campaign({ title: 'Joint NCA–TITAN cyber investigators', ownerOrgId: 'nca', partnerOrgIds: ['titan'], opensOn: '2026-01-05' });
  laterTitan = await campaign({ title: 'TITAN cyber investigators', ownerOrgId: 'titan', opensOn: '2026-06-01' });
  laterNca = await campaign({ title: 'NCA cyber investigators, round two', ownerOrgId: 'nca', opensOn: '2026-07-01' });
  ersouCampaign = await campaign({ title: 'ERSOU cyber investigators', ownerOrgId: 'ersou', regions: ['east-of-england'], opensOn: '2026-08-01' });
});

describe('marking an appointable candidate', () => {
  it('the joint campaign’s partner HR lead marks a shortlisted-then-rejected applicant appointable; the applicant could not consent before', async () => {
    appId = await apply(candidate, joint.id);
    expect((await ncaHr.post(`/v1/applications/${appId}/shortlist`)).status).toBe(200);
    const early = await asOfficer(candidate).post(`/v1/applications/${appId}/pool-consent`, { consent: true });
    expect(early.status).toBe(409);
    expect(early.json.error.message).toMatch(/marked appointable/);
    expect((await ncaHr.post(`/v1/applications/${appId}/reject`)).status).toBe(200);

    const res = await titanHr.post(`/v1/applications/${appId}/appointable`, { appointable: true, note: 'Strong panel; no post left.' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: appId, status: 'rejected', appointable: true, poolConsent: false });
    const again = await titanHr.post(`/v1/applications/${appId}/appointable`, { appointable: true });
    expect(again.status).toBe(200);
    expect(again.json.version).toBe(res.json.version);
  });

  it('a candidate who never reached the shortlist, or is shortlisted while the campaign can still offer, is refused with 409', async () => {
    const other = await makeOfficer({ homeOrgId: 'titan' });
    const submitted = await apply(other, laterTitan.id);
    expect((await titanHr.post(`/v1/applications/${submitted}/reject`)).status).toBe(200);
    const never = await titanHr.post(`/v1/applications/${submitted}/appointable`, { appointable: true });
    expect(never.status).toBe(409);
    expect(never.json.error.message).toMatch(/reached the shortlist/);

    const open = await campaign({ ownerOrgId: 'titan', title: 'TITAN still recruiting' });
    const shortlisted = await apply(other, open.id);
    expect((await titanHr.post(`/v1/applications/${shortlisted}/shortlist`)).status).toBe(200);
    const live = await titanHr.post(`/v1/applications/${shortlisted}/appointable`, { appointable: true });
    expect(live.status).toBe(409);
    expect(live.json.error.message).toMatch(/reject the application first/);

    // Once the campaign is completed no offer can follow: the shortlisted candidate was not appointed.
    await setCampaignStatus(open.id, 'completed');
    const ended = await titanHr.post(`/v1/applications/${shortlisted}/appointable`, { appointable: true });
    expect(ended.status).toBe(200);
    expect(ended.json).toMatchObject({ status: 'shortlisted', appointable: true });
  });

  it('an HR lead of another organisation gets 404; a bad body is 400', async () => {
    expect((await ersouHr.post(`/v1/applications/${appId}/appointable`, { appointable: true })).status).toBe(404);
    for (const body of [{}, { appointable: 'yes' }, { appointable: true, poolConsent: true }, { appointable: true, note: '' }]) {
      const res = await titanHr.post(`/v1/applications/${appId}/appointable`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
    }
  });
});

describe('consent', () => {
  it('only the applicant consents: another officer gets 404, an HR lead 403, a bad body 400', async () => {
    expect((await asOfficer(colleague).post(`/v1/applications/${appId}/pool-consent`, { consent: true })).status).toBe(404);
    expect((await titanHr.post(`/v1/applications/${appId}/pool-consent`, { consent: true })).status).toBe(403);
    for (const body of [{}, { consent: 'yes' }, { consent: true, appointable: true }]) {
      const res = await asOfficer(candidate).post(`/v1/applications/${appId}/pool-consent`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
    }
  });

  it('an application not marked appointable cannot be pooled (409)', async () => {
    const plain = await shortlistedThenRejected(colleague, joint.id);
    const res = await asOfficer(colleague).post(`/v1/applications/${plain}/pool-consent`, { consent: true });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('conflict');
  });

  it('the applicant consents', async () => {
    const res = await asOfficer(candidate).post(`/v1/applications/${appId}/pool-consent`, { consent: true });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ appointable: true, poolConsent: true });
  });
});

describe('browsing the pool', () => {
  it('TITAN, the joint campaign’s partner, sees the candidate from its later TITAN campaign, with a recruiter’s summary only', async () => {
    const res = await pool(titanHr, laterTitan.id);
    expect(res.status).toBe(200);
    expect(res.json.items).toHaveLength(1);
    const [entry] = res.json.items;
    expect(entry).toEqual({
      entryId: appId,
      officerId: candidate.id,
      officerName: 'Priya Shah',
      homeOrgId: 'titan',
      vetting: 'sc',
      pipLevel: 2,
      capabilityId: 'cyber',
      sourceCampaignId: joint.id,
      sourceCampaignTitle: 'Joint NCA–TITAN cyber investigators',
      sourceOrgIds: ['nca', 'titan'],
      pooledAt: expect.any(String),
      invitedAt: null,
    });
  });

  it('ERSOU, which ran no part of the source campaign, does not see them even from its own cyber campaign, and cannot browse TITAN’s', async () => {
    const own = await pool(ersouHr, ersouCampaign.id);
    expect(own.status).toBe(200);
    expect(own.json.items).toEqual([]);
    expect((await pool(ersouHr, laterTitan.id)).status).toBe(404);
  });

  it('the NCA, the joint campaign’s owner, sees them from a later NCA campaign but not from the source campaign itself', async () => {
    expect((await pool(ncaHr, laterNca.id)).json.items.map((e: any) => e.entryId)).toEqual([appId]);
    expect((await pool(ncaHr, joint.id)).json.items).toEqual([]);
  });

  it('a campaign for another capability has its own pool', async () => {
    const surveillance = await campaign({ ownerOrgId: 'titan', capabilityId: 'surveillance', title: 'TITAN surveillance' });
    expect((await pool(titanHr, surveillance.id)).json.items).toEqual([]);
  });

  it('a cursor from another list is 400; an unknown query field is 400', async () => {
    const foreign = Buffer.from(JSON.stringify({ pk: 'POOL#surveillance', sk: 'x' })).toString('base64url');
    expect((await titanHr.get(`/v1/campaigns/${laterTitan.id}/candidate-pool?cursor=${foreign}`)).status).toBe(400);
    expect((await titanHr.get(`/v1/campaigns/${laterTitan.id}/candidate-pool?status=open`)).status).toBe(400);
  });
});

describe('inviting a pooled candidate', () => {
  it('TITAN invites the candidate to its open campaign; a second invitation is 409; the officer is told and sees it', async () => {
    const res = await invite(titanHr, laterTitan.id, { entryId: appId, message: 'We would like you to apply.' });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      campaignId: laterTitan.id,
      campaignTitle: 'TITAN cyber investigators',
      officerId: candidate.id,
      entryId: appId,
      invitingOrgId: 'titan',
      invitedBy: 'titan-hr',
      message: 'We would like you to apply.',
    });
    const again = await invite(titanHr, laterTitan.id, { entryId: appId });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/already been invited/);

    expect(sentEvents()).toContainEqual(
      expect.objectContaining({ type: 'candidate.invited', audiences: [`officer:${candidate.id}`], subject: expect.objectContaining({ id: laterTitan.id }) }),
    );
    const mine = await asOfficer(candidate).get('/v1/me/invitations');
    expect(mine.status).toBe(200);
    expect(mine.json.items).toEqual([
      {
        campaignId: laterTitan.id,
        campaignTitle: 'TITAN cyber investigators',
        capabilityId: 'cyber',
        closesOn: laterTitan.closesOn,
        invitingOrgId: 'titan',
        invitedAt: res.json.invitedAt,
        message: 'We would like you to apply.',
      },
    ]);
    expect((await asOfficer(colleague).get('/v1/me/invitations')).json.items).toEqual([]);
    expect((await pool(titanHr, laterTitan.id)).json.items[0].invitedAt).toBe(res.json.invitedAt);
  });

  it('a candidate the caller may not see, or no candidate at all, is 404; a bad body is 400', async () => {
    expect((await invite(ersouHr, ersouCampaign.id, { entryId: appId })).status).toBe(404);
    expect((await invite(titanHr, laterTitan.id, { entryId: 'app_nothinghere' })).status).toBe(404);
    for (const body of [{}, { entryId: 'not an id' }, { entryId: appId, officerId: candidate.id }, { entryId: appId, message: '' }]) {
      const res = await invite(titanHr, laterTitan.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
    }
  });

  it('a campaign that is not open cannot invite (409)', async () => {
    const closed = await campaign({ ownerOrgId: 'titan', title: 'TITAN closed', status: 'closed' });
    const res = await invite(titanHr, closed.id, { entryId: appId });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/closed/);
  });

  it('an officer who has applied to the campaign is left out of its pool and cannot be invited to it', async () => {
    await apply(candidate, laterNca.id);
    expect((await pool(ncaHr, laterNca.id)).json.items).toEqual([]);
    const res = await invite(ncaHr, laterNca.id, { entryId: appId });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/already applied/);
  });
});

describe('leaving the pool', () => {
  it('withdrawing consent takes the candidate out of every pool; they can no longer be invited', async () => {
    const res = await asOfficer(candidate).post(`/v1/applications/${appId}/pool-consent`, { consent: false });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ appointable: true, poolConsent: false });
    expect((await pool(titanHr, laterTitan.id)).json.items).toEqual([]);
    const another = await campaign({ ownerOrgId: 'titan', title: 'TITAN cyber, round three' });
    expect((await invite(titanHr, another.id, { entryId: appId })).status).toBe(404);
    // Withdrawing again changes nothing.
    const again = await asOfficer(candidate).post(`/v1/applications/${appId}/pool-consent`, { consent: false });
    expect(again.status).toBe(200);
    expect(again.json.version).toBe(res.json.version);
  });

  it('HR taking the appointable mark back takes the candidate out too, and their consent with it', async () => {
    expect((await asOfficer(candidate).post(`/v1/applications/${appId}/pool-consent`, { consent: true })).status).toBe(200);
    expect((await pool(titanHr, laterTitan.id)).json.items).toHaveLength(1);
    const res = await ncaHr.post(`/v1/applications/${appId}/appointable`, { appointable: false, note: 'Marked in error.' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ appointable: false, poolConsent: false });
    expect((await pool(titanHr, laterTitan.id)).json.items).toEqual([]);
    expect((await asOfficer(candidate).post(`/v1/applications/${appId}/pool-consent`, { consent: true })).status).toBe(409);
  });
});
