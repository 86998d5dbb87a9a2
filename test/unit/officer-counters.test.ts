import { describe, expect, it } from 'vitest';
import { counterDeltas, eligibleHolders, holderCounterName, type CountedOfficer } from '../../shared/domain/officer-counters';

const base: CountedOfficer = { homeOrgId: 'titan', capabilities: ['cyber'], vetting: 'sc', pipLevel: 2, status: 'active' };

describe('counter deltas keep strength equal to what it counts', () => {
  it('a new officer adds one to each capability they hold', () => {
    const deltas = counterDeltas(undefined, { ...base, capabilities: ['cyber', 'surveillance'] });
    expect(deltas).toEqual([
      { orgId: 'titan', capabilityId: 'cyber', strength: 1, holders: { h_sc_2: 1 } },
      { orgId: 'titan', capabilityId: 'surveillance', strength: 1, holders: { h_sc_2: 1 } },
    ]);
  });

  it('an edit that touches no counted field changes no counter', () => {
    expect(counterDeltas(base, { ...base })).toEqual([]);
  });

  it('a vetting upgrade moves the officer between holder counters, strength unchanged', () => {
    expect(counterDeltas(base, { ...base, vetting: 'dv' })).toEqual([
      { orgId: 'titan', capabilityId: 'cyber', strength: 0, holders: { h_sc_2: -1, h_dv_2: 1 } },
    ]);
  });

  it('moving home takes one from the old unit and gives one to the new', () => {
    expect(counterDeltas(base, { ...base, homeOrgId: 'ersou' })).toEqual([
      { orgId: 'ersou', capabilityId: 'cyber', strength: 1, holders: { h_sc_2: 1 } },
      { orgId: 'titan', capabilityId: 'cyber', strength: -1, holders: { h_sc_2: -1 } },
    ]);
  });

  it('leaving the service stops counting; a left officer counts nowhere', () => {
    expect(counterDeltas(base, { ...base, status: 'left' })).toEqual([
      { orgId: 'titan', capabilityId: 'cyber', strength: -1, holders: { h_sc_2: -1 } },
    ]);
    expect(counterDeltas(undefined, { ...base, status: 'left' })).toEqual([]);
  });

  it('a capability listed twice counts once', () => {
    expect(counterDeltas(undefined, { ...base, capabilities: ['cyber', 'cyber'] })).toHaveLength(1);
  });
});

describe('eligible holders for a role profile', () => {
  const counters = {
    [holderCounterName('sc', 2)]: 9,
    [holderCounterName('nppv3', 1)]: 1,
    [holderCounterName('dv', 3)]: 2,
  };
  it('TITAN’s nine SC/PIP2 holders (and the two DV/PIP3) meet an SC, PIP2 profile', () => {
    expect(eligibleHolders(counters, { vetting: 'sc', pipLevel: 2 })).toBe(11);
  });
  it('higher vetting meets lower requirements; lower PIP does not meet higher', () => {
    expect(eligibleHolders(counters, { vetting: 'nppv2', pipLevel: 0 })).toBe(12);
    expect(eligibleHolders(counters, { vetting: 'dv', pipLevel: 2 })).toBe(2);
    expect(eligibleHolders(counters, { vetting: 'nppv3', pipLevel: 4 })).toBe(0);
  });
});
