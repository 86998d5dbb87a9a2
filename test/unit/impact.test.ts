import { describe, expect, it } from 'vitest';
import { assessImpact, blockingRows, capKeepingMinimum, capKeepingMinimums, effectiveCap, postsAwayFrom, type ImpactBaseline, type ImpactCampaign } from '../../shared/domain/impact';
import { holderCounterName } from '../../shared/domain/officer-counters';

/** TITAN cyber (BRIEF.md, the TITAN story): strength 10, minimum 7; nine SC + PIP2 holders and one NPPV3 + PIP1. */
const titan: ImpactBaseline = {
  orgId: 'titan',
  capabilityId: 'cyber',
  strength: 10,
  minimum: 7,
  committedOut: 0,
  holders: { [holderCounterName('sc', 2)]: 9, [holderCounterName('nppv3', 1)]: 1 },
};
/** ERSOU cyber: strength 12, minimum 4, every holder SC + PIP2 or better. */
const ersou: ImpactBaseline = {
  orgId: 'ersou',
  capabilityId: 'cyber',
  strength: 12,
  minimum: 4,
  committedOut: 0,
  holders: { [holderCounterName('sc', 2)]: 8, [holderCounterName('dv', 3)]: 4 },
};

/** "Cyber investigators, North West": the NCA, 6 posts, SC, PIP2, no per-source cap. */
const ncaCyber: ImpactCampaign = {
  ownerOrgId: 'nca',
  capabilityId: 'cyber',
  posts: 6,
  allocations: [],
  maxAppointmentsPerSource: null,
  sourceCaps: {},
  roleProfile: { vetting: 'sc', minPipLevel: 2 },
};

const rowFor = (campaign: ImpactCampaign, orgId: string, baselines: readonly ImpactBaseline[] = [titan, ersou]) => {
  const row = assessImpact(campaign, ['ersou', 'titan'], baselines).rows.find((r) => r.orgId === orgId);
  if (!row) throw new Error(`no row for ${orgId}`);
  return row;
};

describe('campaign impact assessment: the TITAN story', () => {
  it('6 SC/PIP2 posts with no cap put TITAN cyber at a worst case of 4 against a minimum of 7: critical', () => {
    expect(rowFor(ncaCyber, 'titan')).toEqual({
      orgId: 'titan',
      capabilityId: 'cyber',
      posts: 6,
      strength: 10,
      minimum: 7,
      committedOut: 0,
      projected: 10,
      eligibleHolders: 9,
      cap: null,
      exposure: 6,
      worstCase: 4,
      level: 'critical',
    });
  });

  it('the same campaign leaves ERSOU cyber (12, minimum 4) at 6: ok', () => {
    expect(rowFor(ncaCyber, 'ersou')).toMatchObject({ projected: 12, eligibleHolders: 12, exposure: 6, worstCase: 6, level: 'ok' });
  });

  it('a per-source cap of 2 leaves TITAN at 8, under 7 + 1.4: a warning, not critical', () => {
    const capped = { ...ncaCyber, maxAppointmentsPerSource: 2 };
    expect(rowFor(capped, 'titan')).toMatchObject({ cap: 2, exposure: 2, worstCase: 8, level: 'warning' });
    expect(rowFor(capped, 'ersou')).toMatchObject({ cap: 2, exposure: 2, worstCase: 10, level: 'ok' });
  });

  it('the assessment is one row per ROCU, in a stable order, and its worst level is the worst row', () => {
    const assessment = assessImpact(ncaCyber, ['titan', 'ersou'], [titan, ersou]);
    expect(assessment.rows.map((r) => r.orgId)).toEqual(['ersou', 'titan']);
    expect(assessment.worstLevel).toBe('critical');
    expect(assessImpact({ ...ncaCyber, maxAppointmentsPerSource: 2 }, ['titan', 'ersou'], [titan, ersou]).worstLevel).toBe('warning');
  });

  it('only TITAN blocks the campaign; once capped at 2 nothing does', () => {
    expect(blockingRows(assessImpact(ncaCyber, ['ersou', 'titan'], [titan, ersou])).map((r) => r.orgId)).toEqual(['titan']);
    expect(blockingRows(assessImpact({ ...ncaCyber, maxAppointmentsPerSource: 2 }, ['ersou', 'titan'], [titan, ersou]))).toEqual([]);
  });
});

