import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoTeamStrengths, financialYearEnd, generateDemoOfficers } from '../../local/seed/demo-officers';
import { PERSONAS, resolvePersonas } from '../../local/seed/personas';
import { BASELINES, CAPABILITIES, ORGANISATIONS } from '../../local/seed/reference-data';
import { SEED_VERSION, seedAll, type SeedResult } from '../../local/seed/seed';
import { getBaseline, listBaselinesOfOrg, listCapabilities } from '../../shared/data/capability.repository';
import { documentClient, tableName } from '../../shared/data/client';
import { keys } from '../../shared/data/keys';
import { getOfficer, listOfficersOfOrg } from '../../shared/data/officer.repository';
import { listOrganisations } from '../../shared/data/organisation.repository';
import { eligibleHolders } from '../../shared/domain/officer-counters';
import { ROLES } from '../../shared/domain/reference';
import { longDate } from '../../shared/domain/forecast-warning';
import { raiseForecastWarnings } from '../../shared/use-cases/forecast-warnings';
import { seedDemoSecondments } from '../../local/seed/secondments';
import { getPlacement } from '../../shared/data/placement.repository';
import { getSecondment } from '../../shared/data/secondment.repository';
import { as, users } from './support/api';
import { checkInvariants } from './support/invariants';

const ROCU_FORCES: Record<string, string[]> = {
  ersou: ['cambridgeshire', 'bedfordshire', 'norfolk', 'suffolk', 'hertfordshire', 'essex', 'kent'],
  emsou: ['derbyshire', 'nottinghamshire', 'lincolnshire', 'leicestershire', 'northamptonshire'],
  nersou: ['northumbria', 'durham', 'cleveland'],
  odyssey: ['north-yorkshire', 'west-yorkshire', 'south-yorkshire', 'humberside'],
  serocu: ['thames-valley', 'hampshire', 'surrey', 'sussex'],
  tarian: ['dyfed-powys', 'south-wales', 'gwent'],
  titan: ['cumbria', 'lancashire', 'greater-manchester', 'merseyside', 'cheshire', 'north-wales'],
  viper: ['west-mercia', 'west-midlands', 'staffordshire', 'warwickshire'],
  zephyr: ['devon-and-cornwall', 'dorset', 'avon-and-somerset', 'wiltshire', 'gloucestershire'],
  london: ['metropolitan', 'city-of-london', 'british-transport-police'],
};

const SC_PIP2 = { vetting: 'sc', pipLevel: 2 } as const;

let first: SeedResult;

/** Every officer in the table, counted through the per-organisation index. */
async function countOfficers(): Promise<number> {
  let total = 0;
  for (const org of ORGANISATIONS) {
    let cursor: string | undefined;
    do {
      const page = await listOfficersOfOrg(org.id, {}, { limit: 100, ...(cursor ? { cursor } : {}) });
      total += page.items.length;
      cursor = page.cursor;
    } while (cursor);
  }
  return total;
}

// The integration project's setup points the data layer at a fresh table on the shared DynamoDB Local.
beforeAll(async () => {
  first = await seedAll({ asOf: new Date('2026-01-05T00:00:00Z') });
  console.info(`seed: ${JSON.stringify(first.counts)} in ${first.ms} ms`);
}, 180_000);

