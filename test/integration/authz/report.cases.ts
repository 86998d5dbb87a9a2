import { users } from '../support/api';
import type { CaseBuilder } from './cross-org-case';

/**
 * The reports hold aggregates, not records. What each caller sees is scoped
 * inside the response, and reports.test checks it: the pipeline shows an HR
 * lead only their own organisation's row, the calendar shows drafts only to
 * their owner's and partners' HR leads.
 */
export const buildCases: CaseBuilder = async () => ({
  getCapabilityHeatmap: { notScoped: 'the national ROCU × capability picture that HR leads, ROCU heads and ROCCs coordinate by (a ROCC defaults to own regions)' },
  getPipPipeline: { notScoped: 'counts only; rows are the caller’s own organisation (ROCC: own regions), checked in reports.test' },
  getCapabilityForecast: { as: users.ersouHead, request: () => ({ url: '/v1/organisations/titan/forecast' }), expect: 403 },
  // TITAN's region: an HR lead other than the NCA's, and a ROCC of another region, are refused.
  getNetworkScenario: { as: users.ersouHr, request: () => ({ url: '/v1/reports/network-scenario?region=north-west' }), expect: 403 },
  getCampaignCalendar: { notScoped: 'campaign visibility rules apply per campaign (drafts only to their HR leads), checked in reports.test' },
});
