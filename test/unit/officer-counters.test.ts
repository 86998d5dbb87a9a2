import { describe, expect, it } from 'vitest';
import { coHeldCapabilities, counterDeltas, eligibleCoHolders, eligibleHolders, holderCounterName, parseCoHolderCounter, type CountedOfficer } from '../../shared/domain/officer-counters';

const base: CountedOfficer = { homeOrgId: 'titan', capabilities: ['cyber'], vetting: 'sc', pipLevel: 2, status: 'active' };

describe('counter deltas keep strength equal to what it counts', () => {
  it('a new officer adds one to each capability they hold', () => {
    const deltas = counterDeltas(undefined, { ...base, capabilities: ['cyber', 'surveillance'] });
    expect(deltas).toEqual([
      { orgId: 'titan', capabilityId: 'cyber', strength: 1, committedOut: 0, holders: { h_sc_2: 1 }, coHolders: { co_surveillance_sc_2: 1 } },
      { orgId: 'titan', capabilityId: 'surveillance', strength: 1, committedOut: 0, holders: { h_sc_2: 1 }, coHolders: { co_cyber_sc_2: 1 } },
    ]);
  });

  it('an edit that touches no counted field changes no counter', () => {
    expect(counterDeltas(base, { ...base })).toEqual([]);
  });

  it('a vetting upgrade moves the officer between holder counters, strength unchanged', () => {
    expect(counterDeltas(base, { ...base, vetting: 'dv' })).toEqual([
      { orgId: 'titan', capabilityId: 'cyber', strength: 0, committedOut: 0, holders: { h_sc_2: -1, h_dv_2: 1 }, coHolders: {} },
    ]);
  });

  it('moving home takes one from the old unit and gives one to the new', () => {
    expect(counterDeltas(base, { ...base, homeOrgId: 'ersou' })).toEqual([
      { orgId: 'ersou', capabilityId: 'cyber', strength: 1, committedOut: 0, holders: { h_sc_2: 1 }, coHolders: {} },
      { orgId: 'titan', capabilityId: 'cyber', strength: -1, committedOut: 0, holders: { h_sc_2: -1 }, coHolders: {} },
    ]);
  });

  it('leaving the service stops counting; a left officer counts nowhere', () => {
    expect(counterDeltas(base, { ...base, status: 'left' })).toEqual([
      { orgId: 'titan', capabilityId: 'cyber', strength: -1, committedOut: 0, holders: { h_sc_2: -1 }, coHolders: {} },
    ]);
    expect(counterDeltas(undefined, { ...base, status: 'left' })).toEqual([]);
  });

  it('a commitment counts once in every team the officer is in, and ending it gives each back', () => {
    const two = { ...base, capabilities: ['cyber', 'digital-forensics'] };
    expect(counterDeltas(two, { ...two, committed: true })).toEqual([
      { orgId: 'titan', capabilityId: 'cyber', strength: 0, committedOut: 1, holders: {}, coHolders: {} },
      { orgId: 'titan', capabilityId: 'digital-forensics', strength: 0, committedOut: 1, holders: {}, coHolders: {} },
    ]);
    expect(counterDeltas({ ...two, committed: true }, two).map((d) => d.committedOut)).toEqual([-1, -1]);
    expect(counterDeltas({ ...two, committed: true }, { ...two, committed: true })).toEqual([]);
  });

  it('a committed officer gaining an accreditation counts out of the new team too (projected unchanged)', () => {
    const committed = { ...base, committed: true };
    const [, gained] = counterDeltas(committed, { ...committed, capabilities: ['cyber', 'surveillance'] });
    expect(gained).toMatchObject({ capabilityId: 'surveillance', strength: 1, committedOut: 1 });
  });

  it('co-holder counters split a team by each other capability its holders hold', () => {
    const [cyber] = counterDeltas(undefined, { ...base, capabilities: ['cyber', 'digital-forensics', 'surveillance'] });
    expect(cyber!.coHolders).toEqual({ 'co_digital-forensics_sc_2': 1, co_surveillance_sc_2: 1 });
    expect(coHeldCapabilities(cyber!.coHolders)).toEqual(['digital-forensics', 'surveillance']);
    expect(eligibleCoHolders({ ...cyber!.coHolders, 'co_digital-forensics_nppv2_1': 3 }, 'digital-forensics', { vetting: 'sc', pipLevel: 2 })).toBe(1);
    expect(parseCoHolderCounter('co_digital-forensics_dv_3')).toEqual({ capabilityId: 'digital-forensics', vetting: 'dv', pipLevel: 3 });
    expect(parseCoHolderCounter('h_sc_2')).toBeUndefined();
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
