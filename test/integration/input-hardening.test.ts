import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { getBaseline } from '../../shared/data/capability.repository';
import { documentClient, tableName } from '../../shared/data/client';
import { keys } from '../../shared/data/keys';
import { addDays, todayIso } from '../../shared/domain/working-days';
import { as, asOfficer, users, type Claims } from './support/api';
import { cyberCampaign, openCampaign } from './support/campaigns';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';
import { placementBody } from './support/placements';

/**
 * Nothing a client sends breaks a record or a list. Each case is a request
 * that could write something no reader can read back (or end in a 500): it
 * gets a 4xx in the error shape, nothing is written, and every list still
 * answers 200.
 */

const ncaHr = as(users.ncaHr);
const titanHr = as(users.titanHr);
const titanHead = as(users.titanHead);
const rocc = as(users.roccNorthWest);
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

let titanOfficer: { id: string; homeOrgId: string };

/** A 4xx in the error shape, naming `field` when given. */
function expectRefused(res: { status: number; json: any }, status: number, field?: string) {
  expect(res.status, JSON.stringify(res.json)).toBe(status);
  expect(res.json.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) }));
  if (field) expect(res.json.error.details.map((d: { field?: string }) => d.field)).toContain(field);
}

/** The lists every officer and HR lead relies on, as those who read them. */
async function listsAnswer(extra: { as: Claims; url: string }[] = []) {
  const officerClaims: Claims = { sub: `u-${titanOfficer.id}`, org: 'titan', roles: ['officer'], officerId: titanOfficer.id };
  const checks = [
    { as: officerClaims, url: '/v1/placements' },
    { as: users.ncaHr, url: '/v1/placements' },
    { as: officerClaims, url: '/v1/me/applications' },
    { as: officerClaims, url: '/v1/campaigns' },
    { as: users.ncaHr, url: '/v1/campaigns' },
    { as: users.titanHr, url: '/v1/officers' },
    { as: users.titanHead, url: '/v1/alerts' },
    { as: users.roccNorthWest, url: '/v1/alerts' },
    { as: users.ncaHr, url: '/v1/organisations/nca/placements' },
    ...extra,
  ];
  for (const c of checks) {
    const res = await as(c.as).get(c.url);
    expect(res.status, `${c.url} as ${c.as.sub}: ${res.body.slice(0, 200)}`).toBe(200);
  }
}

beforeAll(async () => {
  await seedReference();
  // One TITAN cyber officer against a minimum of one: any offer to them waits for the head's release.
  await setBaseline('titan', 'cyber', 1, 4);
  titanOfficer = await makeOfficer({ homeOrgId: 'titan', capabilities: ['cyber'], vetting: 'sc', pipLevel: 2 });
});

