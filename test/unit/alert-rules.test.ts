import { describe, expect, it } from 'vitest';
import {
  deadlineOf,
  decide,
  DECIDE_WITHIN_WORKING_DAYS,
  DEFAULT_ROCC_DECISION,
  dueStep,
  escalateOnTimeout,
  holdsCampaign,
  latestReleaseFor,
  refer,
  respond,
  roccClock,
  type AlertState,
  type AlertStatus,
  type HeadDecision,
} from '../../shared/domain/alert-rules';
import type { Level } from '../../shared/domain/capability-level';
import { newAlert, type NewAlertInput } from '../../shared/domain/new-alert';

/** The alert the TITAN head gets when the NCA publishes "Cyber investigators, North West" (6 posts, no cap). */
const campaignAlert: AlertState = {
  kind: 'campaign-impact',
  status: 'open',
  level: 'critical',
  projected: 10,
  minimum: 7,
  requestedCap: null,
  requestedStart: null,
  releaseDate: null,
  imposedCap: null,
  outcome: null,
  escalationReason: null,
};

/** The alert when the joint NCA–VIPER campaign offers a TITAN officer a start on 1 September 2026 that would leave TITAN at 6. */
const offerAlert: AlertState = { ...campaignAlert, kind: 'offer-release', projected: 7, requestedStart: '2026-09-01' };

/** Unwrap a transition the test expects to succeed; a refusal fails the test with its message. */
const next = (t: ReturnType<typeof respond>): AlertState => {
  if (!t.ok) throw new Error(`refused (${t.status}): ${t.message}`);
  return t.next;
};

describe('a ROCU head answers a campaign-impact alert', () => {
  it('accepting the risk resolves the alert', () => {
    expect(next(respond(campaignAlert, 'accept', {}))).toMatchObject({ status: 'resolved', outcome: 'accepted' });
  });

  it('asking for a cap of 2 holds the campaign as a cap request, remembering the cap', () => {
    expect(next(respond(campaignAlert, 'request-cap', { cap: 2 }))).toMatchObject({ status: 'cap-requested', requestedCap: 2, outcome: null });
  });

  it('a head may ask for a cap of zero: no offers to their officers at all', () => {
    expect(next(respond(campaignAlert, 'request-cap', { cap: 0 }))).toMatchObject({ status: 'cap-requested', requestedCap: 0 });
  });

  it('asking for a cap without saying which is refused (400, field cap)', () => {
    expect(respond(campaignAlert, 'request-cap', {})).toMatchObject({ ok: false, status: 400, field: 'cap' });
  });

  it('objecting escalates the alert to the ROCC of the region', () => {
    expect(next(respond(campaignAlert, 'object', {}))).toMatchObject({ status: 'escalated', escalationReason: 'objected', outcome: null });
  });
});

describe('a ROCU head answers an offer-release alert', () => {
  it('releasing lets the officer go at the requested start', () => {
    expect(next(respond(offerAlert, 'release', {}))).toMatchObject({ status: 'resolved', outcome: 'released', releaseDate: '2026-09-01' });
  });

  it('the TITAN head defers the release to 60 days after the requested start', () => {
    expect(next(respond(offerAlert, 'defer', { releaseDate: '2026-10-31' }))).toMatchObject({ status: 'resolved', outcome: 'deferred', releaseDate: '2026-10-31' });
  });

  it.each([
    { releaseDate: '2026-09-01', why: 'on the requested start (0 days)' },
    { releaseDate: '2026-11-30', why: 'the 90th day after the requested start' },
  ])('a deferral $why is accepted', ({ releaseDate }) => {
    expect(next(respond(offerAlert, 'defer', { releaseDate }))).toMatchObject({ outcome: 'deferred', releaseDate });
  });

  it('a deferral to the 91st day is refused (400), naming the latest date allowed', () => {
    const t = respond(offerAlert, 'defer', { releaseDate: '2026-12-01' });
    expect(t).toMatchObject({ ok: false, status: 400, field: 'releaseDate' });
    expect(!t.ok && t.message).toContain('2026-11-30');
  });

  it('a deferral to before the requested start is refused (400)', () => {
    const t = respond(offerAlert, 'defer', { releaseDate: '2026-08-31' });
    expect(t).toMatchObject({ ok: false, status: 400, field: 'releaseDate' });
    expect(!t.ok && t.message).toContain('2026-09-01');
  });

  it('deferring without a date is refused (400, field releaseDate)', () => {
    expect(respond(offerAlert, 'defer', {})).toMatchObject({ ok: false, status: 400, field: 'releaseDate' });
  });

  it('objecting sends the offer to the ROCC', () => {
    expect(next(respond(offerAlert, 'object', {}))).toMatchObject({ status: 'escalated', escalationReason: 'objected' });
  });
});

