import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OfficerCommitment } from '../../shared/domain/commitments';
import { forecastTeams, monthEnd, type ForecastOfficer, type ForecastTeam } from '../../shared/domain/forecast';
import { counterDeltas } from '../../shared/domain/officer-counters';

const TODAY = '2026-12-02';
const team = (capabilityId: string, minimum = 0, extra: Partial<ForecastTeam> = {}): ForecastTeam => ({ capabilityId, minimum, establishment: 0, ...extra });
let n = 0;
const officer = (extra: Partial<ForecastOfficer> = {}): ForecastOfficer => ({ id: `off_${++n}`, homeOrgId: 'titan', status: 'active', capabilities: ['cyber'], ...extra });
const posted = (until: string, extra: Partial<ForecastOfficer> = {}) => officer({ homeOrgId: 'greater-manchester', servingOrgId: 'titan', servingUntil: until, ...extra });
const secondment = (startDate: string, endDate: string, id = 'sec_1'): OfficerCommitment => ({ kind: 'secondment', applicationId: id, title: 'NCA placement', fromOrgId: 'titan', toOrgId: 'nca', startDate, endDate });
const move = (startDate: string, toOrgId = 'nca', id = 'app_1'): OfficerCommitment => ({ kind: 'move', applicationId: id, title: 'NCA cyber', fromOrgId: 'titan', toOrgId, startDate, endDate: null });

function cyber(officers: ForecastOfficer[], opts: { months?: number; asOf?: string; teams?: ForecastTeam[]; orgId?: string } = {}) {
  const items = forecastTeams({ orgId: opts.orgId ?? 'titan', asOf: opts.asOf ?? TODAY, months: opts.months ?? 24, teams: opts.teams ?? [team('cyber', 3)], officers });
  return items.find((i) => i.capabilityId === 'cyber')!;
}
const byMonth = (item: ReturnType<typeof cyber>) => Object.fromEntries(item.months.map((m) => [m.month, m]));

describe('month boundaries', () => {
  it('month ends follow the calendar, leap years included', () => {
    expect(monthEnd('2027-01-15', 1)).toBe('2027-02-28');
    expect(monthEnd('2028-01-31', 1)).toBe('2028-02-29');
    expect(monthEnd('2099-12-31', 2)).toBe('2100-02-28');
    expect(monthEnd('2026-12-02', 0)).toBe('2026-12-31');
    expect(monthEnd('2026-12-02', 3)).toBe('2027-03-31');
  });

  it('gives today then the end of each of the next months', () => {
    const item = cyber([officer()], { months: 3 });
    expect(item.months.map((m) => [m.month, m.at])).toEqual([
      ['2026-12', TODAY],
      ['2027-01', '2027-01-31'],
      ['2027-02', '2027-02-28'],
      ['2027-03', '2027-03-31'],
    ]);
  });

  it('a posting ending on the last day of March shows in March; one ending on 1 April shows in April', () => {
    const item = cyber([posted('2027-03-31'), posted('2027-04-01'), officer()], { months: 6 });
    const m = byMonth(item);
    expect([m['2027-02']!.strength, m['2027-03']!.strength, m['2027-04']!.strength]).toEqual([3, 2, 1]);
    expect(item.events.filter((e) => e.kind === 'posting-end').map((e) => [e.date, e.delta])).toEqual([
      ['2027-03-31', -1],
      ['2027-04-01', -1],
    ]);
  });

  it('a posting ending on 29 February of a leap year shows in February', () => {
    const item = cyber([posted('2028-02-29'), officer()], { asOf: '2027-12-15', months: 4 });
    expect(byMonth(item)['2028-02']!.strength).toBe(1);
    expect(byMonth(item)['2028-01']!.strength).toBe(2);
  });

  it('an event due today or already overdue shows from the first month end, not in today’s figures', () => {
    const item = cyber([posted(TODAY), officer({ leavingOn: '2026-11-30' })], { months: 1 });
    expect(item.months[0]!.strength).toBe(2);
    expect(item.months[1]!.strength).toBe(0);
  });

  it('nothing past the horizon', () => {
    const item = cyber([posted('2029-01-31')], { months: 24 });
    expect(item.months).toHaveLength(25);
    expect(item.events).toEqual([]);
    expect(item.months.at(-1)!.strength).toBe(1);
  });
});

