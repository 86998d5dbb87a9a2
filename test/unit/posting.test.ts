import { describe, expect, it } from 'vitest';
import type { OfficerCommitment } from '../../shared/domain/commitments';
import { counterDeltas } from '../../shared/domain/officer-counters';
import { dueOfficerChange, establishmentAt, nextArrival, officerDueDate, planPostingChange, postingRefusal, servingOrgOf } from '../../shared/domain/posting';

const TODAY = '2026-12-02';
const secondment = (endDate: string): OfficerCommitment => ({
  kind: 'secondment',
  applicationId: 'sec_1',
  title: 'NCA cyber placement',
  fromOrgId: 'titan',
  toOrgId: 'nca',
  startDate: '2027-01-01',
  endDate,
});
const move = (startDate: string, toOrgId = 'nca'): OfficerCommitment => ({ kind: 'move', applicationId: 'app_1', title: 'NCA cyber', fromOrgId: 'titan', toOrgId, startDate, endDate: null });

describe('where an officer counts', () => {
  it('a posted officer counts in the unit they serve in, in every team they hold', () => {
    const deltas = counterDeltas(undefined, { homeOrgId: 'greater-manchester', servingOrgId: 'titan', capabilities: ['cyber', 'fraud'], vetting: 'sc', pipLevel: 2, status: 'active' });
    expect(deltas.map((d) => `${d.orgId}:${d.capabilityId}`)).toEqual(['titan:cyber', 'titan:fraud']);
  });

  it('a posting ending moves strength (and a commitment) from the unit to the home together', () => {
    const during = { homeOrgId: 'greater-manchester', servingOrgId: 'titan', capabilities: ['cyber'], vetting: 'sc', pipLevel: 2, status: 'active', committed: true } as const;
    const deltas = counterDeltas(during, { ...during, servingOrgId: null });
    expect(deltas).toEqual([
      expect.objectContaining({ orgId: 'greater-manchester', strength: 1, committedOut: 1 }),
      expect.objectContaining({ orgId: 'titan', strength: -1, committedOut: -1 }),
    ]);
  });

  it('without a posting an officer serves at home', () => {
    expect(servingOrgOf({ homeOrgId: 'titan' })).toBe('titan');
    expect(servingOrgOf({ homeOrgId: 'merseyside', servingOrgId: 'titan' })).toBe('titan');
  });
});

describe('who records a posting', () => {
  const fields = { homeOrgId: 'greater-manchester', servingOrgId: 'titan', servingUntil: '2027-03-31', leavingOn: null };
  it('the unit served in records an officer posted into it', () => {
    expect(postingRefusal(fields, 'titan', TODAY)).toBeUndefined();
  });
  it('the home cannot post its officer into another unit', () => {
    expect(postingRefusal(fields, 'greater-manchester', TODAY)).toMatchObject({ status: 403, field: 'servingOrgId' });
  });
  it('an officer of another organisation serving at home is not the caller’s to record', () => {
    expect(postingRefusal({ ...fields, servingOrgId: null, servingUntil: null }, 'titan', TODAY)).toMatchObject({ status: 403, field: 'homeOrgId' });
  });
  it('a posting has an end date after today, and only a posting has one', () => {
    expect(postingRefusal({ ...fields, servingUntil: null }, 'titan', TODAY)).toMatchObject({ status: 400, field: 'servingUntil' });
    expect(postingRefusal({ ...fields, servingUntil: TODAY }, 'titan', TODAY)).toMatchObject({ status: 400 });
    expect(postingRefusal({ homeOrgId: 'titan', servingOrgId: null, servingUntil: '2027-01-01', leavingOn: null }, 'titan', TODAY)).toMatchObject({ status: 400, field: 'servingUntil' });
  });
});