describe('answers that do not fit', () => {
  it.each<[AlertState['kind'], HeadDecision]>([
    ['campaign-impact', 'release'],
    ['campaign-impact', 'defer'],
    ['campaign-impact', 'acknowledge'],
    ['offer-release', 'accept'],
    ['offer-release', 'request-cap'],
    ['offer-release', 'acknowledge'],
  ])('a %s alert cannot be answered with %s (400, naming the answers it takes)', (kind, decision) => {
    const state = kind === 'campaign-impact' ? campaignAlert : offerAlert;
    const t = respond(state, decision, { cap: 2, releaseDate: '2026-09-10' });
    expect(t).toMatchObject({ ok: false, status: 400, field: 'decision' });
    const expected = kind === 'campaign-impact' ? 'accept, request-cap, object' : 'release, defer, object';
    expect(!t.ok && t.message).toContain(expected);
  });

  it.each<[AlertStatus, HeadDecision]>([
    ['cap-requested', 'accept'],
    ['cap-requested', 'request-cap'],
    ['escalated', 'accept'],
    ['escalated', 'object'],
    ['resolved', 'accept'],
    ['withdrawn', 'object'],
  ])('an alert that is %s is no longer waiting for the head: %s is refused (409)', (status, decision) => {
    const t = respond({ ...campaignAlert, status }, decision, { cap: 1 });
    expect(t).toMatchObject({ ok: false, status: 409 });
    expect(!t.ok && t.message).toContain(status);
  });

  it.each<AlertStatus>(['escalated', 'resolved'])('a decided or escalated offer cannot be released again by the head (%s: 409)', (status) => {
    expect(respond({ ...offerAlert, status }, 'release', {})).toMatchObject({ ok: false, status: 409 });
  });

  it('an informational warning is only acknowledged', () => {
    const warning: AlertState = { ...campaignAlert, status: 'informational', level: 'warning' };
    expect(next(respond(warning, 'acknowledge', {}))).toMatchObject({ status: 'resolved', outcome: 'acknowledged' });
    expect(respond(warning, 'accept', {})).toMatchObject({ ok: false, status: 400, field: 'decision' });
    expect(respond(warning, 'object', {})).toMatchObject({ ok: false, status: 400 });
  });

  it('a coordination notice is acknowledged by whoever receives it', () => {
    const notice: AlertState = { ...campaignAlert, kind: 'coordination', status: 'informational', level: 'ok' };
    expect(next(respond(notice, 'acknowledge', {}))).toMatchObject({ status: 'resolved', outcome: 'acknowledged' });
  });
});

describe('the HR lead refers a cap request to the ROCC', () => {
  it('a cap request not yet met goes to the ROCC with the requested cap', () => {
    const requested = next(respond(campaignAlert, 'request-cap', { cap: 2 }));
    expect(next(refer(requested))).toMatchObject({ status: 'escalated', escalationReason: 'referred', requestedCap: 2 });
  });

  it.each<[string, AlertState]>([
    ['an alert still waiting for the head', campaignAlert],
    ['an alert already escalated', { ...campaignAlert, status: 'escalated', escalationReason: 'objected' }],
    ['a resolved alert', { ...campaignAlert, status: 'resolved', outcome: 'accepted' }],
    ['an offer-release alert', { ...offerAlert, status: 'cap-requested' }],
  ])('%s cannot be referred (409)', (_what, state) => {
    expect(refer(state)).toMatchObject({ ok: false, status: 409 });
  });
});

