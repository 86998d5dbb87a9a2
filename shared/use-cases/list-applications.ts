import { applicationFromItem, listApplicationsOfCampaign, type StoredApplication } from '../data/application.repository';
import { getCampaign } from '../data/campaign.repository';
import type { Page } from '../data/paging';
import { listApplicationsOfOfficerOfType, secondmentFromItem, type StoredSecondment } from '../data/secondment.repository';
import { isCampaignHr } from '../domain/access';
import type { ApplicationStatus } from '../domain/application-rules';
import { ForbiddenError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import { applicationView } from './application-access';

/**
 * A campaign's applications, for the HR leads of its owner and partners.
 * The campaign and the first page are read in parallel; the page is shown
 * only if the caller may see it (anyone else gets 404).
 */
export async function listCampaignApplications(
  identity: Identity,
  campaignId: string,
  query: { status?: ApplicationStatus; limit: number; cursor?: string },
): Promise<Page<StoredApplication>> {
  const [campaign, page] = await Promise.all([getCampaign(campaignId), listApplicationsOfCampaign(campaignId, { status: query.status }, query)]);
  if (!campaign || !isCampaignHr(identity, campaign)) throw new NotFoundError(`No campaign ${campaignId} of yours.`);
  return { ...page, items: page.items.map(applicationView) };
}

/**
 * The caller's own applications, newest first: campaign applications and
 * secondment applications share the officer's gsi2 partition, so one Query
 * lists both (`type` narrows it to one kind, as a filter on the partition).
 */
export async function listMyApplications(
  identity: Identity,
  query: { type?: 'campaign' | 'secondment'; limit: number; cursor?: string },
): Promise<Page<StoredApplication | StoredSecondment>> {
  if (!identity.officerId) throw new ForbiddenError('Your account is not linked to an officer record; ask your HR lead.');
  const fromItem = (item: Record<string, unknown>) => (item.applicationType === 'secondment' ? secondmentFromItem(item) : applicationView(applicationFromItem(item)));
  return listApplicationsOfOfficerOfType(identity.officerId, query.type, fromItem, query);
}