describe('a date at the edge of the calendar', () => {
  it('a placement starting 9999-12-31 is a 400 naming startDate; nothing is posted and GET /v1/placements answers 200', async () => {
    const before = (await ncaHr.get('/v1/organisations/nca/placements')).json.items.length;
    expectRefused(await ncaHr.post('/v1/placements', placementBody({ startDate: '9999-12-31' })), 400, 'startDate');
    expect((await ncaHr.get('/v1/organisations/nca/placements')).json.items.length).toBe(before);
    await listsAnswer();
  });

  it('a placement starting on the calendar’s last day, whose end date would fall after it, is a 400 naming durationMonths', async () => {
    const before = (await ncaHr.get('/v1/organisations/nca/placements')).json.items.length;
    const res = await ncaHr.post('/v1/placements', placementBody({ startDate: '2100-12-31', durationMonths: 6 }));
    expectRefused(res, 400, 'durationMonths');
    expect(res.json.error.message).toMatch(/2100-12-31/);
    expect((await ncaHr.get('/v1/organisations/nca/placements')).json.items.length).toBe(before);
    // The same placement ending inside the calendar is fine.
    expect((await ncaHr.post('/v1/placements', placementBody({ startDate: '2100-06-01', durationMonths: 6 }))).status).toBe(201);
    await listsAnswer();
  });

  it('an offer starting 9999-12-31, or so late that its latest release date (90 days on) is past 2100, is a 400; the application stays as it was', async () => {
    const campaign = await openCampaign();
    const applied = await asOfficer(titanOfficer).post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'Keen.' });
    expect(applied.status).toBe(201);
    const id = applied.json.id as string;
    expect((await ncaHr.post(`/v1/applications/${id}/shortlist`, {})).status).toBe(200);
    expectRefused(await ncaHr.post(`/v1/applications/${id}/offer`, { startDate: '9999-12-31' }), 400, 'startDate');
    expectRefused(await ncaHr.post(`/v1/applications/${id}/offer`, { startDate: '2100-12-31' }), 400, 'startDate');
    expect((await ncaHr.get(`/v1/applications/${id}`)).json).toMatchObject({ status: 'shortlisted', startDate: null, releaseDate: null });
    await listsAnswer([{ as: users.ncaHr, url: `/v1/campaigns/${campaign.id}/applications` }]);
  });

  it('a ROCC upholding an offer whose latest release date is past the calendar gets a 400; the alert and the application are unchanged and readable', async () => {
    const campaign = await openCampaign();
    const officer = await makeOfficer({ homeOrgId: 'titan', capabilities: ['cyber'], vetting: 'sc', pipLevel: 2 });
    const applied = await asOfficer(officer).post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'Keen.' });
    const id = applied.json.id as string;
    await ncaHr.post(`/v1/applications/${id}/shortlist`, {});
    // TITAN's minimum at its whole strength: the offer waits for the head's release.
    const baseline = (await getBaseline('titan', 'cyber'))!;
    expect((await titanHead.put('/v1/organisations/titan/capabilities/cyber', { minimum: baseline.projected, version: baseline.version })).status).toBe(200);
    const offered = await ncaHr.post(`/v1/applications/${id}/offer`, { startDate: addDays(todayIso(), 30) });
    expect(offered.json.status).toBe('awaiting-release');
    const alertId = offered.json.alertId as string;
    expect((await titanHead.post(`/v1/alerts/${alertId}/respond`, { decision: 'object', note: 'Cannot spare them.' })).status).toBe(200);
    // An alert whose requested start is the calendar's last day (as one stored before dates were bounded may be).
    await documentClient().send(
      new UpdateCommand({ TableName: tableName(), Key: keys.alert(alertId), UpdateExpression: 'SET requestedStart = :d', ExpressionAttributeValues: { ':d': '2100-12-31' } }),
    );
    const before = (await rocc.get(`/v1/alerts/${alertId}`)).json;
    expectRefused(await rocc.post(`/v1/alerts/${alertId}/decide`, { decision: 'uphold', note: 'Defer to the latest date.' }), 400, 'releaseDate');
    const after = await rocc.get(`/v1/alerts/${alertId}`);
    expect(after.status).toBe(200);
    expect(after.json).toMatchObject({ status: 'escalated', releaseDate: null, version: before.version });
    expect((await asOfficer(officer).get(`/v1/applications/${id}`)).json.status).toBe('awaiting-release');
    await listsAnswer([
      { as: { sub: `u-${officer.id}`, org: 'titan', roles: ['officer'], officerId: officer.id }, url: '/v1/me/applications' },
      { as: users.ncaHr, url: `/v1/campaigns/${campaign.id}/applications` },
    ]);
  });

  it('dates outside the calendar are refused wherever they are accepted: bodies and query strings', async () => {
    expectRefused(await ncaHr.post('/v1/campaigns', cyberCampaign({ opensOn: '1899-12-31' })), 400, 'opensOn');
    expectRefused(await titanHr.post('/v1/officers', { name: 'A', homeOrgId: 'titan', vetting: 'sc', region: 'north-west', vettingExpiresOn: '2101-01-01' }), 400, 'vettingExpiresOn');
    expectRefused(await ncaHr.get('/v1/reports/campaign-calendar?from=9999-01-01'), 400, 'from');
    // A calendar starting in the last year stops at the calendar's end instead of running past it.
    const late = await ncaHr.get('/v1/reports/campaign-calendar?from=2100-06-01');
    expect(late.status).toBe(200);
    expect(late.json.to).toBe('2100-12-31');
  });
});

