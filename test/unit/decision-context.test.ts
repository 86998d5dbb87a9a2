import { describe, expect, it } from 'vitest';
import { belowMinimum, committedOutOf, largestSafeCap, offerEffectState, officerLeavingEffects } from '../../shared/domain/decision-context';

const move = (applicationId: string, startDate: string) => ({ kind: 'move' as const, applicationId, title: 'Cyber, NCA', fromOrgId: 'titan', toOrgId: 'nca', startDate, endDate: null });
const cyber = { orgId: 'titan', capabilityId: 'cyber', strength: 10, minimum: 7, committedOut: 2, projected: 8 };

describe('the facts beside a decision', () => {
  it('lists who is committed out of a team soonest first, once each, and only holders of its capability', () => {
    const officers = [
      { id: 'o1', name: 'Later', capabilities: ['cyber'], commitments: [move('a1', '2030-05-01')] },
      { id: 'o2', name: 'Sooner', capabilities: ['cyber', 'surveillance'], commitments: [move('a3', '2030-09-01'), move('a2', '2030-03-01')] },
      { id: 'o3', name: 'Other team', capabilities: ['surveillance'], commitments: [move('a4', '2030-01-01')] },
      { id: 'o4', name: 'Staying', capabilities: ['cyber'] },
    ];
    expect(committedOutOf(officers, 'cyber').map((c) => [c.name, c.startDate])).toEqual([
      ['Sooner', '2030-03-01'],
      ['Later', '2030-05-01'],
    ]);
  });

  it('an officer leaving takes one from every team they are in, but nothing when already counted out', () => {
    const teams = [cyber, { ...cyber, capabilityId: 'surveillance', minimum: 0 }];
    const leaving = officerLeavingEffects('titan', { id: 'o9', name: 'New', capabilities: ['surveillance', 'cyber'] }, teams, [], true);
    expect(leaving.map((t) => [t.capabilityId, t.projected, t.after])).toEqual([
      ['cyber', 8, 7],
      ['surveillance', 8, 7],
    ]);
    expect(belowMinimum(leaving)).toBe(false);
    const already = officerLeavingEffects('titan', { id: 'o9', name: 'New', capabilities: ['cyber'], commitments: [move('a1', '2030-01-01')] }, teams, [], true);
    expect(already[0]).toMatchObject({ projected: 8, after: 8, level: 'ok' });
    expect(officerLeavingEffects('titan', { id: 'o9', name: 'New', capabilities: ['cyber'] }, [{ ...cyber, projected: 7, committedOut: 3 }], [], true)).toSatisfy(belowMinimum);
  });

  it('suggests the largest cap keeping every team at its minimum, and none when the campaign already does', () => {
    expect(largestSafeCap([{ projected: 10, minimum: 7, worstCase: 4 }])).toBe(3);
    expect(largestSafeCap([{ projected: 10, minimum: 7, worstCase: 4 }, { projected: 5, minimum: 4, worstCase: 3 }])).toBe(1);
    expect(largestSafeCap([{ projected: 10, minimum: 7, worstCase: 7 }])).toBeUndefined();
  });

  it('an offer would take the officer while held or made, has once accepted, and no longer once withdrawn', () => {
    expect(['awaiting-release', 'offered', 'accepted', 'appointed', 'withdrawn'].map(offerEffectState)).toEqual(['would', 'would', 'has', 'has', 'none']);
  });
});
