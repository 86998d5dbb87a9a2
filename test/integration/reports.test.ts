import { beforeAll, describe, expect, it } from 'vitest';
import { listOfficersOfOrg, pipTargetOf } from '../../shared/data/officer.repository';
import { pipelineCounterName } from '../../shared/domain/pip-rules';
import { addDays, todayIso } from '../../shared/domain/working-days';
import { as, asOfficer, users } from './support/api';
import { cyberCampaign } from './support/campaigns';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';

const ncaHr = as(users.ncaHr);
const titanHr = as(users.titanHr);
const titanHead = as(users.titanHead);
const ersouHr = as(users.ersouHr);
const rocc = as(users.roccNorthWest);
const today = todayIso();

type Cell = { capabilityId: string; strength: number; minimum: number; committedOut: number; projected: number; level: string };
type Row = { orgId: string; cells: Cell[] };

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 7, 12);
  await setBaseline('ersou', 'cyber', 4, 14);
  await setBaseline('nca', 'cyber', 0, 40);
  for (let i = 0; i < 8; i++) await makeOfficer({ homeOrgId: 'titan', capabilities: ['cyber'], pipLevel: i < 6 ? 2 : 1 });
  for (let i = 0; i < 5; i++) await makeOfficer({ homeOrgId: 'ersou', region: 'east-of-england', capabilities: ['cyber'], pipLevel: 0 });
  await makeOfficer({ homeOrgId: 'nca', region: 'london', capabilities: ['cyber'], pipLevel: 3 });
});