describe('an alert nobody answers escalates by itself', () => {
  it.each([campaignAlert, offerAlert])('an unanswered $kind alert goes to the ROCC, marked as a timeout', (state) => {
    expect(next(escalateOnTimeout(state))).toMatchObject({ status: 'escalated', escalationReason: 'timeout' });
  });

  it.each<AlertStatus>(['cap-requested', 'escalated', 'informational', 'resolved', 'withdrawn'])('an alert that is %s is not escalated by the job (409)', (status) => {
    expect(escalateOnTimeout({ ...campaignAlert, status })).toMatchObject({ ok: false, status: 409 });
  });
});

describe('the ROCC decides an escalated alert', () => {
  const objected: AlertState = { ...campaignAlert, status: 'escalated', escalationReason: 'objected' };

  it('upholding TITAN’s objection imposes the cap that keeps TITAN at its minimum: 10 − 7 = 3', () => {
    expect(next(decide(objected, 'uphold'))).toMatchObject({ status: 'resolved', outcome: 'cap-imposed', imposedCap: 3 });
  });

  it('upholding an objection from a team already below its minimum imposes a cap of 0', () => {
    expect(next(decide({ ...objected, projected: 6 }, 'uphold'))).toMatchObject({ outcome: 'cap-imposed', imposedCap: 0 });
  });

  it('upholding a referred cap request imposes the cap the head asked for', () => {
    const referred: AlertState = { ...campaignAlert, status: 'escalated', escalationReason: 'referred', requestedCap: 2 };
    expect(next(decide(referred, 'uphold'))).toMatchObject({ outcome: 'cap-imposed', imposedCap: 2 });
  });

  it('upholding a campaign alert that timed out imposes the cap that keeps the minimum', () => {
    const timedOut: AlertState = { ...campaignAlert, status: 'escalated', escalationReason: 'timeout' };
    expect(next(decide(timedOut, 'uphold'))).toMatchObject({ outcome: 'cap-imposed', imposedCap: 3 });
  });

  it('overruling lets the campaign go ahead with no cap', () => {
    expect(next(decide(objected, 'overrule'))).toMatchObject({ status: 'resolved', outcome: 'overruled', imposedCap: null });
  });

  it('upholding an objection to an offer defers the release to 90 days after the requested start', () => {
    const offerObjected: AlertState = { ...offerAlert, status: 'escalated', escalationReason: 'objected' };
    expect(next(decide(offerObjected, 'uphold'))).toMatchObject({ status: 'resolved', outcome: 'deferred', releaseDate: '2026-11-30' });
  });

  it('overruling an objection to an offer releases the officer at the requested start', () => {
    const offerObjected: AlertState = { ...offerAlert, status: 'escalated', escalationReason: 'timeout' };
    expect(next(decide(offerObjected, 'overrule'))).toMatchObject({ status: 'resolved', outcome: 'released', releaseDate: '2026-09-01' });
  });

  it.each<AlertStatus>(['open', 'cap-requested', 'resolved', 'withdrawn'])('an alert that is %s is not the ROCC’s to decide (409)', (status) => {
    expect(decide({ ...campaignAlert, status }, 'uphold')).toMatchObject({ ok: false, status: 409 });
  });

  it('a coordination notice is never decided by the ROCC (409)', () => {
    expect(decide({ ...campaignAlert, kind: 'coordination', status: 'escalated' }, 'uphold')).toMatchObject({ ok: false, status: 409 });
  });
});

describe('which alerts hold a campaign', () => {
  it.each<[AlertStatus, number | null, number | null, boolean]>([
    ['open', null, null, true],
    ['escalated', null, 3, true],
    ['cap-requested', 2, null, true],
    ['cap-requested', 2, 3, true],
    ['cap-requested', 2, 2, false],
    ['cap-requested', 2, 1, false],
    ['cap-requested', 0, 0, false],
    ['informational', null, null, false],
    ['resolved', 2, null, false],
    ['withdrawn', null, null, false],
  ])('an alert %s (requested cap %s, cap in force %s) holds the campaign: %s', (status, requestedCap, capInForce, holds) => {
    expect(holdsCampaign({ status, requestedCap }, capInForce)).toBe(holds);
  });
});

