import { missingForPublish } from '../domain/campaign-readiness';
import { takesApplications } from '../domain/campaign-rules';
import { todayIso } from '../domain/working-days';
import type { Campaign, CampaignSummary, CampaignSummaryView, CampaignView } from '../schemas/campaign.schema';

/**
 * A campaign as the API shows it on `now`'s date: with whether officers can
 * apply today, worked out on the way out (never stored: it changes with the
 * date, not with a write).
 */
export function campaignView(c: Campaign, now = new Date()): CampaignView {
  return { ...c, takingApplications: takesApplications(c, todayIso(now)), missingForPublish: missingForPublish(c) };
}

export function campaignSummaryView(c: CampaignSummary, now = new Date()): CampaignSummaryView {
  return { ...c, takingApplications: takesApplications(c, todayIso(now)) };
}