describe('malformed cursors', () => {
  beforeAll(async () => {
    for (let i = 0; i < 3; i++) await makeOfficer({ homeOrgId: 'titan', capabilities: [] });
  });

  it('GET /v1/officers with a cursor holding only the partition attribute, a number where text belongs, or an extra attribute: 400 naming cursor', async () => {
    const first = await titanHr.get('/v1/officers?limit=1');
    expect(first.json.cursor).toBeDefined();
    const key = JSON.parse(Buffer.from(first.json.cursor, 'base64url').toString('utf8'));
    for (const bad of [
      { gsi1pk: key.gsi1pk },
      { ...key, gsi1sk: 7 },
      { ...key, pk: { S: key.pk } },
      { ...key, extra: 'x' },
      { ...key, gsi1pk: 'ORG#ersou#OFFICER' },
    ]) {
      expectRefused(await titanHr.get(`/v1/officers?limit=1&cursor=${cursorOf(bad)}`), 400, 'cursor');
    }
    // The cursor the list issued still pages on.
    const second = await titanHr.get(`/v1/officers?limit=1&cursor=${first.json.cursor}`);
    expect(second.status).toBe(200);
    expect(second.json.items[0].id).not.toBe(first.json.items[0].id);
  });

  it('GET /v1/alerts with a cursor of only pk, or of another inbox: 400', async () => {
    expectRefused(await titanHead.get(`/v1/alerts?cursor=${cursorOf({ 'rocu-head:titan': { pk: 'INBOX#rocu-head:titan' } })}`), 400, 'cursor');
    expectRefused(await titanHead.get(`/v1/alerts?cursor=${cursorOf({ 'rocu-head:titan': { pk: 'INBOX#rocu-head:titan', sk: 'x', at: 1 } })}`), 400, 'cursor');
    expectRefused(await titanHead.get(`/v1/alerts?cursor=${cursorOf({ 'rocu-head:ersou': null })}`), 400, 'cursor');
    expectRefused(await titanHead.get(`/v1/alerts?cursor=${cursorOf({ pk: 'INBOX#rocu-head:titan', sk: 'x' })}`), 400, 'cursor');
    expectRefused(await titanHead.get('/v1/alerts?cursor=not%20base64!'), 400);
  });

  it('list cursors of the table and of each index are checked the same way (audit, campaigns by status, by capability, placements)', async () => {
    const campaign = await openCampaign();
    for (const url of [
      `/v1/audit?entity=campaign:${campaign.id}&cursor=${cursorOf({ pk: `AUDIT#campaign#${campaign.id}` })}`,
      `/v1/campaigns?status=open&cursor=${cursorOf({ gsi1pk: 'CAMPAIGN#STATUS#open', gsi1sk: 1, pk: 'x', sk: 'y' })}`,
      `/v1/campaigns?capabilityId=cyber&cursor=${cursorOf({ gsi2pk: 'CAMPAIGN#CAP#cyber' })}`,
      `/v1/placements?cursor=${cursorOf({ gsi1pk: 'PLACEMENT#STATUS#open', gsi1sk: 'x', pk: 'y', sk: 'z', gsi2pk: 'w' })}`,
    ]) {
      expectRefused(await ncaHr.get(url), 400, 'cursor');
    }
    await listsAnswer();
  });
});

