import { config } from '../config';
import { applyDueOfficerDates, type OfficerDatesRun } from './apply-due-officer-dates';
import { raiseForecastWarnings, type WarningsRun } from './forecast-warnings';

export interface WorkforceDayRun {
  officers: OfficerDatesRun;
  warnings: WarningsRun;
}

/**
 * The daily workforce job's one course: first the officer dates that are due
 * (so the forecast starts from today's teams), then the early warning over
 * the configured window (`FORECAST_WARNING_MONTHS`, 6 by default).
 */
export async function runWorkforceDay(now = new Date()): Promise<WorkforceDayRun> {
  const officers = await applyDueOfficerDates(now);
  const warnings = await raiseForecastWarnings(now, { windowMonths: config().FORECAST_WARNING_MONTHS });
  return { officers, warnings };
}