describe('the seed', { timeout: 120_000 }, () => {
  it('writes the NCA, the ten ROCUs with their constituent forces, and the fifteen capabilities', async () => {
    expect(first.seeded).toBe(true);
    const orgs = await listOrganisations();
    const byId = new Map(orgs.map((o) => [o.id, o]));

    expect(byId.get('nca')).toMatchObject({ type: 'agency', region: null, parentOrgId: null });
    expect(byId.get('nca')?.regions).toContain('north-west');

    const rocus = orgs.filter((o) => o.type === 'rocu');
    expect(rocus.map((r) => r.id).sort()).toEqual(Object.keys(ROCU_FORCES).sort());
    for (const [rocuId, forces] of Object.entries(ROCU_FORCES)) {
      expect(byId.get(rocuId)?.forces).toEqual(forces);
      for (const forceId of forces) {
        expect(byId.get(forceId)).toMatchObject({ type: 'force', parentOrgId: rocuId, region: byId.get(rocuId)?.region });
      }
    }
    expect(byId.get('titan')).toMatchObject({ name: 'TITAN — North West Regional Organised Crime Unit', region: 'north-west' });
    expect(orgs).toHaveLength(1 + 10 + 44);

    const capabilities = await listCapabilities();
    expect(capabilities.map((c) => c.id).sort()).toEqual(CAPABILITIES.map((c) => c.id).sort());
    expect(capabilities).toHaveLength(15);
  });

  it("gives TITAN's cyber team the story's numbers: strength 10, minimum 7, establishment 12, nine SC + PIP2 holders", async () => {
    const titan = await getBaseline('titan', 'cyber');
    expect(titan).toMatchObject({ strength: 10, minimum: 7, establishment: 12, committedOut: 0, projected: 10, level: 'ok' });
    expect(titan?.holders).toEqual({ h_sc_2: 9, h_nppv3_1: 1 });
    expect(eligibleHolders(titan?.holders ?? {}, SC_PIP2)).toBe(9);

    const team = await listOfficersOfOrg('titan', { capabilityId: 'cyber' }, { limit: 100 });
    expect(team.items).toHaveLength(10);
    expect(team.items.filter((o) => o.vetting === 'sc' && o.pipLevel === 2)).toHaveLength(9);
  });

  it("gives ERSOU's cyber team strength 12 and minimum 4, with at least six SC + PIP2 holders", async () => {
    const ersou = await getBaseline('ersou', 'cyber');
    expect(ersou).toMatchObject({ strength: 12, minimum: 4, level: 'ok' });
    expect(eligibleHolders(ersou?.holders ?? {}, SC_PIP2)).toBeGreaterThanOrEqual(6);
  });

  it('leaves TITAN the only unit a six-post SC/PIP2 cyber campaign would take below minimum plus margin', async () => {
    for (const rocu of Object.keys(ROCU_FORCES)) {
      const row = await getBaseline(rocu, 'cyber');
      if (!row) continue;
      const worst = row.projected - Math.min(6, eligibleHolders(row.holders, SC_PIP2));
      if (rocu === 'titan') expect(worst).toBeLessThan(row.minimum);
      else expect(worst, rocu).toBeGreaterThanOrEqual(row.minimum + Math.max(1, row.minimum * 0.2));
    }
  });

  it('fills every ROCU team to its planned strength: mostly ok, two in warning, one critical', async () => {
    const planned = demoTeamStrengths();
    const levels: Record<string, string[]> = {};
    for (const rocu of Object.keys(ROCU_FORCES)) {
      for (const row of await listBaselinesOfOrg(rocu)) {
        const seeded = BASELINES.find((b) => b.orgId === rocu && b.capabilityId === row.capabilityId);
        expect(seeded, `${rocu}:${row.capabilityId}`).toBeDefined();
        expect(row).toMatchObject({ minimum: seeded?.minimum, establishment: seeded?.establishment, version: 1 });
        expect(row.strength, `${rocu}:${row.capabilityId}`).toBe(planned.get(`${rocu}:${row.capabilityId}`));
        (levels[row.level] ??= []).push(`${rocu}:${row.capabilityId}`);
      }
    }
    expect(levels.critical).toEqual(['tarian:undercover']);
    expect(levels.warning?.sort()).toEqual(['nersou:surveillance', 'zephyr:financial-investigation']);
    expect(levels.ok?.length).toBe(BASELINES.length - 3);
  });

  it('a second run finds its marker and adds nothing', async () => {
    const before = await countOfficers();
    expect(before).toBe(first.counts?.officers.created);
    const again = await seedAll();
    expect(again.seeded).toBe(false);
    expect(await countOfficers()).toBe(before);
    expect((await getBaseline('titan', 'cyber'))?.strength).toBe(10);
  });

  it('a run that died before writing its marker is finished by the next without duplicating anyone', async () => {
    const before = await countOfficers();
    await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: keys.seedMarker(SEED_VERSION) }));

    const resumed = await seedAll({ asOf: new Date('2026-01-05T00:00:00Z') });
    console.info(`resumed seed: ${JSON.stringify(resumed.counts)} in ${resumed.ms} ms`);

    expect(resumed.seeded).toBe(true);
    expect(resumed.counts).toMatchObject({
      capabilities: { created: 0, existing: 15 },
      baselines: { created: 0, existing: BASELINES.length },
      officers: { created: 0, existing: before },
    });
    expect(await countOfficers()).toBe(before);
    expect(await getBaseline('titan', 'cyber')).toMatchObject({ strength: 10, version: 1 });
    expect((await seedAll()).seeded).toBe(false);
  });

  it('resolves every officer persona to an officer of its own organisation', async () => {
    const personas = await resolvePersonas();
    expect(personas.map((p) => p.id)).toEqual([
      'nca-hr', 'titan-hr', 'titan-head', 'ersou-head', 'ersou-hr', 'rocc-north-west', 'titan-officer', 'nca-officer', 'admin',
    ]);
    for (const p of personas) {
      expect(p.roles.every((r) => (ROLES as readonly string[]).includes(r))).toBe(true);
      if (!p.staffNumber) continue;
      expect(p.officerId, p.id).toBeDefined();
      const officer = await getOfficer(p.officerId!, true);
      expect(officer?.homeOrgId, p.id).toBe(p.org);
      expect(officer?.name, p.id).toBe(p.name);
    }
    const titanOfficer = await getOfficer(personas.find((p) => p.id === 'titan-officer')!.officerId!);
    expect(titanOfficer).toMatchObject({ capabilities: ['cyber'], vetting: 'sc', pipLevel: 2 });
    expect(personas.find((p) => p.id === 'rocc-north-west')).toMatchObject({ org: 'nca', roles: ['rocc'], regions: ['north-west'] });
  });
});

