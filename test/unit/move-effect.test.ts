import { describe, expect, it } from 'vitest';
import { canTransition, transitionRefusal, APPLICATION_STATUSES } from '../../shared/domain/application-rules';
import { moveCounterChanges, regionAfterMove } from '../../shared/domain/move-effect';
import type { CountedOfficer } from '../../shared/domain/officer-counters';

const titanOfficer: CountedOfficer = { homeOrgId: 'titan', capabilities: ['cyber'], vetting: 'sc', pipLevel: 2, status: 'active' };
const atNca = (o: CountedOfficer): CountedOfficer => ({ ...o, homeOrgId: 'nca' });
const commitment = { orgId: 'titan', capabilityId: 'cyber' };

describe('a move taking effect', () => {
  it('takes strength and committedOut off the old home’s campaign capability together, so projected stays', () => {
    const changes = moveCounterChanges(titanOfficer, atNca(titanOfficer), commitment);
    expect(changes).toEqual([
      { orgId: 'nca', capabilityId: 'cyber', strength: 1, committedOut: 0, holders: { h_sc_2: 1 } },
      { orgId: 'titan', capabilityId: 'cyber', strength: -1, committedOut: -1, holders: { h_sc_2: -1 } },
    ]);
    const titan = changes.find((c) => c.orgId === 'titan')!;
    expect(titan.strength - titan.committedOut).toBe(0);
  });

  it('makes one change per baseline, so the transaction never touches a baseline twice', () => {
    const changes = moveCounterChanges(titanOfficer, atNca(titanOfficer), commitment);
    const keys = changes.map((c) => `${c.orgId}#${c.capabilityId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('other capabilities the officer held were not projected: they lose strength (and projected) only now', () => {
    const twoSkills = { ...titanOfficer, capabilities: ['cyber', 'surveillance'] };
    expect(moveCounterChanges(twoSkills, atNca(twoSkills), commitment)).toEqual([
      { orgId: 'nca', capabilityId: 'cyber', strength: 1, committedOut: 0, holders: { h_sc_2: 1 } },
      { orgId: 'nca', capabilityId: 'surveillance', strength: 1, committedOut: 0, holders: { h_sc_2: 1 } },
      { orgId: 'titan', capabilityId: 'cyber', strength: -1, committedOut: -1, holders: { h_sc_2: -1 } },
      { orgId: 'titan', capabilityId: 'surveillance', strength: -1, committedOut: 0, holders: { h_sc_2: -1 } },
    ]);
  });

  it('an acceptance that committed nothing (not a holder, or within the owner) moves only the holdings', () => {
    expect(moveCounterChanges(titanOfficer, atNca(titanOfficer), null)).toEqual([
      { orgId: 'nca', capabilityId: 'cyber', strength: 1, committedOut: 0, holders: { h_sc_2: 1 } },
      { orgId: 'titan', capabilityId: 'cyber', strength: -1, committedOut: 0, holders: { h_sc_2: -1 } },
    ]);
  });

  it('still releases a commitment whose baseline the officer no longer counts in (accreditation lost after accepting)', () => {
    const noLongerCyber = { ...titanOfficer, capabilities: ['surveillance'] };
    expect(moveCounterChanges(noLongerCyber, atNca(noLongerCyber), commitment)).toEqual([
      { orgId: 'nca', capabilityId: 'surveillance', strength: 1, committedOut: 0, holders: { h_sc_2: 1 } },
      { orgId: 'titan', capabilityId: 'cyber', strength: 0, committedOut: -1, holders: {} },
      { orgId: 'titan', capabilityId: 'surveillance', strength: -1, committedOut: 0, holders: { h_sc_2: -1 } },
    ]);
  });

  it('an officer already at the owner only gives the commitment back', () => {
    const atOwner = atNca(titanOfficer);
    expect(moveCounterChanges(atOwner, atOwner, commitment)).toEqual([
      { orgId: 'titan', capabilityId: 'cyber', strength: 0, committedOut: -1, holders: {} },
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