describe('who the assessment counts', () => {
  it("the owner's own officers are not a loss to it: a TITAN campaign has no TITAN row", () => {
    const rows = assessImpact({ ...ncaCyber, ownerOrgId: 'titan' }, ['ersou', 'titan'], [titan, ersou]).rows;
    expect(rows.map((r) => r.orgId)).toEqual(['ersou']);
  });

  it('a ROCU with no baseline for the capability (London, being set up) is exposed to nothing: ok', () => {
    const rows = assessImpact(ncaCyber, ['london', 'titan'], [titan]).rows;
    expect(rows.find((r) => r.orgId === 'london')).toEqual({
      orgId: 'london',
      capabilityId: 'cyber',
      posts: 6,
      strength: 0,
      minimum: 0,
      committedOut: 0,
      projected: 0,
      eligibleHolders: 0,
      cap: null,
      exposure: 0,
      worstCase: 0,
      level: 'ok',
    });
  });

  it('only holders who meet the vetting and PIP level of the role count: the NPPV3/PIP1 officer does not', () => {
    expect(rowFor(ncaCyber, 'titan').eligibleHolders).toBe(9);
    const lowerBar = { ...ncaCyber, roleProfile: { vetting: 'nppv3' as const, minPipLevel: 1 } };
    expect(rowFor(lowerBar, 'titan').eligibleHolders).toBe(10);
    const higherBar = { ...ncaCyber, roleProfile: { vetting: 'dv' as const, minPipLevel: 3 } };
    expect(rowFor(higherBar, 'ersou')).toMatchObject({ eligibleHolders: 4, exposure: 4, worstCase: 8 });
  });

  it('a campaign can take no more than the eligible holders: 3 eligible of 10 cap the exposure at 3', () => {
    const fewEligible = { ...titan, holders: { [holderCounterName('sc', 2)]: 3, [holderCounterName('nppv3', 1)]: 7 } };
    expect(rowFor(ncaCyber, 'titan', [fewEligible])).toMatchObject({ eligibleHolders: 3, exposure: 3, worstCase: 7, level: 'warning' });
  });

  it('a campaign can take no more than the projection: officers already committed out are not taken twice', () => {
    // Nine eligible on paper, but seven are already leaving: only 3 remain to lose, and losing them is a loss.
    const mostlyCommitted = { ...titan, committedOut: 7 };
    expect(rowFor(ncaCyber, 'titan', [mostlyCommitted])).toMatchObject({ projected: 3, eligibleHolders: 9, exposure: 3, worstCase: 0, level: 'loss' });
  });

  it('committed-out officers lower the worst case: TITAN projected 8 with 2 more taken is critical', () => {
    const afterTwoMoves = { ...titan, committedOut: 2 };
    expect(rowFor({ ...ncaCyber, maxAppointmentsPerSource: 2 }, 'titan', [afterTwoMoves])).toMatchObject({ projected: 8, exposure: 2, worstCase: 6, level: 'critical' });
  });

  it('a campaign with fewer posts than eligible holders exposes only its posts', () => {
    expect(rowFor({ ...ncaCyber, posts: 1 }, 'titan')).toMatchObject({ exposure: 1, worstCase: 9, level: 'ok' });
  });
});

describe('per-source caps', () => {
  it.each([
    { campaignCap: null, imposed: undefined, expected: null, why: 'no cap at all' },
    { campaignCap: 2, imposed: undefined, expected: 2, why: "the campaign's own cap" },
    { campaignCap: null, imposed: 3, expected: 3, why: 'a cap imposed for this source only' },
    { campaignCap: 4, imposed: 1, expected: 1, why: 'an imposed cap tighter than the campaign cap wins' },
    { campaignCap: 2, imposed: 3, expected: 2, why: 'a looser imposed cap does not relax the campaign cap' },
    { campaignCap: 5, imposed: 0, expected: 0, why: 'an imposed cap of zero means no offers to that source' },
  ])('the cap in force for TITAN: $why', ({ campaignCap, imposed, expected }) => {
    const sourceCaps: Record<string, number> = imposed === undefined ? {} : { titan: imposed };
    expect(effectiveCap({ maxAppointmentsPerSource: campaignCap, sourceCaps }, 'titan')).toBe(expected);
  });

  it('a cap imposed for TITAN does not limit offers to ERSOU officers', () => {
    expect(effectiveCap({ maxAppointmentsPerSource: null, sourceCaps: { titan: 3 } }, 'ersou')).toBeNull();
  });

  it('a ROCC-imposed cap of 3 for TITAN keeps TITAN at its minimum while ERSOU stays exposed to 6', () => {
    const imposed = { ...ncaCyber, sourceCaps: { titan: 3 } };
    expect(rowFor(imposed, 'titan')).toMatchObject({ cap: 3, exposure: 3, worstCase: 7, level: 'warning' });
    expect(rowFor(imposed, 'ersou')).toMatchObject({ cap: null, exposure: 6 });
  });

  it('an imposed cap tighter than the campaign cap is the one the assessment uses', () => {
    const both = { ...ncaCyber, maxAppointmentsPerSource: 4, sourceCaps: { titan: 1 } };
    expect(rowFor(both, 'titan')).toMatchObject({ cap: 1, exposure: 1, worstCase: 9, level: 'ok' });
  });
});

