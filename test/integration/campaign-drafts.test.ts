/**
 * An HR lead saves a draft with only its title and capability and fills it
 * in over days: the draft says what it still needs, publishing refuses it
 * (400, naming each missing field) until it is complete, its impact waits
 * for the posts and the vetting level, and only a draft may have a field
 * cleared. Against DynamoDB Local through the local gateway.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../../shared/domain/working-days';
import { as, users } from './support/api';
import { applyingNow, cyberCampaign, openCampaign } from './support/campaigns';
import { seedReference, setBaseline } from './support/fixtures';

const ncaHr = as(users.ncaHr);
const titanHead = as(users.titanHead);
const ALL_MISSING = [
  'regions',
  'posts',
  'roleProfile.vetting',
  'opensOn',
  'closesOn',
  'roleProfile.grade',
  'roleProfile.salaryBand',
  'roleProfile.locations',
  'roleProfile.jobDescription',
  'roleProfile.terms',
];

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 7, 10);
});

async function bareDraft(title = 'Cyber investigators, to be worked out') {
  const res = await ncaHr.post('/v1/campaigns', { title, capabilityId: 'cyber', ownerOrgId: 'nca' });
  expect(res.status).toBe(201);
  return res.json;
}

describe('a draft with only a title and a capability', () => {
  it('is saved, with every other field empty and listed as still needed in the order of the form', async () => {
    const draft = await bareDraft();
    expect(draft).toMatchObject({ status: 'draft', regions: [], posts: null, opensOn: null, closesOn: null, version: 1 });
    expect(draft.roleProfile).toEqual({ jobDescription: null, terms: null, grade: null, salaryBand: null, vetting: null, minPipLevel: 0, locations: [] });
    expect(draft.missingForPublish.map((m: { field: string }) => m.field)).toEqual(ALL_MISSING);
    expect(draft.missingForPublish[1]).toEqual({ field: 'posts', message: 'Add the number of posts' });

    const read = await ncaHr.get(`/v1/campaigns/${draft.id}`);
    expect(read.json).toMatchObject({ id: draft.id, posts: null, takingApplications: false });
    const listed = await ncaHr.get('/v1/campaigns?status=draft&limit=100');
    expect(listed.json.items.find((c: { id: string }) => c.id === draft.id)).toMatchObject({ posts: null, opensOn: null });
    // An undated draft has no place on the calendar; the calendar still answers.
    const calendar = await ncaHr.get('/v1/reports/campaign-calendar');
    expect(calendar.status).toBe(200);
    expect(calendar.json.campaigns.map((c: { id: string }) => c.id)).not.toContain(draft.id);
  });

  it('cannot be published until it is complete: 400 naming each missing field, and nothing changes', async () => {
    const draft = await bareDraft();
    const res = await ncaHr.post(`/v1/campaigns/${draft.id}/publish`);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validation_failed');
    expect(res.json.error.message).toMatch(/^The campaign cannot be published yet\. Choose the regions .*; Add the number of posts;/);
    expect(res.json.error.details.map((d: { field: string }) => d.field)).toEqual(ALL_MISSING);
    expect((await ncaHr.get(`/v1/campaigns/${draft.id}`)).json).toMatchObject({ status: 'draft', version: 1 });
    expect((await titanHead.get('/v1/alerts?limit=100')).json.items.filter((a: { campaignId: string }) => a.campaignId === draft.id)).toEqual([]);
  });

  it('has no impact until it has its posts and vetting level (409 naming them), then the impact follows', async () => {
    const draft = await bareDraft();
    const before = await ncaHr.get(`/v1/campaigns/${draft.id}/impact`);
    expect(before.status).toBe(409);
    expect(before.json.error.message).toBe('The impact cannot be assessed until the draft has its number of posts and its minimum vetting level.');
    expect(before.json.error.details.map((d: { field: string }) => d.field)).toEqual(['posts', 'roleProfile.vetting']);

    const edited = await ncaHr.patch(`/v1/campaigns/${draft.id}`, { posts: 4, roleProfile: { vetting: 'sc' }, version: 1 });
    expect(edited.status).toBe(200);
    expect(edited.json.missingForPublish.map((m: { field: string }) => m.field)).not.toContain('posts');
    const after = await ncaHr.get(`/v1/campaigns/${draft.id}/impact`);
    expect(after.status).toBe(200);
    expect(after.json.rows.find((r: { orgId: string }) => r.orgId === 'titan')).toMatchObject({ posts: 4, minimum: 7 });
  });

  it('filled in by edits, it is published like any other', async () => {
    const draft = await bareDraft();
    const { roleProfile, regions, posts, opensOn, closesOn } = cyberCampaign();
    const first = await ncaHr.patch(`/v1/campaigns/${draft.id}`, { regions, posts: 1, roleProfile: { grade: roleProfile.grade, vetting: 'nppv2' }, version: 1 });
    expect(first.json.missingForPublish.map((m: { field: string }) => m.field)).toEqual(ALL_MISSING.filter((f) => !['regions', 'posts', 'roleProfile.vetting', 'roleProfile.grade'].includes(f)));
    const second = await ncaHr.patch(`/v1/campaigns/${draft.id}`, { opensOn, closesOn, roleProfile: { ...roleProfile, vetting: 'dv' }, posts, version: 2 });
    expect(second.json).toMatchObject({ missingForPublish: [], posts: 6, opensOn, roleProfile: { grade: roleProfile.grade, vetting: 'dv' } });
    const published = await ncaHr.post(`/v1/campaigns/${draft.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.json.campaign.status).toMatch(/^(open|consultation)$/);
  });

  it('checks what is typed even in a draft, and only a draft may have a field cleared', async () => {
    const today = todayIso();
    const outOfOrder = await ncaHr.post('/v1/campaigns', { title: 'Backwards', capabilityId: 'cyber', ownerOrgId: 'nca', opensOn: addDays(today, 30), closesOn: addDays(today, 10) });
    expect(outOfOrder.status).toBe(400);
    expect(outOfOrder.json.error.details).toEqual([expect.objectContaining({ field: 'closesOn' })]);
    const tooMany = await ncaHr.post('/v1/campaigns', { title: 'Cap above posts', capabilityId: 'cyber', ownerOrgId: 'nca', posts: 2, maxAppointmentsPerSource: 3 });
    expect(tooMany.status).toBe(400);

    // A draft's field can be cleared again (null), and the draft says it is needed once more.
    const draft = await bareDraft();
    await ncaHr.patch(`/v1/campaigns/${draft.id}`, { posts: 3, version: 1 });
    const cleared = await ncaHr.patch(`/v1/campaigns/${draft.id}`, { posts: null, version: 2 });
    expect(cleared.status).toBe(200);
    expect(cleared.json.posts).toBeNull();
    expect(cleared.json.missingForPublish.map((m: { field: string }) => m.field)).toContain('posts');

    // A campaign in consultation keeps every field: clearing one is refused and nothing changes.
    const held = await openCampaign({ status: 'consultation', ...applyingNow() });
    const refused = await ncaHr.patch(`/v1/campaigns/${held.id}`, { posts: null, roleProfile: { terms: null }, version: held.version });
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toBe('Only a draft can leave a field empty. Add the number of posts; Add the terms and conditions.');
    expect((await ncaHr.get(`/v1/campaigns/${held.id}`)).json).toMatchObject({ posts: 6, version: held.version });
  });
});
