import { applicationFromItem, listApplicationsOfCampaign, type StoredApplication } from '../data/application.repository';
import { getCampaign } from '../data/campaign.repository';
import type { Page } from '../data/paging';
import { listApplicationsOfOfficerOfType } from '../data/secondment.repository';
import { isCampaignHr } from '../domain/access';
import type { ApplicationStatus } from '../domain/application-rules';
import { ForbiddenError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';

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
  return page;
}

/**
 * The caller's own campaign applications, newest first. Secondment
 * applications share the officer's partition (`GET /v1/me/secondment-applications`
 * lists those), so the Query keeps only the campaign ones.
 */
export async function listMyApplications(identity: Identity, query: { limit: number; cursor?: string }): Promise<Page<StoredApplication>> {
  if (!identity.officerId) throw new ForbiddenError('Your account is not linked to an officer record; ask your HR lead.');
  return listApplicationsOfOfficerOfType(identity.officerId, 'campaign', applicationFromItem, query);
}
