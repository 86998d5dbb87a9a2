import { describe, expect, it } from 'vitest';
import { networkScenario, type ScenarioCampaign } from '../../shared/domain/network-scenario';

const campaign = (id: string, posts: number, extra: Partial<ScenarioCampaign> = {}): ScenarioCampaign => ({
  id,
  title: id,
  ownerOrgId: 'nca',
  capabilityId: 'cyber',
  posts,
  allocations: [],
  maxAppointmentsPerSource: null,
  sourceCaps: {},
  roleProfile: { vetting: 'sc', minPipLevel: 2 },
  ...extra,
});
const titanCyber = { orgId: 'titan', capabilityId: 'cyber', strength: 10, minimum: 7, committedOut: 0, holders: { h_sc_2: 10 } };

describe('every open campaign at its worst case at once', () => {
  it('two campaigns each acceptable alone breach together, and say so', () => {
    const [team] = networkScenario([campaign('a', 2), campaign('b', 2)], ['titan'], [titanCyber]);
    expect(team).toMatchObject({ orgId: 'titan', capabilityId: 'cyber', totalExposure: 4, worstCase: 6, level: 'critical', onlyTogether: true });
  });

  it('a team cannot lose more people than it has', () => {
    const [team] = networkScenario([campaign('a', 8), campaign('b', 8)], ['titan'], [titanCyber]);
    expect(team).toMatchObject({ totalExposure: 10, worstCase: 0, level: 'loss', onlyTogether: false });
  });

  it('caps count: a per-source cap bounds a campaign’s share', () => {
    expect(networkScenario([campaign('a', 6, { maxAppointmentsPerSource: 1 }), campaign('b', 6, { sourceCaps: { titan: 1 } })], ['titan'], [titanCyber])).toEqual([]);
  });

  it('only the ROCUs asked about, and only teams that end below their minimum', () => {
    expect(networkScenario([campaign('a', 2), campaign('b', 2)], ['ersou'], [titanCyber])).toEqual([]);
    expect(networkScenario([campaign('a', 1), campaign('b', 1)], ['titan'], [titanCyber])).toEqual([]);
  });
});
