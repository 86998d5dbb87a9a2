import { applicationAudit, campaignStatusCheck, newApplicationActions, officerVersionCheck, type StoredApplication } from '../data/application.repository';
import { actorOf } from '../data/audit.repository';
import { getCampaign } from '../data/campaign.repository';
import { getOfficer } from '../data/officer.repository';
import { transactWrite } from '../data/transact';
import { eligibilityRefusals } from '../domain/application-rules';
import { todayIso } from '../domain/working-days';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import { newId } from '../ids';
import { submittedApplication } from './application-access';

/**
 * An officer applies to a campaign. Primary course: read the campaign and the
 * caller's officer record (in parallel); refuse a campaign that is not open
 * (409) and an officer who does not meet the role profile (403, naming every
 * reason); then one transaction puts the application and its
 * one-per-officer-per-campaign claim, checks the campaign is still open and
 * the officer record still the one judged eligible, and writes the audit entry.
 */
export async function applyToCampaign(identity: Identity, campaignId: string, input: { statement: string }, now = new Date()): Promise<StoredApplication> {
  if (!identity.officerId) throw new ForbiddenError('Your account is not linked to an officer record; ask your HR lead.');
  const [campaign, officer] = await Promise.all([getCampaign(campaignId, true), getOfficer(identity.officerId, true)]);
  // Drafts are not visible to applicants at all.
  if (!campaign || campaign.status === 'draft') throw new NotFoundError(`No campaign ${campaignId}.`);
  if (!officer) throw new ForbiddenError('Your officer record was not found; ask your HR lead.');
  if (campaign.status !== 'open') {
    throw new ConflictError(`The campaign is ${campaign.status}: applications are taken only while it is open.`, [
      { field: 'status', message: campaign.status },
    ]);
  }
  const refusals = eligibilityRefusals(officer, campaign.roleProfile, todayIso(now));
  if (refusals.length) {
    throw new ForbiddenError(
      `You are not eligible for this role: ${refusals.map((r) => r.message).join('; ')}.`,
      refusals.map((r) => ({ field: 'eligibility', code: r.code, message: r.message })),
    );
  }

  const actor = actorOf(identity);
  const at = now.toISOString();
  const app = submittedApplication(newId('app', now.getTime()), campaign, officer, input.statement, actor, at);
  await transactWrite([
    ...newApplicationActions(app),
    // The status read above could be stale by now: the campaign must still be open when the application lands.
    campaignStatusCheck(campaign.id, ['open'], () => new ConflictError('The campaign closed while you were applying.')),
    officerVersionCheck(officer.id, officer.version, () => new ConflictError('Your officer record changed while you were applying. Try again.')),
    applicationAudit(app, 'application.submitted', actor, at, { campaignId: campaign.id, homeOrgId: officer.homeOrgId }),
  ]);
  return app;
}