describe('changing a posting or a leaving date', () => {
  const before = { homeOrgId: 'greater-manchester', servingOrgId: 'titan', servingUntil: '2027-03-31', leavingOn: null, commitments: [] as OfficerCommitment[] };
  it('ending a posting takes its end date with it; naming the home is ending it', () => {
    expect(planPostingChange(before, { servingOrgId: null }, TODAY)).toEqual({ ok: true, fields: { servingOrgId: null, servingUntil: null, leavingOn: null } });
    expect(planPostingChange(before, { servingOrgId: 'greater-manchester' }, TODAY)).toMatchObject({ ok: true, fields: { servingOrgId: null } });
  });
  it('refuses a posting into another unit, and an end date for an officer at home', () => {
    expect(planPostingChange(before, { servingOrgId: 'ersou' }, TODAY)).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(planPostingChange({ ...before, servingOrgId: null, servingUntil: null }, { servingUntil: '2027-06-01' }, TODAY)).toMatchObject({ ok: false, refusal: { status: 400, field: 'servingUntil' } });
  });
  it('refuses an end or a leaving date before a live commitment has run its course (a return, a move’s start)', () => {
    const committed = { ...before, commitments: [secondment('2027-02-28')] };
    expect(planPostingChange(committed, { servingUntil: '2027-02-01' }, TODAY)).toMatchObject({ ok: false, refusal: { status: 409, field: 'servingUntil' } });
    expect(planPostingChange(committed, { servingUntil: '2027-02-28' }, TODAY)).toMatchObject({ ok: true });
    expect(planPostingChange(committed, { leavingOn: '2027-02-27' }, TODAY)).toMatchObject({ ok: false, refusal: { status: 409, field: 'leavingOn' } });
    expect(planPostingChange({ ...before, commitments: [move('2027-03-01')] }, { leavingOn: '2027-03-01' }, TODAY)).toMatchObject({ ok: true });
    expect(planPostingChange(committed, { servingOrgId: null }, TODAY)).toMatchObject({ ok: false, refusal: { status: 409 } });
  });
  it('refuses a leaving date in the past but keeps one already recorded', () => {
    expect(planPostingChange(before, { leavingOn: '2026-12-01' }, TODAY)).toMatchObject({ ok: false, refusal: { status: 400 } });
    expect(planPostingChange({ ...before, leavingOn: '2026-12-01' }, { leavingOn: '2026-12-01' }, TODAY)).toMatchObject({ ok: true });
  });
});

describe('the officer job’s date and the forecast’s arrivals', () => {
  const officer = { homeOrgId: 'greater-manchester', servingOrgId: 'titan', servingUntil: '2027-03-31', leavingOn: null, status: 'active', commitments: [] };
  it('the job is due at the posting’s end or the leaving date, whichever comes first, and never for a leaver', () => {
    expect(officerDueDate(officer)).toBe('2027-03-31');
    expect(officerDueDate({ ...officer, leavingOn: '2027-01-15' })).toBe('2027-01-15');
    expect(officerDueDate({ ...officer, servingOrgId: null, servingUntil: null })).toBeNull();
    expect(officerDueDate({ ...officer, status: 'left' })).toBeNull();
  });
  it('a posted officer arrives home at the posting’s end; a mover at the destination on the start; a leaver nowhere', () => {
    expect(nextArrival(officer)).toEqual({ orgId: 'greater-manchester', date: '2027-03-31' });
    expect(nextArrival({ ...officer, commitments: [move('2027-02-01')] })).toEqual({ orgId: 'nca', date: '2027-02-01' });
    expect(nextArrival({ ...officer, leavingOn: '2027-03-31' })).toBeNull();
    expect(nextArrival({ ...officer, servingOrgId: null, servingUntil: null })).toBeNull();
  });
});

describe('funding lines', () => {
  const lines = [
    { source: 'Home Office grant', posts: 6, until: '2027-03-31' },
    { source: 'Force contributions', posts: 4 },
  ];
  it('a line counts until the day it ends', () => {
    expect(establishmentAt(lines, '2027-03-30')).toBe(10);
    expect(establishmentAt(lines, '2027-03-31')).toBe(4);
    expect(establishmentAt([], '2027-03-31')).toBe(0);
  });
});

describe('what the officer job owes an officer today', () => {
  const officer = { homeOrgId: 'greater-manchester', servingOrgId: 'titan', servingUntil: '2027-03-31', leavingOn: null as string | null, status: 'active', commitments: [] as OfficerCommitment[] };
  it('returns a posted officer home on the posting’s end date, not the day before', () => {
    expect(dueOfficerChange(officer, '2027-03-30')).toMatchObject({ kind: 'none' });
    expect(dueOfficerChange(officer, '2027-03-31')).toEqual({ kind: 'posting-ended' });
  });
  it('a leaving date comes first, even on the day a posting ends', () => {
    expect(dueOfficerChange({ ...officer, leavingOn: '2027-03-31' }, '2027-03-31')).toEqual({ kind: 'left' });
  });
  it('a move taking effect goes first: the move job ends the posting', () => {
    expect(dueOfficerChange({ ...officer, commitments: [move('2027-03-31')] }, '2027-03-31')).toMatchObject({ kind: 'none', reason: 'a move takes effect first' });
  });
  it('nothing for a leaver', () => {
    expect(dueOfficerChange({ ...officer, status: 'left' }, '2027-04-01')).toMatchObject({ kind: 'none' });
  });
});
