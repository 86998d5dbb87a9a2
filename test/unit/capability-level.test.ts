import { describe, expect, it } from 'vitest';
import { impactLevel, standingLevel, warningMargin, worstLevel } from '../../shared/domain/capability-level';

describe('impact levels (BRIEF: capability protection)', () => {
  it('TITAN cyber: 6 posts against strength 10, minimum 7 leaves 4 — critical', () => {
    expect(impactLevel({ projected: 10, exposure: 6, minimum: 7 })).toBe('critical');
  });

  it('TITAN cyber with a per-source cap of 2 leaves 8, under 7 + 1.4 — warning', () => {
    expect(impactLevel({ projected: 10, exposure: 2, minimum: 7 })).toBe('warning');
  });

  it('ERSOU cyber: strength 12, minimum 4, exposure 6 leaves 6 ≥ 5 — ok', () => {
    expect(impactLevel({ projected: 12, exposure: 6, minimum: 4 })).toBe('ok');
  });

  it('an action that takes nobody is ok, even from a team already below its minimum', () => {
    expect(impactLevel({ projected: 3, exposure: 0, minimum: 7 })).toBe('ok');
  });

  it('taking a team that has people to zero is a loss, whatever its minimum', () => {
    expect(impactLevel({ projected: 3, exposure: 3, minimum: 0 })).toBe('loss');
    expect(impactLevel({ projected: 3, exposure: 5, minimum: 2 })).toBe('loss');
  });

  it('landing exactly on the minimum plus margin is ok; just under is warning', () => {
    expect(impactLevel({ projected: 11, exposure: 1, minimum: 5 })).toBe('ok'); // 10 ≥ 5 + 1
    expect(impactLevel({ projected: 13, exposure: 1, minimum: 10 })).toBe('ok'); // 12 ≥ 12
    expect(impactLevel({ projected: 12, exposure: 1, minimum: 10 })).toBe('warning'); // 11 < 12
    expect(impactLevel({ projected: 11, exposure: 1, minimum: 10 })).toBe('warning'); // 10 ≥ 10 but < 12
    expect(impactLevel({ projected: 10, exposure: 1, minimum: 10 })).toBe('critical');
  });

  it('the warning margin is 20% of the minimum, at least one officer', () => {
    expect(warningMargin(0)).toBe(1);
    expect(warningMargin(4)).toBe(1);
    expect(warningMargin(7)).toBeCloseTo(1.4);
    expect(warningMargin(20)).toBe(4);
  });
});

describe('standing level of a team (baselines, heatmap)', () => {
  it('a team below its minimum is critical even with nobody committed out', () => {
    expect(standingLevel({ strength: 5, committedOut: 0, minimum: 7 })).toBe('critical');
  });
  it('a team whose every member is committed out is a loss', () => {
    expect(standingLevel({ strength: 3, committedOut: 3, minimum: 1 })).toBe('loss');
  });
  it('an empty team with no minimum is ok', () => {
    expect(standingLevel({ strength: 0, committedOut: 0, minimum: 0 })).toBe('ok');
  });
  it('TITAN after two accepted NCA offers: projected 8, minimum 7 — warning', () => {
    expect(standingLevel({ strength: 10, committedOut: 2, minimum: 7 })).toBe('warning');
  });
  it('the worst of several levels', () => {
    expect(worstLevel(['ok', 'warning', 'critical', 'ok'])).toBe('critical');
    expect(worstLevel(['ok', 'loss', 'warning'])).toBe('loss');
    expect(worstLevel([])).toBe('ok');
  });
});
