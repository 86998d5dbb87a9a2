import { describe, expect, it } from 'vitest';
import { deferralViolation, latestReleaseDate, MAX_DEFERRAL_DAYS } from '../../shared/domain/offer-gate';

describe('how long a release can be deferred', () => {
  it('the longest deferral is 90 days, the longest notice an officer gives', () => {
    expect(MAX_DEFERRAL_DAYS).toBe(90);
    expect(latestReleaseDate('2026-09-01')).toBe('2026-11-30');
  });

  it.each([
    ['2026-11-15', '2027-02-13', 'across the new year'],
    ['2027-12-01', '2028-02-29', 'into a leap day'],
    ['2026-03-01', '2026-05-30', 'across the clocks going forward (dates, not hours)'],
  ])('the latest release date for a start on %s is %s (%s)', (start, latest) => {
    expect(latestReleaseDate(start)).toBe(latest);
  });

  it.each([
    ['2026-09-01', 'on the requested start (0 days)'],
    ['2026-10-31', '60 days after the start, as in the TITAN story'],
    ['2026-11-30', 'exactly 90 days after the start'],
  ])('a release on %s is allowed: %s', (releaseDate) => {
    expect(deferralViolation('2026-09-01', releaseDate)).toBeUndefined();
  });

  it('a release 91 days after the start is refused, and the message names the latest date allowed', () => {
    const message = deferralViolation('2026-09-01', '2026-12-01');
    expect(message).toContain('90 days');
    expect(message).toContain('2026-11-30');
  });

  it('a release before the requested start is refused, naming the start', () => {
    expect(deferralViolation('2026-09-01', '2026-08-31')).toContain('before the requested start (2026-09-01)');
  });
});
