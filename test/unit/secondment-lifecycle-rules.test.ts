import { describe, expect, it } from 'vitest';
import {
  dueTransition,
  extensionDateViolations,
  extensionSideOf,
  extensionStateRefusal,
  flowBucket,
  flowSide,
  secondmentDue,
  transitionRefusal,
} from '../../shared/domain/secondment-rules';

const sec = (status: Parameters<typeof dueTransition>[0]['status'], startDate = '2027-03-01', endDate = '2027-09-01') => ({ status, startDate, endDate });

describe('which lifecycle transition is due on a date', () => {
  it('a confirmed secondment starts on its start date, not the day before', () => {
    expect(dueTransition(sec('confirmed'), '2027-02-28')).toBeUndefined();
    expect(dueTransition(sec('confirmed'), '2027-03-01')).toBe('active');
    expect(dueTransition(sec('confirmed'), '2027-03-15')).toBe('active');
  });

  it('an active secondment completes on its end date; a confirmed one past its end completes at once', () => {
    expect(dueTransition(sec('active'), '2027-08-31')).toBeUndefined();
    expect(dueTransition(sec('active'), '2027-09-01')).toBe('completed');
    expect(dueTransition(sec('confirmed'), '2027-09-01')).toBe('completed');
  });

  it('nothing else is ever due', () => {
    for (const status of ['submitted', 'home-approved', 'completed', 'declined', 'withdrawn'] as const) {
      expect(dueTransition(sec(status), '2030-01-01')).toBeUndefined();
      expect(secondmentDue(sec(status))).toBeNull();
    }
  });

  it('the due marker: the start date while confirmed, the end date while active', () => {
    expect(secondmentDue(sec('confirmed'))).toEqual({ date: '2027-03-01', to: 'active' });
    expect(secondmentDue(sec('active'))).toEqual({ date: '2027-09-01', to: 'completed' });
  });

  it('only a confirmed secondment can be activated', () => {
    expect(transitionRefusal('activate', 'confirmed')).toBeUndefined();
    expect(transitionRefusal('activate', 'withdrawn')).toMatch(/withdrawn cannot be started/);
  });
});

describe('extension validity', () => {
  const app = { startDate: '2027-03-01', endDate: '2027-09-01' };
  it('the new end date must be after the current one and in the future', () => {
    expect(extensionDateViolations(app, '2027-09-01', '2027-04-01')).toEqual([expect.objectContaining({ field: 'endDate', message: expect.stringMatching(/after the current end date/) })]);
    expect(extensionDateViolations(app, '2027-08-01', '2027-04-01')).toHaveLength(1);
    expect(extensionDateViolations(app, '2027-09-02', '2027-04-01')).toEqual([]);
    expect(extensionDateViolations(app, '2027-09-05', '2027-09-10')).toEqual([expect.objectContaining({ message: 'must be in the future' })]);
  });

  it('at most 24 months from the start, extensions included', () => {
    expect(extensionDateViolations(app, '2029-03-01', '2027-04-01')).toEqual([]);
    expect(extensionDateViolations(app, '2029-03-02', '2027-04-01')).toEqual([expect.objectContaining({ message: expect.stringMatching(/24 months.*2029-03-01/) })]);
  });

  it('only while confirmed or active, and one proposal at a time', () => {
    expect(extensionStateRefusal({ status: 'confirmed', pendingExtension: null })).toBeUndefined();
    expect(extensionStateRefusal({ status: 'active', pendingExtension: null })).toBeUndefined();
    expect(extensionStateRefusal({ status: 'completed', pendingExtension: null })).toMatch(/completed cannot be extended/);
    expect(extensionStateRefusal({ status: 'active', pendingExtension: { endDate: '2027-10-01' } })).toMatch(/already awaiting/);
  });

  it('the sides: the host’s HR lead; the home’s ROCU head or HR lead; nobody else', () => {
    const parties = { hostOrgId: 'nca', homeOrgId: 'titan' };
    expect(extensionSideOf({ org: 'nca', roles: ['hr-lead'] }, parties)).toBe('host');
    expect(extensionSideOf({ org: 'titan', roles: ['rocu-head'] }, parties)).toBe('home');
    expect(extensionSideOf({ org: 'titan', roles: ['hr-lead'] }, parties)).toBe('home');
    expect(extensionSideOf({ org: 'nca', roles: ['rocc'] }, parties)).toBeUndefined();
    expect(extensionSideOf({ org: 'ersou', roles: ['rocu-head', 'hr-lead'] }, parties)).toBeUndefined();
  });
});

describe('secondment flows', () => {
  it('names the sides as people chart them and counts only confirmed, active and completed', () => {
    expect([flowSide('agency'), flowSide('rocu'), flowSide('force')]).toEqual(['nca', 'rocu', 'force']);
    expect(flowBucket('confirmed')).toBe('confirmed');
    expect(flowBucket('active')).toBe('active');
    expect(flowBucket('completed')).toBe('completed');
    expect(flowBucket('withdrawn')).toBeUndefined();
    expect(flowBucket('home-approved')).toBeUndefined();
  });
});