describe('the demo officer generator', () => {
  const asOf = new Date('2026-01-05T00:00:00Z');

  it('is deterministic: the same officers, names and staff numbers on every run', () => {
    expect(generateDemoOfficers({ asOf })).toEqual(generateDemoOfficers({ asOf }));
  });

  it('makes a few hundred officers with staff numbers unique in their organisation and regions from their home', () => {
    const officers = generateDemoOfficers({ asOf });
    expect(officers.length).toBeGreaterThanOrEqual(300);
    expect(officers.length).toBeLessThanOrEqual(450);
    expect(new Set(officers.map((o) => `${o.homeOrgId}/${o.staffNumber}`)).size).toBe(officers.length);
    const orgs = new Map(ORGANISATIONS.map((o) => [o.id, o]));
    for (const o of officers) {
      const home = orgs.get(o.homeOrgId);
      expect(home, o.staffNumber).toBeDefined();
      if (home?.type === 'agency') expect(home.regions).toContain(o.region);
      else expect(o.region, o.staffNumber).toBe(home?.region);
      expect(o.vettingExpiresOn! > '2026-01-05').toBe(true);
    }
    expect(officers.filter((o) => o.homeOrgId === 'nca').length).toBeGreaterThan(20);
    expect(officers.some((o) => orgs.get(o.homeOrgId)?.type === 'force')).toBe(true);
    expect(PERSONAS.filter((p) => p.staffNumber).every((p) => officers.some((o) => o.staffNumber === p.staffNumber && o.homeOrgId === p.org))).toBe(true);
  });
});

describe('the walk-through scenario', () => {
  it('leaves the NCA’s North West cyber campaign in consultation with one alert waiting for the TITAN head', async () => {
    const { listInbox } = await import('../../shared/data/alert.repository');
    const { audiencesFor } = await import('../../shared/domain/access');
    const titanHead = { sub: 'titan-head', org: 'titan', roles: ['rocu-head' as const], regions: [] };
    const inbox = await listInbox(audiencesFor(titanHead), { status: 'open' }, { limit: 10 });
    expect(inbox.items).toEqual([
      expect.objectContaining({ kind: 'campaign-impact', orgId: 'titan', level: 'critical', campaignTitle: 'Cyber investigators, North West', projected: 10, projectedAfter: 4, minimum: 7 }),
    ]);
    // The one alert names both TITAN teams at risk: cyber, and digital forensics (5) through the three officers who hold both.
    const { getAlert } = await import('../../shared/data/alert.repository');
    const alert = await getAlert(inbox.items[0]!.id);
    expect(alert!.teams!.map((t) => [t.capabilityId, t.projectedAfter, t.minimum, t.level])).toEqual([
      ['cyber', 4, 7, 'critical'],
      ['digital-forensics', 2, 3, 'critical'],
    ]);
    const ersouHead = { sub: 'ersou-head', org: 'ersou', roles: ['rocu-head' as const], regions: [] };
    expect((await listInbox(audiencesFor(ersouHead), {}, { limit: 10 })).items).toEqual([]);
  });

  it('leaves a joint NCA–VIPER draft whose posts belong to their organisations', async () => {
    const { getCampaign, listCampaigns } = await import('../../shared/data/campaign.repository');
    const viper = await listCampaigns({ orgId: 'viper' }, { limit: 50 });
    const summary = viper.items.find((c) => c.title.includes('joint NCA–VIPER'));
    expect(await getCampaign(summary!.id)).toMatchObject({ status: 'draft', ownerOrgId: 'nca', partnerOrgIds: ['viper'], allocations: [{ orgId: 'nca', posts: 1 }, { orgId: 'viper', posts: 2 }] });
  });

  it('is made once: seeding again adds no second campaign', async () => {
    const { listCampaigns } = await import('../../shared/data/campaign.repository');
    await seedAll();
    const ncaCampaigns = await listCampaigns({ orgId: 'nca' }, { limit: 50 });
    expect(ncaCampaigns.items.filter((c) => c.title === 'Cyber investigators, North West')).toHaveLength(1);
  });
});