describe('what moves the figures', () => {
  it('a move-out leaves strength and committedOut together on its start date: projected was already down', () => {
    const item = cyber([officer({ commitments: [move('2027-02-01')] }), officer()], { months: 3 });
    const m = byMonth(item);
    expect(m['2026-12']).toMatchObject({ strength: 2, committedOut: 1, projected: 1 });
    expect(m['2027-01']).toMatchObject({ strength: 2, committedOut: 1, projected: 1 });
    expect(m['2027-02']).toMatchObject({ strength: 1, committedOut: 0, projected: 1 });
    expect(item.events).toEqual([expect.objectContaining({ kind: 'move-out', date: '2027-02-01', delta: 0, strengthDelta: -1, committedOutDelta: -1 })]);
  });

  it('an officer arriving on a move counts from its start date, and is a move-in', () => {
    const arriving = officer({ homeOrgId: 'ersou', commitments: [{ ...move('2027-01-10', 'titan'), fromOrgId: 'ersou' }] });
    const item = cyber([arriving], { months: 2 });
    expect(item.months.map((m) => m.strength)).toEqual([0, 1, 1]);
    expect(item.events[0]).toMatchObject({ kind: 'move-in', delta: 1 });
  });

  it('a secondment is counted out from confirmation to its return; its start is on the roster, moving nothing', () => {
    const item = cyber([officer({ commitments: [secondment('2027-01-05', '2027-04-05')] })], { months: 5 });
    expect(item.months.map((m) => m.projected)).toEqual([0, 0, 0, 0, 1, 1]);
    expect(item.events.map((e) => [e.kind, e.delta])).toEqual([
      ['secondment-out', 0],
      ['secondment-return', 1],
    ]);
  });

  it('a posting’s end returns the officer to the home’s forecast', () => {
    const item = cyber([posted('2027-03-31')], { orgId: 'greater-manchester', teams: [team('cyber', 1)], months: 4 });
    expect(item.months.map((m) => m.strength)).toEqual([0, 0, 0, 1, 1]);
    expect(item.events[0]).toMatchObject({ kind: 'posting-end', delta: 1 });
  });

  it('an extended posting ends on its new date', () => {
    const before = cyber([posted('2027-03-31')], { months: 12 });
    const after = cyber([posted('2027-09-30')], { months: 12 });
    expect(byMonth(before)['2027-06']!.strength).toBe(0);
    expect(byMonth(after)['2027-06']!.strength).toBe(1);
    expect(byMonth(after)['2027-09']!.strength).toBe(0);
  });

  it('a leaver who is also committed is counted once: strength and committedOut drop together', () => {
    const item = cyber([officer({ leavingOn: '2027-02-15', commitments: [secondment('2027-01-01', '2027-06-30')] }), officer()], { months: 8 });
    const m = byMonth(item);
    expect(m['2027-01']).toMatchObject({ strength: 2, committedOut: 1, projected: 1 });
    expect(m['2027-02']).toMatchObject({ strength: 1, committedOut: 0, projected: 1 });
    expect(m['2027-07']).toMatchObject({ strength: 1, committedOut: 0, projected: 1 });
    expect(item.events.filter((e) => e.kind === 'secondment-return')).toEqual([]);
    expect(item.events.find((e) => e.kind === 'leaving')).toMatchObject({ delta: 0, strengthDelta: -1, committedOutDelta: -1 });
  });

  it('on one day a move goes before the posting’s end: the officer never goes home', () => {
    const mover = posted('2027-03-01', { commitments: [move('2027-03-01')] });
    const home = cyber([mover], { orgId: 'greater-manchester', months: 4 });
    expect(home.months.every((m) => m.strength === 0)).toBe(true);
    expect(home.events).toEqual([]);
  });

  it('an officer counts in every team they hold, and leaves each of them on the same date', () => {
    const items = forecastTeams({ orgId: 'titan', asOf: TODAY, months: 4, teams: [team('cyber', 1), team('digital-forensics', 1)], officers: [posted('2027-02-01', { capabilities: ['cyber', 'digital-forensics'] })] });
    for (const item of items) {
      expect(item.months[3]).toMatchObject({ strength: 0, level: 'critical' });
      expect(item.firstBreach).toEqual({ month: '2027-02', monthsAhead: 2, projected: 0, minimum: 1 });
    }
  });
});