describe('the cap a ROCC imposes when upholding an objection', () => {
  it.each([
    { projected: 10, minimum: 7, cap: 3, why: 'TITAN at 10 with minimum 7 can lose 3' },
    { projected: 8, minimum: 7, cap: 1, why: 'TITAN after two moves can lose 1' },
    { projected: 7, minimum: 7, cap: 0, why: 'a team exactly at its minimum can lose nobody' },
    { projected: 5, minimum: 7, cap: 0, why: 'a team already below its minimum can lose nobody (never a negative cap)' },
  ])('$why', ({ projected, minimum, cap }) => {
    expect(capKeepingMinimum({ projected, minimum })).toBe(cap);
  });

  it('the imposed cap, applied, leaves the ROCU exactly at its minimum', () => {
    const cap = capKeepingMinimum({ projected: 10, minimum: 7 });
    expect(rowFor({ ...ncaCyber, sourceCaps: { titan: cap } }, 'titan').worstCase).toBe(7);
  });
});

describe('teams of other capabilities the same officers hold', () => {
  const co = (capabilityId: string, n: number) => ({ [`co_${capabilityId}_sc_2`]: n });
  /** Three of TITAN's nine eligible cyber holders also hold digital forensics, a team of 3 at its minimum of 3. */
  const titanCyber: ImpactBaseline = { ...titan, coHolders: { ...co('digital-forensics', 3), co_surveillance_nppv3_1: 1 } };
  const titanForensics: ImpactBaseline = { orgId: 'titan', capabilityId: 'digital-forensics', strength: 3, minimum: 3, committedOut: 0, holders: {} };

  it('a cyber campaign puts TITAN digital forensics at risk too, bounded by the holders of both: a loss', () => {
    const rows = assessImpact(ncaCyber, ['titan'], [titanCyber], [titanForensics]).rows;
    expect(rows.map((r) => [r.orgId, r.capabilityId])).toEqual([
      ['titan', 'cyber'],
      ['titan', 'digital-forensics'],
    ]);
    expect(rows[1]).toMatchObject({ eligibleHolders: 3, exposure: 3, projected: 3, worstCase: 0, level: 'loss' });
  });

  it('co-holders who do not meet the role profile put no other team at risk', () => {
    const rows = assessImpact(ncaCyber, ['titan'], [{ ...titan, coHolders: { co_surveillance_nppv3_1: 4 } }]).rows;
    expect(rows.map((r) => r.capabilityId)).toEqual(['cyber']);
  });

  it('the per-source cap bounds the other team’s exposure exactly as the campaign’s own', () => {
    const row = assessImpact({ ...ncaCyber, maxAppointmentsPerSource: 1 }, ['titan'], [titanCyber], [titanForensics]).rows[1]!;
    expect(row).toMatchObject({ cap: 1, exposure: 1, worstCase: 2, level: 'critical' });
  });

  it('the uphold cap keeps every named team at its minimum: the tightest wins', () => {
    expect(capKeepingMinimums([{ projected: 10, minimum: 7 }, { projected: 4, minimum: 3 }])).toBe(1);
  });
});

describe('joint campaigns: posts belong to their organisation', () => {
  it('officers filling their own organisation’s allocation are no loss to it: VIPER is exposed only to the NCA’s posts', () => {
    const joint = { ...ncaCyber, posts: 4, allocations: [{ orgId: 'nca', posts: 1 }, { orgId: 'titan', posts: 3 }] };
    const row = assessImpact(joint, ['titan'], [titan]).rows[0]!;
    expect(row).toMatchObject({ posts: 1, exposure: 1, worstCase: 9, level: 'ok' });
    expect(postsAwayFrom(joint, 'titan')).toBe(1);
    expect(postsAwayFrom(joint, 'nca')).toBe(3);
  });

  it('a ROCU-owned joint campaign can take the owner’s officers into a partner’s posts', () => {
    const titanOwned = { ...ncaCyber, ownerOrgId: 'titan', posts: 6, allocations: [{ orgId: 'titan', posts: 2 }, { orgId: 'nca', posts: 4 }] };
    expect(assessImpact(titanOwned, ['titan'], [titan]).rows[0]).toMatchObject({ orgId: 'titan', posts: 4, exposure: 4, worstCase: 6, level: 'critical' });
  });
});