describe('capability heatmap', () => {
  it('one row per ROCU (not the NCA, not forces), each cell the baseline’s own numbers and level', async () => {
    const res = await titanHead.get('/v1/reports/capability-heatmap');
    expect(res.status).toBe(200);
    const rows: Row[] = res.json.rows;
    expect(rows.map((r) => r.orgId).sort()).toEqual(['ersou', 'titan', 'viper']);
    const titanCyber = rows.find((r) => r.orgId === 'titan')!.cells.find((c) => c.capabilityId === 'cyber');
    const own = await titanHead.get('/v1/organisations/titan/capabilities');
    const baseline = own.json.items.find((i: { capabilityId: string }) => i.capabilityId === 'cyber');
    expect(titanCyber).toEqual({
      capabilityId: 'cyber',
      strength: baseline.strength,
      minimum: 7,
      establishment: 12,
      committedOut: baseline.committedOut,
      projected: baseline.projected,
      level: baseline.level,
    });
    // 8 against a minimum of 7: inside the warning band (7 + 1.4).
    expect(titanCyber).toMatchObject({ strength: 8, level: 'warning' });
    expect(rows.find((r) => r.orgId === 'ersou')!.cells.find((c) => c.capabilityId === 'cyber')).toMatchObject({ strength: 5, minimum: 4, level: 'ok' });
    expect(res.json.capabilities).toContainEqual({ id: 'cyber', name: 'Cyber-crime investigation' });
    const cells = rows.flatMap((r) => r.cells).length;
    expect(Object.values(res.json.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(cells);
  });

  it('a ROCC sees their own regions unless they name another; filters narrow it', async () => {
    const own = await rocc.get('/v1/reports/capability-heatmap');
    expect(own.json.rows.map((r: Row) => r.orgId)).toEqual(['titan']);
    expect(own.json.regions).toEqual(['north-west']);
    const east = await rocc.get('/v1/reports/capability-heatmap?region=east-of-england');
    expect(east.json.rows.map((r: Row) => r.orgId)).toEqual(['ersou']);
    const cyber = await titanHr.get('/v1/reports/capability-heatmap?capabilityId=cyber');
    expect(cyber.json.rows.flatMap((r: Row) => r.cells.map((c) => c.capabilityId))).toEqual(expect.arrayContaining(['cyber']));
    expect(new Set(cyber.json.rows.flatMap((r: Row) => r.cells.map((c) => c.capabilityId)))).toEqual(new Set(['cyber']));
  });

  it('bad input: an unknown capability 404, a bad region or unknown parameter 400; officers 403', async () => {
    expect((await titanHr.get('/v1/reports/capability-heatmap?capabilityId=basket-weaving')).status).toBe(404);
    expect((await titanHr.get('/v1/reports/capability-heatmap?region=atlantis')).status).toBe(400);
    expect((await titanHr.get('/v1/reports/capability-heatmap?orgId=titan')).status).toBe(400);
    expect((await asOfficer({ id: 'off_x1', homeOrgId: 'titan' }).get('/v1/reports/capability-heatmap')).status).toBe(403);
  });
});

async function recount(orgId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const page = await listOfficersOfOrg(orgId, {}, { limit: 100 });
  for (const o of page.items.filter((i) => i.status === 'active')) {
    const name = pipelineCounterName({ pipLevel: o.pipLevel, pipTargetLevel: pipTargetOf(o) });
    out[name] = (out[name] ?? 0) + 1;
  }
  return out;
}

type PipelineRow = { orgId: string; levels: { level: number; accredited: number; inDevelopment: number }[]; notAccredited: number; officers: number };

function asCounters(row: PipelineRow): Record<string, number> {
  const out: Record<string, number> = {};
  if (row.notAccredited) out.pl_none = row.notAccredited;
  for (const l of row.levels) {
    if (l.accredited) out[`pl_acc_${l.level}`] = l.accredited;
    if (l.inDevelopment) out[`pl_dev_${l.level}`] = l.inDevelopment;
  }
  return out;
}

describe('PIP pipeline', () => {
  it('an HR lead sees their own organisation’s row, equal to a recount of its officers, and the national totals', async () => {
    const res = await titanHr.get('/v1/reports/pip-pipeline');
    expect(res.status).toBe(200);
    expect(res.json.scope).toBe('own-organisation');
    expect(res.json.organisations.map((o: PipelineRow) => o.orgId)).toEqual(['titan']);
    const titan: PipelineRow = res.json.organisations[0];
    expect(asCounters(titan)).toEqual(await recount('titan'));
    expect(titan).toMatchObject({ officers: 8 });
    expect(res.json.totals.officers).toBe(8 + 5 + 1);
    expect(res.json.totals.notAccredited).toBe(5);
  });

  it('development started shows in the pipeline at the target level', async () => {
    const officer = await makeOfficer({ homeOrgId: 'ersou', region: 'east-of-england', capabilities: [], pipLevel: 1 });
    expect((await ersouHr.patch(`/v1/officers/${officer.id}/pip`, { targetLevel: 2, version: 0 })).status).toBe(200);
    const res = await ersouHr.get('/v1/reports/pip-pipeline');
    const ersou: PipelineRow = res.json.organisations[0];
    expect(ersou.orgId).toBe('ersou');
    expect(ersou.levels.find((l) => l.level === 2)).toMatchObject({ inDevelopment: 1 });
    expect(asCounters(ersou)).toEqual(await recount('ersou'));
  });

  it('a ROCC sees the organisations of their regions; officers are refused', async () => {
    const res = await rocc.get('/v1/reports/pip-pipeline');
    expect(res.json.scope).toBe('own-regions');
    expect(res.json.organisations.map((o: PipelineRow) => o.orgId)).toEqual(['titan']);
    expect((await asOfficer({ id: 'off_x1', homeOrgId: 'titan' }).get('/v1/reports/pip-pipeline')).status).toBe(403);
    expect((await titanHr.get('/v1/reports/pip-pipeline?orgId=ersou')).status).toBe(400);
  });
});

describe('campaign calendar', () => {
  const window = { opensOn: addDays(today, 10), closesOn: addDays(today, 40) };
  const surveillance = (overrides: Record<string, unknown>) =>
    cyberCampaign({ capabilityId: 'surveillance', ...window, roleProfile: { ...cyberCampaign().roleProfile, minPipLevel: 0 }, ...overrides });
  let ncaOpen: string;
  let titanOpen: string;
  let titanDraft: string;
  let later: string;

  beforeAll(async () => {
    const create = async (who: ReturnType<typeof as>, body: Record<string, unknown>) => {
      const res = await who.post('/v1/campaigns', body);
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      return res.json.id as string;
    };
    ncaOpen = await create(ncaHr, surveillance({ title: 'NCA surveillance, North West' }));
    titanOpen = await create(titanHr, surveillance({ title: 'TITAN surveillance', ownerOrgId: 'titan' }));
    titanDraft = await create(titanHr, surveillance({ title: 'TITAN draft', ownerOrgId: 'titan' }));
    later = await create(ncaHr, surveillance({ title: 'Next year', opensOn: addDays(today, 500), closesOn: addDays(today, 530) }));
    for (const [who, id] of [[ncaHr, ncaOpen], [titanHr, titanOpen], [ncaHr, later]] as const) {
      const res = await who.post(`/v1/campaigns/${id}/publish`);
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      expect(res.json.campaign.status).toBe('open');
    }
  });

  it('shows campaigns in the window in opening order, with the coordination notice joining the two overlapping ones', async () => {
    const res = await ncaHr.get('/v1/reports/campaign-calendar');
    expect(res.status).toBe(200);
    const ids = res.json.campaigns.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([ncaOpen, titanOpen]));
    expect(ids).not.toContain(later);
    expect(ids).not.toContain(titanDraft);
    const titan = res.json.campaigns.find((c: { id: string }) => c.id === titanOpen);
    expect(titan.coordination).toEqual([expect.objectContaining({ campaignId: ncaOpen })]);
    expect(res.json.notices).toEqual([{ campaignIds: [ncaOpen, titanOpen].sort(), capabilityId: 'surveillance', titles: expect.any(Array) }]);
    expect(res.json.truncated).toBe(false);
  });

  it('a window further ahead shows next year’s campaign; filters narrow', async () => {
    const res = await ncaHr.get(`/v1/reports/campaign-calendar?from=${addDays(today, 400)}&to=${addDays(today, 600)}`);
    expect(res.json.campaigns.map((c: { id: string }) => c.id)).toEqual([later]);
    const cyber = await ncaHr.get('/v1/reports/campaign-calendar?capabilityId=cyber');
    expect(cyber.json.campaigns).toEqual([]);
    const east = await ncaHr.get('/v1/reports/campaign-calendar?region=east-of-england');
    expect(east.json.campaigns).toEqual([]);
  });

  it('drafts only for their HR leads; officers see open campaigns without the HR notices', async () => {
    const titan = await titanHr.get('/v1/reports/campaign-calendar');
    expect(titan.json.campaigns.map((c: { id: string }) => c.id)).toContain(titanDraft);
    const ersou = await ersouHr.get('/v1/reports/campaign-calendar');
    expect(ersou.json.campaigns.map((c: { id: string }) => c.id)).not.toContain(titanDraft);
    const officer = await asOfficer({ id: 'off_x1', homeOrgId: 'titan' }).get('/v1/reports/campaign-calendar');
    expect(officer.status).toBe(200);
    expect(officer.json.campaigns.every((c: { status: string; coordination: unknown[] }) => c.status === 'open' && c.coordination.length === 0)).toBe(true);
    expect(officer.json.notices).toEqual([]);
  });

  it('bad input is 400: to before from, a window over two years, a malformed date, an unknown parameter', async () => {
    for (const q of [`from=${addDays(today, 10)}&to=${today}`, `from=${today}&to=${addDays(today, 800)}`, 'from=yesterday', 'status=open']) {
      const res = await ncaHr.get(`/v1/reports/campaign-calendar?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
    }
  });
});