describe('funding lines and breaches', () => {
  it('a funding line ending drops the establishment on that date, and is an event', () => {
    const teams = [team('cyber', 1, { funding: [{ source: 'Home Office ROCU grant', posts: 4, until: '2027-03-31' }, { source: 'Forces', posts: 6 }] })];
    const item = cyber([officer()], { teams, months: 5 });
    const m = byMonth(item);
    expect([m['2026-12']!.establishment, m['2027-02']!.establishment, m['2027-03']!.establishment]).toEqual([10, 10, 6]);
    expect(item.events).toEqual([expect.objectContaining({ kind: 'funding-end', date: '2027-03-31', delta: -4 })]);
  });

  it('the first breach is the first month whose projection falls below the minimum', () => {
    const officers = [posted('2027-03-31'), posted('2027-03-31'), posted('2027-03-31'), ...Array.from({ length: 5 }, () => officer())];
    const item = cyber(officers, { teams: [team('cyber', 7)], months: 12 });
    expect(item.firstBreach).toEqual({ month: '2027-03', monthsAhead: 3, projected: 5, minimum: 7 });
    expect(cyber(officers, { teams: [team('cyber', 5)] }).firstBreach).toBeNull();
    expect(cyber(officers, { teams: [team('cyber', 0)] }).firstBreach).toBeNull();
  });

  it('one capability only, when asked', () => {
    const items = forecastTeams({ orgId: 'titan', asOf: TODAY, months: 2, teams: [team('cyber'), team('fraud')], officers: [officer({ capabilities: ['fraud'] })], capabilityId: 'fraud' });
    expect(items.map((i) => i.capabilityId)).toEqual(['fraud']);
  });
});

describe('today’s figures are the counters', () => {
  const date = fc.integer({ min: 0, max: 900 }).map((d) => new Date(Date.UTC(2026, 10, 1 + d)).toISOString().slice(0, 10));
  const caps = fc.subarray(['cyber', 'fraud', 'digital-forensics'], { minLength: 1 });
  const anOfficer = fc.record({
    home: fc.constantFrom('titan', 'greater-manchester', 'ersou'),
    serving: fc.constantFrom<'home' | 'titan' | 'ersou'>('home', 'titan', 'ersou'),
    until: date,
    leavingOn: fc.option(date, { nil: null }),
    left: fc.boolean(),
    caps,
    commitment: fc.option(fc.oneof(date.map((d) => move(d, 'nca')), fc.tuple(date, date).map(([a, b]) => secondment(a < b ? a : b, a < b ? b : a))), { nil: null }),
  });

  it('month 0 of every team equals what counterDeltas counts for the same officers', () => {
    fc.assert(
      fc.property(fc.array(anOfficer, { maxLength: 25 }), (rows) => {
        const officers: ForecastOfficer[] = rows.map((r, i) => {
          const servingOrgId = r.serving === 'home' || r.serving === r.home ? null : r.serving;
          return {
            id: `off_p${i}`,
            homeOrgId: r.home,
            servingOrgId,
            servingUntil: servingOrgId ? r.until : null,
            leavingOn: r.leavingOn,
            status: r.left ? 'left' : 'active',
            capabilities: r.caps,
            commitments: r.commitment ? [r.commitment] : [],
          };
        });
        for (const orgId of ['titan', 'greater-manchester', 'ersou']) {
          const expected = new Map<string, { strength: number; committedOut: number }>();
          for (const o of officers) {
            for (const d of counterDeltas(undefined, { ...o, vetting: 'sc', pipLevel: 2, committed: (o.commitments ?? []).length > 0 })) {
              if (d.orgId !== orgId) continue;
              const e = expected.get(d.capabilityId) ?? { strength: 0, committedOut: 0 };
              expected.set(d.capabilityId, { strength: e.strength + d.strength, committedOut: e.committedOut + d.committedOut });
            }
          }
          for (const item of forecastTeams({ orgId, asOf: TODAY, months: 24, teams: [], officers })) {
            const e = expected.get(item.capabilityId) ?? { strength: 0, committedOut: 0 };
            expect({ strength: item.months[0]!.strength, committedOut: item.months[0]!.committedOut }).toEqual(e);
            // Every month: nobody counted out who is not counted in.
            for (const m of item.months) expect(m.committedOut).toBeLessThanOrEqual(m.strength);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
