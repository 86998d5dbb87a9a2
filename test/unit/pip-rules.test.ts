import { describe, expect, it } from 'vitest';
import type { CountedOfficer } from '../../shared/domain/officer-counters';
import {
  decideSignOff,
  pipelineCounterName,
  pipelineDeltas,
  pipelineRow,
  pipelineShard,
  pipStatusOf,
  validTarget,
  type DevelopmentSecondment,
} from '../../shared/domain/pip-rules';

const base: CountedOfficer = { homeOrgId: 'titan', capabilities: ['cyber'], vetting: 'sc', pipLevel: 1, status: 'active' };
const id = 'off_abc123';
const shard = pipelineShard(id);

describe('PIP status follows from the level and the development target', () => {
  it('a target set is in development, whatever the level', () => {
    expect(pipStatusOf({ pipLevel: 1, pipTargetLevel: 2 })).toBe('in-development');
    expect(pipStatusOf({ pipLevel: 0, pipTargetLevel: 1 })).toBe('in-development');
  });
  it('no target: accredited from PIP1 up, none at 0', () => {
    expect(pipStatusOf({ pipLevel: 3, pipTargetLevel: null })).toBe('accredited');
    expect(pipStatusOf({ pipLevel: 0 })).toBe('none');
  });
  it('a target the officer already holds (the level raised by hand) is met: accredited', () => {
    expect(pipStatusOf({ pipLevel: 2, pipTargetLevel: 2 })).toBe('accredited');
    expect(pipelineCounterName({ pipLevel: 3, pipTargetLevel: 2 })).toBe('pl_acc_3');
  });
  it('a target must be above the current level and at most 4', () => {
    expect(validTarget(2, 1)).toBe(true);
    expect(validTarget(1, 1)).toBe(false);
    expect(validTarget(5, 4)).toBe(false);
  });
});

describe('pipeline counters: each active officer in exactly one bucket of their home', () => {
  it('names the bucket by status and level (in development: the target)', () => {
    expect(pipelineCounterName({ pipLevel: 2 })).toBe('pl_acc_2');
    expect(pipelineCounterName({ pipLevel: 1, pipTargetLevel: 2 })).toBe('pl_dev_2');
    expect(pipelineCounterName({ pipLevel: 0 })).toBe('pl_none');
  });

  it('a new officer adds one to their bucket; a left one counts nowhere', () => {
    expect(pipelineDeltas(id, undefined, base)).toEqual([{ orgId: 'titan', shard, counters: { pl_acc_1: 1 } }]);
    expect(pipelineDeltas(id, undefined, { ...base, status: 'left' })).toEqual([]);
  });

  it('an edit that touches neither level, target, home nor status writes nothing', () => {
    expect(pipelineDeltas(id, base, { ...base, vetting: 'dv', capabilities: ['fraud'] })).toEqual([]);
  });

  it('starting development moves the officer from accredited to in development towards the target', () => {
    expect(pipelineDeltas(id, base, { ...base, pipTargetLevel: 2 })).toEqual([{ orgId: 'titan', shard, counters: { pl_acc_1: -1, pl_dev_2: 1 } }]);
  });

  it('a sign-off moves them from in development to accredited at the new level', () => {
    expect(pipelineDeltas(id, { ...base, pipTargetLevel: 2 }, { ...base, pipLevel: 2, pipTargetLevel: null })).toEqual([
      { orgId: 'titan', shard, counters: { pl_dev_2: -1, pl_acc_2: 1 } },
    ]);
  });

  it('moving home moves the bucket between organisations, on the same shard', () => {
    expect(pipelineDeltas(id, base, { ...base, homeOrgId: 'nca' })).toEqual([
      { orgId: 'nca', shard, counters: { pl_acc_1: 1 } },
      { orgId: 'titan', shard, counters: { pl_acc_1: -1 } },
    ]);
  });

  it('leaving takes the officer out', () => {
    expect(pipelineDeltas(id, base, { ...base, status: 'left' })).toEqual([{ orgId: 'titan', shard, counters: { pl_acc_1: -1 } }]);
  });

  it('shards spread officers and are stable', () => {
    expect(pipelineShard(id)).toBe(shard);
    const shards = new Set(Array.from({ length: 40 }, (_, i) => pipelineShard(`off_${i}x`)));
    expect(shards.size).toBeGreaterThan(1);
  });

  it('a row sums the shards and adds up to the officers counted', () => {
    const row = pipelineRow([{ pl_acc_1: 3, pl_dev_2: 1 }, { pl_acc_1: 2, pl_none: 4, pl_acc_3: 1 }]);
    expect(row.levels.find((l) => l.level === 1)).toEqual({ level: 1, accredited: 5, inDevelopment: 0 });
    expect(row.levels.find((l) => l.level === 2)).toEqual({ level: 2, accredited: 0, inDevelopment: 1 });
    expect(row).toMatchObject({ accredited: 6, inDevelopment: 1, notAccredited: 4, officers: 11 });
  });
});

describe('signing off a PIP level', () => {
  const completed: DevelopmentSecondment = { id: 'sec_1', status: 'completed', hostOrgId: 'nca', pipDevelopmentLevel: 2 };
  const decide = (over: Partial<Parameters<typeof decideSignOff>[0]> = {}) =>
    decideSignOff({ level: 2, currentLevel: 1, secondments: [completed], isAssessor: false, hrLeadOf: (o) => o === 'nca', ...over });

  it('the host’s HR lead signs off up to the placement’s target after a completed secondment', () => {
    expect(decide()).toEqual({ ok: true, secondment: completed });
  });

  it('the assigned assessor may sign off too', () => {
    expect(decide({ isAssessor: true, hrLeadOf: () => false })).toMatchObject({ ok: true });
  });

  it('not before the secondment is completed, nor on a placement that develops no PIP', () => {
    expect(decide({ secondments: [{ ...completed, status: 'active' }] })).toMatchObject({ ok: false, reason: 'no-completed-development' });
    expect(decide({ secondments: [{ ...completed, pipDevelopmentLevel: null }] })).toMatchObject({ ok: false, reason: 'no-completed-development' });
  });

  it('nobody else: an HR lead of another organisation is refused', () => {
    expect(decide({ hrLeadOf: (o) => o === 'ersou' })).toMatchObject({ ok: false, reason: 'not-allowed' });
  });

  it('not above the target, and only above what the officer holds', () => {
    expect(decide({ level: 3 })).toMatchObject({ ok: false, reason: 'above-target' });
    expect(decide({ level: 1 })).toMatchObject({ ok: false, reason: 'not-above-current' });
  });

  it('of several completed development secondments, the highest target the caller may sign off counts', () => {
    const higher: DevelopmentSecondment = { id: 'sec_2', status: 'completed', hostOrgId: 'nca', pipDevelopmentLevel: 3 };
    const elsewhere: DevelopmentSecondment = { id: 'sec_3', status: 'completed', hostOrgId: 'ersou', pipDevelopmentLevel: 4 };
    expect(decide({ level: 3, secondments: [completed, higher, elsewhere] })).toEqual({ ok: true, secondment: higher });
  });
});
