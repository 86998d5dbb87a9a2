import { describe, expect, it } from 'vitest';
import { forecastTeams, type ForecastOfficer } from '../../shared/domain/forecast';
import { breachCauses, forecastAlertId, longDate, planWarnings } from '../../shared/domain/forecast-warning';

const TODAY = '2026-12-02';
let n = 0;
const officer = (extra: Partial<ForecastOfficer> = {}): ForecastOfficer => ({ id: `off_${++n}`, homeOrgId: 'titan', status: 'active', capabilities: ['cyber'], ...extra });
const posted = (until: string) => officer({ homeOrgId: 'greater-manchester', servingOrgId: 'titan', servingUntil: until });
const forecast = (officers: ForecastOfficer[], minimum = 7, funding?: { source: string; posts: number; until?: string }[]) =>
  forecastTeams({ orgId: 'titan', asOf: TODAY, months: 6, teams: [{ capabilityId: 'cyber', minimum, establishment: 10, funding }], officers });
const team = (extra: ForecastOfficer[] = [], minimum = 7, funding?: { source: string; posts: number; until?: string }[]) =>
  forecast([...Array.from({ length: 6 }, () => officer()), posted('2027-03-31'), posted('2027-03-31'), posted('2027-03-31'), ...extra], minimum, funding);

describe('the early warning', () => {
  it('warns of a breach within the window, naming its causes in words', () => {
    const plan = planWarnings('titan', team([], 7, [{ source: 'Home Office ROCU grant', posts: 4, until: '2027-03-31' }]), [], 6);
    expect(plan.resolve).toEqual([]);
    expect(plan.raise).toEqual([
      expect.objectContaining({ capabilityId: 'cyber', month: '2027-03', monthsAhead: 3, projected: 6, minimum: 7, projectedToday: 9, alertId: forecastAlertId('titan', 'cyber', '2027-03') }),
    ]);
    expect(plan.raise[0]!.causes).toBe('three postings end on 31 March 2027; funding for four posts ends (Home Office ROCU grant) on 31 March 2027');
  });

  it('does not warn beyond the window, nor of a team already below its minimum today', () => {
    expect(planWarnings('titan', team(), [], 2).raise).toEqual([]);
    expect(planWarnings('titan', team([], 10), [], 6).raise).toEqual([]);
  });

  it('a live warning for the same month stands; a recovered team’s is resolved; a moved breach is a new warning', () => {
    const live = [{ capabilityId: 'cyber', alertId: 'alt_x', month: '2027-03' }];
    expect(planWarnings('titan', team(), live, 6)).toEqual({ raise: [], resolve: [] });
    expect(planWarnings('titan', team([], 6), live, 6).resolve).toEqual([{ ...live[0], reason: 'recovered' }]);
    const leavers = Array.from({ length: 4 }, () => officer({ leavingOn: '2027-01-10' }));
    const earlier = planWarnings('titan', team(leavers, 10), live, 6);
    expect(earlier.resolve).toEqual([{ ...live[0], reason: 'superseded' }]);
    expect(earlier.raise[0]).toMatchObject({ month: '2027-01', causes: 'four officers leave on 10 January 2027' });
  });

  it('one id per unit, team and month', () => {
    expect(forecastAlertId('titan', 'cyber', '2027-03')).toBe(forecastAlertId('titan', 'cyber', '2027-03'));
    expect(forecastAlertId('titan', 'cyber', '2027-04')).not.toBe(forecastAlertId('titan', 'cyber', '2027-03'));
    expect(forecastAlertId('titan', 'cyber', '2027-03')).toMatch(/^alt_[0-9a-z]+$/);
  });

  it('words for dates and single events', () => {
    expect(longDate('2027-03-01')).toBe('1 March 2027');
    const [item] = forecast([officer(), officer({ leavingOn: '2027-02-01' })], 2);
    expect(breachCauses(item!, item!.firstBreach!.monthsAhead)).toBe('one officer leaves on 1 February 2027');
  });
});
