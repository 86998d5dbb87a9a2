import { addDays, daysBetween } from './working-days';

/** The longest notice an officer gives: a release can be deferred at most this long after the requested start. */
export const MAX_DEFERRAL_DAYS = 90;

/** 90 days after the requested start; past the service's calendar it is a 400 on `field`. */
export function latestReleaseDate(requestedStart: string, field = 'releaseDate'): string {
  return addDays(requestedStart, MAX_DEFERRAL_DAYS, field);
}

/** A deferral must fall between the requested start and 90 days after it. */
export function deferralViolation(requestedStart: string, releaseDate: string): string | undefined {
  const days = daysBetween(requestedStart, releaseDate);
  if (days < 0) return `the release date cannot be before the requested start (${requestedStart})`;
  if (days > MAX_DEFERRAL_DAYS) return `the release date can be at most ${MAX_DEFERRAL_DAYS} days after the requested start, i.e. by ${latestReleaseDate(requestedStart)}`;
  return undefined;
}