describe('raising an alert', () => {
  const input = (kind: NewAlertInput['kind'], level: Level, now = new Date('2026-03-04T09:30:00Z')): NewAlertInput => ({
    id: 'alt_1',
    kind,
    orgId: 'titan',
    region: 'north-west',
    capabilityId: 'cyber',
    campaign: { id: 'cmp_1', title: 'Cyber investigators, North West' },
    level,
    strength: 10,
    projected: 10,
    projectedAfter: 4,
    minimum: 7,
    now,
  });

  it.each<[NewAlertInput['kind'], Level]>([
    ['campaign-impact', 'critical'],
    ['campaign-impact', 'loss'],
    ['offer-release', 'critical'],
    ['offer-release', 'warning'],
  ])('a %s alert at level %s waits for the head, due 10 working days later', (kind, level) => {
    // Wednesday 4 March 2026 + 10 working days (two weekends) = Wednesday 18 March, same time.
    expect(newAlert(input(kind, level))).toMatchObject({ status: 'open', dueAt: '2026-03-18T09:30:00.000Z', outcome: null, version: 1 });
  });

  it.each<[NewAlertInput['kind'], Level]>([
    ['campaign-impact', 'warning'],
    ['coordination', 'ok'],
    ['coordination', 'critical'],
  ])('a %s alert at level %s is informational and has no deadline', (kind, level) => {
    expect(newAlert(input(kind, level))).toMatchObject({ status: 'informational', dueAt: null });
  });

  it('an alert raised on Christmas Eve 2026 is due on 12 January 2027, skipping the holidays', () => {
    expect(newAlert(input('campaign-impact', 'critical', new Date('2026-12-24T14:00:00Z'))).dueAt).toBe('2027-01-12T14:00:00.000Z');
  });

  it('a new alert carries the numbers the head needs and nothing decided yet', () => {
    const offer = { ...input('offer-release', 'critical'), projected: 7, projectedAfter: 6, applicationId: 'app_1', officerId: 'off_1', requestedStart: '2026-09-01' };
    expect(newAlert(offer)).toMatchObject({
      kind: 'offer-release',
      orgId: 'titan',
      campaignId: 'cmp_1',
      campaignTitle: 'Cyber investigators, North West',
      applicationId: 'app_1',
      officerId: 'off_1',
      strength: 10,
      projected: 7,
      projectedAfter: 6,
      minimum: 7,
      requestedStart: '2026-09-01',
      requestedCap: null,
      releaseDate: null,
      imposedCap: null,
      escalationReason: null,
      createdAt: '2026-03-04T09:30:00.000Z',
    });
  });
});

