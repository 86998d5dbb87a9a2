import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../../shared/domain/working-days';
import type { Officer } from '../../shared/schemas/officer.schema';
import { as, asOfficer, users } from './support/api';
import { openCampaign } from './support/campaigns';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';

/**
 * The team roster against DynamoDB Local: who serves in each of TITAN's teams
 * (its own and those posted in), with their home, posting end, leaving date
 * and commitments, for TITAN's ROCU head and HR lead only.
 */
const titanHead = as(users.titanHead);
const titanHr = as(users.titanHr);
const ncaHr = as(users.ncaHr);
const POSTING_END = addDays(todayIso(), 120);
const LEAVING = addDays(todayIso(), 200);
const START = addDays(todayIso(), 30);

type RosterOfficer = { id: string; name: string; homeOrgId: string; posted: boolean; servingUntil: string | null; leavingOn: string | null; capabilities: string[]; commitments: { kind: string; applicationId: string; toOrgId: string }[] };
type RosterTeam = { capabilityId: string; minimum: number; strength: number; committedOut: number; projected: number; level: string; officerIds: string[] };

let home: Officer;
let posted: Officer;
let leaver: Officer;
let mover: Officer;
let applicationId: string;

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 2, 6);
  await setBaseline('titan', 'surveillance', 1, 3);
  home = await makeOfficer({ homeOrgId: 'titan', name: 'Alice Home', capabilities: ['cyber', 'surveillance'] });
  posted = await makeOfficer({ homeOrgId: 'greater-manchester', servingOrgId: 'titan', servingUntil: POSTING_END, name: 'Brian Posted' });
  leaver = await makeOfficer({ homeOrgId: 'titan', leavingOn: LEAVING, name: 'Carol Leaving' });
  mover = await makeOfficer({ homeOrgId: 'titan', name: 'Dev Moving' });
  await makeOfficer({ homeOrgId: 'titan', name: 'Eve No Team', capabilities: [] });
  // Someone serving elsewhere is not on TITAN's roster.
  await makeOfficer({ homeOrgId: 'ersou', name: 'Frank ERSOU', region: 'east-of-england' });
  const campaign = await openCampaign({ ownerOrgId: 'nca', title: 'Cyber investigators, North West' });
  const applied = await asOfficer(mover).post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'I investigate cyber crime.' });
  expect(applied.status).toBe(201);
  applicationId = applied.json.id;
  expect((await ncaHr.post(`/v1/applications/${applicationId}/shortlist`)).status).toBe(200);
  expect((await ncaHr.post(`/v1/applications/${applicationId}/offer`, { startDate: START })).status).toBe(200);
  expect((await asOfficer(mover).post(`/v1/applications/${applicationId}/accept`)).json.status).toBe('accepted');
});

describe('the team roster', () => {
  it('lists every officer serving in TITAN, in name order, with home, posting end, leaving date and commitments', async () => {
    const res = await titanHead.get('/v1/organisations/titan/roster');
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.asOf).toBe(todayIso());
    const officers: RosterOfficer[] = res.json.officers;
    expect(officers.map((o) => o.name)).toEqual(['Alice Home', 'Brian Posted', 'Carol Leaving', 'Dev Moving', 'Eve No Team']);
    const byId = new Map(officers.map((o) => [o.id, o]));
    expect(byId.get(posted.id)).toMatchObject({ homeOrgId: 'greater-manchester', posted: true, servingUntil: POSTING_END, leavingOn: null });
    expect(byId.get(home.id)).toMatchObject({ homeOrgId: 'titan', posted: false, servingUntil: null, commitments: [] });
    expect(byId.get(leaver.id)).toMatchObject({ leavingOn: LEAVING });
    expect(byId.get(mover.id)!.commitments).toEqual([expect.objectContaining({ kind: 'move', applicationId, toOrgId: 'nca', startDate: START })]);
  });

  it('puts each officer in every team they hold, with the team’s counters', async () => {
    const teams: RosterTeam[] = (await titanHr.get('/v1/organisations/titan/roster')).json.teams;
    const cyber = teams.find((t) => t.capabilityId === 'cyber')!;
    expect(cyber).toMatchObject({ minimum: 2, strength: 4, committedOut: 1, projected: 3 });
    expect(cyber.officerIds).toEqual([home.id, posted.id, leaver.id, mover.id]);
    const surveillance = teams.find((t) => t.capabilityId === 'surveillance')!;
    expect(surveillance).toMatchObject({ minimum: 1, strength: 1, officerIds: [home.id] });
  });

  it('is for TITAN’s ROCU head and HR lead: not ERSOU’s head, not the North West ROCC, not NCA HR, not an officer', async () => {
    expect((await as(users.ersouHead).get('/v1/organisations/titan/roster')).status).toBe(403);
    expect((await as(users.roccNorthWest).get('/v1/organisations/titan/roster')).status).toBe(403);
    expect((await ncaHr.get('/v1/organisations/titan/roster')).status).toBe(403);
    expect((await asOfficer(home).get('/v1/organisations/titan/roster')).status).toBe(403);
  });
});