describe('versions that are not versions', () => {
  it('a 400-digit If-Match, or 1 followed by 200 zeros, on PATCH /v1/campaigns/{id} and PUT …/capabilities/{c}: 400 naming If-Match, nothing written', async () => {
    const draft = await ncaHr.post('/v1/campaigns', cyberCampaign());
    expect(draft.status).toBe(201);
    const baseline = await getBaseline('titan', 'cyber');
    for (const ifMatch of ['9'.repeat(400), `1${'0'.repeat(200)}`, `"${'9'.repeat(17)}"`]) {
      expectRefused(await ncaHr.patch(`/v1/campaigns/${draft.json.id}`, { title: 'Renamed' }, { headers: { 'if-match': ifMatch } }), 400, 'If-Match');
      expectRefused(await titanHead.put('/v1/organisations/titan/capabilities/cyber', { minimum: 0 }, { headers: { 'if-match': ifMatch } }), 400, 'If-Match');
    }
    expect((await ncaHr.get(`/v1/campaigns/${draft.json.id}`)).json).toMatchObject({ title: draft.json.title, version: 1 });
    expect(await getBaseline('titan', 'cyber')).toMatchObject({ minimum: baseline!.minimum, version: baseline!.version });
  });

  it('a body version of 1e200, 1.5 or −1 is a 400 naming version', async () => {
    const draft = await ncaHr.post('/v1/campaigns', cyberCampaign());
    for (const version of [1e200, 1.5, -1]) {
      expectRefused(await ncaHr.patch(`/v1/campaigns/${draft.json.id}`, { title: 'Renamed', version }), 400, 'version');
    }
    expect((await ncaHr.get(`/v1/campaigns/${draft.json.id}`)).json.version).toBe(1);
  });
});

describe('an HR lead moving its officer into another organisation alone', () => {
  it('PATCH /v1/officers/{id} {homeOrgId:"ersou"} by TITAN HR is 403; ERSOU’s strength does not rise', async () => {
    await setBaseline('ersou', 'cyber', 1, 4);
    const officer = await makeOfficer({ homeOrgId: 'titan', capabilities: ['cyber'] });
    const ersouBefore = (await getBaseline('ersou', 'cyber'))!.strength;
    expectRefused(await titanHr.patch(`/v1/officers/${officer.id}`, { homeOrgId: 'ersou', version: officer.version }), 403, 'homeOrgId');
    expect((await getBaseline('ersou', 'cyber'))!.strength).toBe(ersouBefore);
    expect((await titanHr.get(`/v1/officers/${officer.id}`)).json).toMatchObject({ homeOrgId: 'titan', version: officer.version });
  });
});