/** The demo secondments, made by the same seed run (one full seed per file: it is the slow part). */
describe('the demo secondments', { timeout: 60_000 }, () => {
  it('are confirmed, active and completed, both ways, in several regions, as the flows report shows', async () => {
    const result = first.secondments!;
    expect(result).toBeDefined();
    const statuses = (await Promise.all(result.secondmentIds.map((id) => getSecondment(id)))).map((s) => s!.status);
    expect(statuses.filter((s) => s === 'confirmed').length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((s) => s === 'active').length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((s) => s === 'completed').length).toBeGreaterThanOrEqual(2);

    const report = (await as(users.ncaHr).get('/v1/reports/secondment-flows')).json;
    expect(report.totals.ncaToRocu.confirmed + report.totals.ncaToRocu.active).toBeGreaterThanOrEqual(2);
    expect(report.totals.rocuToNca.confirmed + report.totals.rocuToNca.active).toBeGreaterThanOrEqual(3);
    const busy = report.regions.filter((r: { flows: unknown[] }) => r.flows.length > 0).map((r: { region: string }) => r.region);
    expect(busy.length).toBeGreaterThanOrEqual(4);
  });

  it('include a completed PIP-development secondment of a PIP1 officer, left for sign-off', async () => {
    const pip = first.secondments!.pipDevelopment!;
    expect(pip).toBeDefined();
    expect(await getSecondment(pip.secondmentId)).toMatchObject({ status: 'completed', officerId: pip.officerId, commitment: null });
    expect(await getPlacement(pip.placementId)).toMatchObject({ pipDevelopmentLevel: 2, hostOrgId: 'nca' });
    expect(await getOfficer(pip.officerId)).toMatchObject({ pipLevel: 1, name: pip.officerName });
  });

  it('keep every counter true, leave no team below its minimum without a release, and TITAN’s cyber team alone', async () => {
    expect(await checkInvariants()).toEqual([]);
    expect(await getBaseline('titan', 'cyber')).toMatchObject({ strength: 10, committedOut: 0, minimum: 7 });
    // Someone is seconded out of TITAN's technical surveillance team.
    expect((await getBaseline('titan', 'technical-surveillance'))!.committedOut).toBe(1);
  });

  it('are made once', async () => {
    expect(await seedDemoSecondments(`${SEED_VERSION}-secondments`)).toEqual({ placementIds: [], secondmentIds: [] });
  });
});

describe('the demo workforce', () => {
  it('posts six of TITAN’s cyber team in from Greater Manchester, Merseyside and Lancashire, four ending with the financial year, as its Home Office grant does', async () => {
    const team = (await listOfficersOfOrg('titan', { capabilityId: 'cyber' }, { limit: 100 })).items;
    const postedIn = team.filter((o) => o.servingOrgId === 'titan');
    expect(postedIn.map((o) => o.homeOrgId).sort()).toEqual(['greater-manchester', 'greater-manchester', 'lancashire', 'lancashire', 'merseyside', 'merseyside']);
    const yearEnd = financialYearEnd(new Date());
    expect(postedIn.filter((o) => o.servingUntil === yearEnd)).toHaveLength(4);
    const titan = await getBaseline('titan', 'cyber');
    expect(titan?.funding).toContainEqual({ source: 'Home Office ROCU grant', posts: 4, until: yearEnd });
  });

  it('shows a newcomer the early warning for TITAN cyber on the job’s first run, naming the postings and the funding', async () => {
    const run = await raiseForecastWarnings(new Date(), { windowMonths: 6 });
    expect(run.failed).toBe(0);
    const inbox = (await as(users.titanHead).get('/v1/alerts?kind=forecast')).json.items;
    const cyber = inbox.find((a: { capabilityId: string }) => a.capabilityId === 'cyber');
    expect(cyber).toMatchObject({ orgId: 'titan', projectedAfter: 6, minimum: 7, status: 'informational' });
    const alert = (await as(users.titanHead).get(`/v1/alerts/${cyber.id}`)).json;
    expect(alert.forecast.causes).toBe(`four postings end on ${longDate(financialYearEnd(new Date()))}; funding for four posts ends (Home Office ROCU grant) on ${longDate(financialYearEnd(new Date()))}`);
  });
});
