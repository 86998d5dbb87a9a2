import { describe, expect, it } from 'vitest';
import { canTransition, transitionRefusal, APPLICATION_STATUSES } from '../../shared/domain/application-rules';
import { regionAfterMove } from '../../shared/domain/move-effect';
import { counterDeltas, type CountedOfficer } from '../../shared/domain/officer-counters';

const titanOfficer: CountedOfficer = { homeOrgId: 'titan', capabilities: ['cyber'], vetting: 'sc', pipLevel: 2, status: 'active', committed: true };
const atNca = (o: CountedOfficer): CountedOfficer => ({ ...o, homeOrgId: 'nca', committed: false });

describe('a move taking effect (counterDeltas of the officer before and after)', () => {
  it('takes strength and committedOut off the old home together, so projected stays', () => {
    const changes = counterDeltas(titanOfficer, atNca(titanOfficer));
    expect(changes).toEqual([
      { orgId: 'nca', capabilityId: 'cyber', strength: 1, committedOut: 0, holders: { h_sc_2: 1 }, coHolders: {} },
      { orgId: 'titan', capabilityId: 'cyber', strength: -1, committedOut: -1, holders: { h_sc_2: -1 }, coHolders: {} },
    ]);
    const titan = changes.find((c) => c.orgId === 'titan')!;
    expect(titan.strength - titan.committedOut).toBe(0);
  });

  it('makes one change per baseline, so the transaction never touches a baseline twice', () => {
    const changes = counterDeltas(titanOfficer, atNca(titanOfficer));
    const keys = changes.map((c) => `${c.orgId}#${c.capabilityId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('every team the officer was in was projected already: each loses strength and committedOut together', () => {
    const twoSkills = { ...titanOfficer, capabilities: ['cyber', 'surveillance'] };
    expect(counterDeltas(twoSkills, atNca(twoSkills))).toEqual([
      { orgId: 'nca', capabilityId: 'cyber', strength: 1, committedOut: 0, holders: { h_sc_2: 1 }, coHolders: { co_surveillance_sc_2: 1 } },
      { orgId: 'nca', capabilityId: 'surveillance', strength: 1, committedOut: 0, holders: { h_sc_2: 1 }, coHolders: { co_cyber_sc_2: 1 } },
      { orgId: 'titan', capabilityId: 'cyber', strength: -1, committedOut: -1, holders: { h_sc_2: -1 }, coHolders: { co_surveillance_sc_2: -1 } },
      { orgId: 'titan', capabilityId: 'surveillance', strength: -1, committedOut: -1, holders: { h_sc_2: -1 }, coHolders: { co_cyber_sc_2: -1 } },
    ]);
  });

  it('an acceptance that committed nothing (within the officer’s own organisation) moves only the holdings', () => {
    const uncommitted = { ...titanOfficer, committed: false };
    expect(counterDeltas(uncommitted, atNca(uncommitted))).toEqual([
      { orgId: 'nca', capabilityId: 'cyber', strength: 1, committedOut: 0, holders: { h_sc_2: 1 }, coHolders: {} },
      { orgId: 'titan', capabilityId: 'cyber', strength: -1, committedOut: 0, holders: { h_sc_2: -1 }, coHolders: {} },
    ]);
  });

  it('an officer appointed where they already are only gives the commitment back', () => {
    expect(counterDeltas(titanOfficer, { ...titanOfficer, committed: false })).toEqual([
      { orgId: 'titan', capabilityId: 'cyber', strength: 0, committedOut: -1, holders: {}, coHolders: {} },
    ]);
  });

  it('takes the region of a ROCU or force it moves to, and keeps its own when moving to the NCA', () => {
    expect(regionAfterMove('north-west', { type: 'agency', region: null })).toBe('north-west');
    expect(regionAfterMove('north-west', { type: 'rocu', region: 'east-of-england' })).toBe('east-of-england');
    expect(regionAfterMove('north-west', { type: 'force', region: 'wales' })).toBe('wales');
    expect(regionAfterMove('north-west', { type: 'force', region: null })).toBe('north-west');
  });
});

describe('an appointment', () => {
  it('is reached only from an acceptance, and is final', () => {
    expect(APPLICATION_STATUSES).toContain('appointed');
    expect(APPLICATION_STATUSES.filter((s) => canTransition('appoint', s))).toEqual(['accepted']);
    for (const action of ['shortlist', 'reject', 'offer', 'accept', 'withdraw', 'release', 'appoint'] as const) {
      expect(canTransition(action, 'appointed')).toBe(false);
    }
    expect(transitionRefusal('withdraw', 'appointed')).toMatch(/appointed cannot be withdrawn/);
  });
});
