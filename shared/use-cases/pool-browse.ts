import { getCampaign } from '../data/campaign.repository';
import type { Page } from '../data/paging';
import { applicantsAndInvitations, listPoolEntries } from '../data/pool.repository';
import { isCampaignHr } from '../domain/access';
import { poolEntryVisible, selectPoolEntries } from '../domain/pool-rules';
import { NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { PoolEntryView } from '../schemas/pool.schema';

/**
 * The candidate pool as seen from one campaign, for the HR leads of its owner
 * and partners (anyone else: 404). Primary course: read the campaign; Query
 * one page of the pool of its capability, newest first; keep the entries the
 * caller may see (see `poolEntryVisible`); one BatchGetItem then tells which
 * of those officers already applied to this campaign (left out) and which it
 * has invited. Filtering happens after the Query's limit, as a
 * FilterExpression would, so a page may hold fewer items than asked for and
 * still carry a cursor.
 */
export async function listCandidatePool(
  identity: Identity,
  campaignId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<PoolEntryView>> {
  const campaign = await getCampaign(campaignId);
  if (!campaign || !isCampaignHr(identity, campaign)) throw new NotFoundError(`No campaign ${campaignId} of yours.`);
  const page = await listPoolEntries(campaign.capabilityId, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
  const visible = page.items.filter((e) => poolEntryVisible(e, campaign, identity.org));
  const { applied, invitedAt } = await applicantsAndInvitations(
    campaign.id,
    visible.map((e) => e.officerId),
  );
  const items = selectPoolEntries(visible, campaign, identity.org, applied).map((e) => ({ ...e, invitedAt: invitedAt.get(e.officerId) ?? null }));
  return { items, ...(page.cursor ? { cursor: page.cursor } : {}) };
}
