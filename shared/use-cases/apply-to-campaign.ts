import { applicationAudit, newApplicationActions, officerVersionCheck, type StoredApplication } from '../data/application.repository';
import { actorOf } from '../data/audit.repository';
import { campaignTakingApplicationsCheck, getCampaign } from '../data/campaign.repository';
import { getOfficer } from '../data/officer.repository';
import { transactWrite } from '../data/transact';
import { ready } from '../domain/campaign-readiness';
import { eligibilityRefusals } from '../domain/application-rules';
import { applicationWindowRefusal } from '../domain/campaign-rules';
import { todayIso } from '../domain/working-days';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import { newId } from '../ids';
import { submittedApplication } from './application-access';

/**
 * An officer applies to a campaign. Primary course: read the campaign and the
 * caller's officer record (in parallel); refuse a campaign that is not
 * taking applications today (409: not open, before its opening date or after
 * its closing date, with the date) and an officer who does not meet the role
 * profile (403, naming every reason); then one transaction puts the
 * application and its one-per-officer-per-campaign claim, checks the campaign
 * is still open with today inside its dates and the officer record still the
 * one judged eligible, and writes the audit entry.
 */
export async function applyToCampaign(identity: Identity, campaignId: string, input: { statement: string }, now = new Date()): Promise<StoredApplication> {
  if (!identity.officerId) throw new ForbiddenError('Your account is not linked to an officer record; ask your HR lead.');
  const [campaign, officer] = await Promise.all([getCampaign(campaignId, true), getOfficer(identity.officerId, true)]);
  // Drafts are not visible to applicants at all.
  if (!campaign || campaign.status === 'draft') throw new NotFoundError(`No campaign ${campaignId}.`);
  if (!officer) throw new ForbiddenError('Your officer record was not found; ask your HR lead.');
  const today = todayIso(now);
  const closed = applicationWindowRefusal(campaign, today);
  if (closed) throw new ConflictError(closed.message, [{ field: closed.field, message: closed.message }]);
  const refusals = eligibilityRefusals(officer, ready(campaign).roleProfile, today);
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
    // The read above could be stale by now, and the day may have turned: the campaign must still take
    // applications today when the application lands (the dates are in the condition, not only the status).
    campaignTakingApplicationsCheck(campaign.id, today, () => new ConflictError('The campaign stopped taking applications while you were applying.')),
    officerVersionCheck(officer.id, officer.version, () => new ConflictError('Your officer record changed while you were applying. Try again.')),
    applicationAudit(app, 'application.submitted', actor, at, { campaignId: campaign.id, homeOrgId: officer.homeOrgId }),
  ]);
  return app;
}