describe('no hold is open-ended: the ROCC’s deadline', () => {
  // Escalated on Monday 7 December 2026 at 09:00: five working days later is Monday 14 December.
  const escalatedOn = new Date('2026-12-07T09:00:00.000Z');
  const clock = { escalatedAt: null, decideBy: null };

  it('starts when an alert goes to the ROCC, five working days long', () => {
    expect(DECIDE_WITHIN_WORKING_DAYS).toBe(5);
    expect(roccClock({ status: 'open', ...clock }, { status: 'escalated' }, escalatedOn)).toEqual({
      escalatedAt: '2026-12-07T09:00:00.000Z',
      decideBy: '2026-12-14T09:00:00.000Z',
    });
  });

  it('skips weekends and bank holidays: escalated on Christmas Eve 2026, due on 5 January 2027', () => {
    const eve = new Date('2026-12-24T10:00:00.000Z');
    expect(roccClock({ status: 'cap-requested', ...clock }, { status: 'escalated' }, eve).decideBy).toBe('2027-01-05T10:00:00.000Z');
  });

  it('keeps running while the alert stays escalated, and stops (keeping when it started) once decided', () => {
    const running = { status: 'escalated' as const, escalatedAt: '2026-12-07T09:00:00.000Z', decideBy: '2026-12-14T09:00:00.000Z' };
    expect(roccClock(running, { status: 'escalated' }, new Date('2026-12-09T00:00:00Z'))).toEqual({ escalatedAt: running.escalatedAt, decideBy: running.decideBy });
    expect(roccClock(running, { status: 'resolved' }, new Date('2026-12-09T00:00:00Z'))).toEqual({ escalatedAt: running.escalatedAt, decideBy: null });
    expect(roccClock({ status: 'open', ...clock }, { status: 'resolved' }, escalatedOn)).toEqual(clock);
  });

  it('the job escalates an open alert past its due time and gives an escalated one past decideBy the default outcome', () => {
    const now = new Date('2026-12-14T09:00:00.000Z');
    expect(dueStep({ status: 'open', dueAt: '2026-12-14T09:00:00.000Z', decideBy: null }, now)).toBe('escalate');
    expect(dueStep({ status: 'open', dueAt: '2026-12-14T09:00:01.000Z', decideBy: null }, now)).toBeNull();
    expect(dueStep({ status: 'escalated', dueAt: null, decideBy: '2026-12-14T08:59:00.000Z' }, now)).toBe('default-outcome');
    expect(dueStep({ status: 'escalated', dueAt: null, decideBy: '2026-12-15T09:00:00.000Z' }, now)).toBeNull();
    // An alert escalated before deadlines existed has none, and nothing is due.
    expect(dueStep({ status: 'escalated', dueAt: null, decideBy: null }, now)).toBeNull();
    for (const status of ['cap-requested', 'informational', 'resolved', 'withdrawn'] as const) {
      expect(dueStep({ status, dueAt: '2026-01-01T00:00:00.000Z', decideBy: '2026-01-01T00:00:00.000Z' }, now)).toBeNull();
    }
  });

  it('an alert is on the due index under the deadline it waits on, and under none once nobody owes a decision', () => {
    const times = { dueAt: '2026-12-21T09:00:00.000Z', decideBy: '2026-12-14T09:00:00.000Z' };
    expect(deadlineOf({ status: 'open', ...times })).toBe(times.dueAt);
    expect(deadlineOf({ status: 'escalated', ...times })).toBe(times.decideBy);
    expect(deadlineOf({ status: 'resolved', ...times })).toBeNull();
    expect(deadlineOf({ status: 'cap-requested', ...times })).toBeNull();
  });

  it('the default outcome is the ROCC’s uphold: an offer released at the latest allowed date, a campaign capped at the minimum or at the referred request', () => {
    expect(DEFAULT_ROCC_DECISION).toBe('uphold');
    const escalatedOffer = { ...offerAlert, status: 'escalated' as const, escalationReason: 'objected' as const };
    expect(next(decide(escalatedOffer, DEFAULT_ROCC_DECISION))).toMatchObject({ outcome: 'deferred', releaseDate: '2026-11-30' });
    const objected = { ...campaignAlert, status: 'escalated' as const, escalationReason: 'timeout' as const };
    expect(next(decide(objected, DEFAULT_ROCC_DECISION))).toMatchObject({ outcome: 'cap-imposed', imposedCap: 3 });
    const referred = { ...campaignAlert, status: 'escalated' as const, escalationReason: 'referred' as const, requestedCap: 1 };
    expect(next(decide(referred, DEFAULT_ROCC_DECISION))).toMatchObject({ outcome: 'cap-imposed', imposedCap: 1 });
  });

  it('an offer waiting for release shows the latest date it is released on: the requested start plus 90 days', () => {
    expect(latestReleaseFor({ status: 'awaiting-release', requestedStartDate: '2026-09-01' })).toBe('2026-11-30');
    expect(latestReleaseFor({ status: 'offered', requestedStartDate: '2026-09-01' })).toBeNull();
    expect(latestReleaseFor({ status: 'submitted', requestedStartDate: null })).toBeNull();
  });
});
