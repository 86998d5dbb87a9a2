import { campaignRoutes } from '../../shared/api/routes/campaign.routes';
import { listCampaigns } from '../../shared/data/campaign.repository';
import { ForbiddenError } from '../../shared/errors';
import { defineHandler } from '../../shared/http/handler';
import type { Page } from '../../shared/data/paging';
import type { CampaignSummary } from '../../shared/schemas/campaign.schema';
import { campaignSummaryView } from '../../shared/use-cases/campaign-view';

const withWindows = (page: Page<CampaignSummary>) => ({ ...page, items: page.items.map((c) => campaignSummaryView(c)) });

/**
 * Officers see open campaigns only (with whether each takes applications
 * today: an open one may still be waiting for its opening date). Without a filter, staff see their own
 * organisation's campaigns; drafts are listed only to their own organisation.
 */
export const handler = defineHandler(campaignRoutes.listCampaigns, async ({ identity, query }) => {
  const onlyOfficer = identity.roles.every((r) => r === 'officer');
  if (onlyOfficer) {
    if (query.status && query.status !== 'open') throw new ForbiddenError('Officers see open campaigns only.');
    return withWindows(await listCampaigns({ status: 'open', capabilityId: query.capabilityId, orgId: query.orgId }, query));
  }
  if (query.status === 'draft' && query.orgId !== identity.org) {
    return withWindows(await listCampaigns({ status: 'draft', orgId: identity.org, capabilityId: query.capabilityId }, query));
  }
  const orgId = query.orgId ?? (query.status || query.capabilityId ? undefined : identity.org);
  const page = await listCampaigns({ status: query.status, capabilityId: query.capabilityId, orgId }, query);
  // Another organisation's drafts stay private even when listing by capability or by that organisation.
  const items = orgId === identity.org ? page.items : page.items.filter((c) => c.status !== 'draft');
  return withWindows({ ...page, items });
});