describe('a campaign edit held to the checks of a new campaign', () => {
  it('PATCH with an organisation that does not exist, or seven partners: 400 naming partnerOrgIds, nothing written', async () => {
    const draft = await ncaHr.post('/v1/campaigns', cyberCampaign());
    expectRefused(await ncaHr.patch(`/v1/campaigns/${draft.json.id}`, { partnerOrgIds: ['atlantis'], version: 1 }), 400, 'partnerOrgIds');
    expectRefused(await ncaHr.patch(`/v1/campaigns/${draft.json.id}`, { partnerOrgIds: ['titan', 'ersou', 'viper', 'essex', 'merseyside', 'greater-manchester', 'nca'], version: 1 }), 400, 'partnerOrgIds');
    expect((await ncaHr.get(`/v1/campaigns/${draft.json.id}`)).json).toMatchObject({ partnerOrgIds: [], version: 1 });
    // Real partners, up to four, are fine.
    const ok = await ncaHr.patch(`/v1/campaigns/${draft.json.id}`, { partnerOrgIds: ['titan', 'ersou'], version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.json.partnerOrgIds).toEqual(['titan', 'ersou']);
  });
});

describe('drafts listed only to those who can open them', () => {
  it('a ROCU head does not see their HR lead’s drafts, ROCCs and the admin do not see NCA drafts; every listed campaign opens', async () => {
    const titanDraft = await titanHr.post('/v1/campaigns', cyberCampaign({ ownerOrgId: 'titan', title: 'TITAN draft' }));
    const ncaDraft = await ncaHr.post('/v1/campaigns', cyberCampaign({ title: 'NCA draft' }));
    expect([titanDraft.status, ncaDraft.status]).toEqual([201, 201]);
    const lists: [Claims, string][] = [
      [users.titanHead, '/v1/campaigns'],
      [users.titanHead, '/v1/campaigns?orgId=titan'],
      [users.titanHead, '/v1/campaigns?capabilityId=cyber'],
      [users.titanHead, '/v1/campaigns?status=draft'],
      [users.roccNorthWest, '/v1/campaigns'],
      [users.roccNorthWest, '/v1/campaigns?status=draft'],
      [users.roccNorthWest, '/v1/campaigns?capabilityId=cyber'],
      [users.admin, '/v1/campaigns'],
      [users.admin, '/v1/campaigns?orgId=nca'],
      [users.ersouHr, '/v1/campaigns?capabilityId=cyber'],
      [users.ersouHr, '/v1/campaigns?orgId=titan'],
    ];
    for (const [who, url] of lists) {
      const res = await as(who).get(url);
      expect(res.status).toBe(200);
      const ids = res.json.items.map((c: { id: string }) => c.id);
      expect(ids, `${url} as ${who.sub}`).not.toContain(titanDraft.json.id);
      expect(ids, `${url} as ${who.sub}`).not.toContain(ncaDraft.json.id);
      for (const id of ids) expect((await as(who).get(`/v1/campaigns/${id}`)).status, `${id} listed to ${who.sub}`).toBe(200);
    }
    // Their own HR leads still see them, in the list and by id.
    expect((await titanHr.get('/v1/campaigns')).json.items.map((c: { id: string }) => c.id)).toContain(titanDraft.json.id);
    expect((await ncaHr.get('/v1/campaigns?status=draft')).json.items.map((c: { id: string }) => c.id)).toContain(ncaDraft.json.id);
  });
});

describe('text bounded and clean', () => {
  it('an audit entity past 200 characters, or far past DynamoDB’s key limit, is a 400 naming entity', async () => {
    expectRefused(await ncaHr.get(`/v1/audit?entity=campaign:${'c'.repeat(300)}`), 400, 'entity');
    expectRefused(await ncaHr.get(`/v1/audit?entity=campaign:${'c'.repeat(3000)}`), 400, 'entity');
  });

  it('NUL, other control characters and lone surrogates are refused naming the field, and nothing is stored', async () => {
    const before = (await ncaHr.get('/v1/campaigns?orgId=nca&status=draft&limit=100')).json.items.length;
    expectRefused(await ncaHr.post('/v1/campaigns', cyberCampaign({ title: 'Cyber\u0000investigators' })), 400, 'title');
    expectRefused(await ncaHr.post('/v1/campaigns', cyberCampaign({ title: 'Cyber \ud800 investigators' })), 400, 'title');
    expectRefused(await ncaHr.post('/v1/campaigns', cyberCampaign({ title: 'Cyber\u001b[31m investigators' })), 400, 'title');
    expect((await ncaHr.get('/v1/campaigns?orgId=nca&status=draft&limit=100')).json.items.length).toBe(before);
    const campaign = await openCampaign();
    const officer = await makeOfficer({ homeOrgId: 'titan', capabilities: ['cyber'] });
    expectRefused(await asOfficer(officer).post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'Keen \udfff' }), 400, 'statement');
    expectRefused(await asOfficer(officer).post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'x'.repeat(5001) }), 400, 'statement');
    // Multi-line text keeps its new lines and tabs; an emoji is a character like any other.
    const ok = await asOfficer(officer).post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'Line one\n\tLine two 😀' });
    expect(ok.status).toBe(201);
    expect(ok.json.statement).toBe('Line one\n\tLine two 😀');
    expectRefused(await ncaHr.post('/v1/campaigns', cyberCampaign({ title: 'Two\nlines' })), 400, 'title');
  });
});

describe('the OpenAPI document', () => {
  it('has no $ref left pointing at #/$defs', async () => {
    const res = await as().get('/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.match(/#\/\$defs\/[^"]*/g) ?? []).toEqual([]);
  });
});
