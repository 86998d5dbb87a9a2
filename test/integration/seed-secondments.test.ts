import { beforeAll, describe, expect, it } from 'vitest';
import { seedAll } from '../../local/seed/seed';
import { seedDemoSecondments, type DemoSecondmentsResult } from '../../local/seed/secondments';
import { getBaseline, listBaselinesOfOrg } from '../../shared/data/capability.repository';
import { getOfficer } from '../../shared/data/officer.repository';
import { getPlacement } from '../../shared/data/placement.repository';
import { getSecondment } from '../../shared/data/secondment.repository';
import { as, users } from './support/api';

/** The demo secondments: in flight both ways, in several regions, with a completed PIP-development one; nothing else disturbed. */

let result: DemoSecondmentsResult;
let levelsBefore: Map<string, string>;

async function levels(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const org of ['titan', 'ersou', 'emsou', 'serocu', 'viper', 'zephyr']) for (const b of await listBaselinesOfOrg(org)) out.set(`${org}:${b.capabilityId}`, b.level);
  return out;
}

beforeAll(async () => {
  await seedAll({ asOf: new Date('2026-01-05T00:00:00Z'), scenario: false });
  levelsBefore = await levels();
  result = await seedDemoSecondments('test-secondments');
}, 180_000);

describe('the demo secondments', { timeout: 60_000 }, () => {
  it('are confirmed, active and completed, both ways, in several regions, as the flows report shows', async () => {
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
    const pip = result.pipDevelopment!;
    expect(pip).toBeDefined();
    expect(await getSecondment(pip.secondmentId)).toMatchObject({ status: 'completed', officerId: pip.officerId, commitment: null });
    expect(await getPlacement(pip.placementId)).toMatchObject({ pipDevelopmentLevel: 2, hostOrgId: 'nca' });
    expect(await getOfficer(pip.officerId)).toMatchObject({ pipLevel: 1, name: pip.officerName });
    console.info(`PIP-development secondment: ${JSON.stringify(pip)}`);
  });

  it('leave every team at the level it had, and TITAN’s cyber team alone', async () => {
    expect(await levels()).toEqual(levelsBefore);
    expect(await getBaseline('titan', 'cyber')).toMatchObject({ strength: 10, committedOut: 0, minimum: 7 });
    // Someone is seconded out of TITAN's technical surveillance team.
    expect((await getBaseline('titan', 'technical-surveillance'))!.committedOut).toBe(1);
  });

  it('are made once', async () => {
    expect(await seedDemoSecondments('test-secondments')).toEqual({ placementIds: [], secondmentIds: [] });
  });
});
