import { listCampaigns, type CampaignListItem } from '../data/campaign.repository';
import type { Page } from '../data/paging';
import { canSeeCampaign } from '../domain/access';
import type { CampaignStatus } from '../domain/campaign-rules';
import { ForbiddenError } from '../errors';
import type { Identity } from '../http/identity';

export interface CampaignListQuery {
  status?: CampaignStatus;
  capabilityId?: string;
  orgId?: string;
  limit: number;
  cursor?: string;
}

/**
 * List campaigns. Primary course: pick the one Query that serves the filters
 * (an organisation's membership partition, a status, or a capability; with no
 * filter, the caller's own organisation; drafts are only ever listed from the
 * caller's own organisation's partition), then keep the campaigns the caller
 * may open: the same rule as `GET /v1/campaigns/{id}` (canSeeCampaign), so a
 * list never shows a draft whose read would be a 404. Hidden items are left
 * out after the Query's limit, like a filter: a page may be short and still
 * carry a cursor.
 */
export async function listVisibleCampaigns(identity: Identity, query: CampaignListQuery): Promise<Page<CampaignListItem>> {
  const page = { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) };
  const onlyOfficer = identity.roles.every((r) => r === 'officer');
  let result: Page<CampaignListItem>;
  if (onlyOfficer) {
    if (query.status && query.status !== 'open') throw new ForbiddenError('Officers see open campaigns only.');
    result = await listCampaigns({ status: 'open', capabilityId: query.capabilityId, orgId: query.orgId }, page);
  } else if (query.status === 'draft') {
    result = await listCampaigns({ status: 'draft', orgId: identity.org, capabilityId: query.capabilityId }, page);
  } else {
    const orgId = query.orgId ?? (query.status || query.capabilityId ? undefined : identity.org);
    result = await listCampaigns({ status: query.status, capabilityId: query.capabilityId, orgId }, page);
  }
  return { ...result, items: result.items.filter((c) => canSeeCampaign(identity, c)) };
}
