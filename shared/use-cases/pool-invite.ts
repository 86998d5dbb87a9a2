import { campaignStatusCheck, getApplication } from '../data/application.repository';
import { actorOf, auditAction } from '../data/audit.repository';
import { getCampaign, memberOrgIds } from '../data/campaign.repository';
import { notYetAppliedCheck, poolEntryExistsCheck, putInvitationAction, type StoredInvitation } from '../data/pool.repository';
import { transactWrite } from '../data/transact';
import { isCampaignHr } from '../domain/access';
import { ready } from '../domain/campaign-readiness';
import { poolEntryVisible } from '../domain/pool-rules';
import { ConflictError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { DomainEvent } from '../notify/domain-event';
import { outboxActions } from '../data/outbox.repository';

/**
 * An HR lead of an open campaign invites a pooled candidate to apply.
 * Primary course: read the campaign and the pool entry's source application
 * in parallel (the application carries everything the visibility rule needs:
 * consent, source campaign and its organisations); then one transaction puts
 * the invitation (once per officer per campaign: a second is 409), checks
 * the campaign is still open, that the candidate is still in the pool
 * (consent may have been withdrawn since) and has not applied meanwhile, and
 * writes the audit entry on the campaign's trail. Then the officer is told.
 */
export async function inviteCandidate(
  identity: Identity,
  campaignId: string,
  input: { entryId: string; message?: string | undefined },
  now = new Date(),
): Promise<StoredInvitation> {
  const [campaign, app] = await Promise.all([getCampaign(campaignId, true), getApplication(input.entryId)]);
  if (!campaign || !isCampaignHr(identity, campaign)) throw new NotFoundError(`No campaign ${campaignId} of yours.`);
  const inPool =
    app !== undefined &&
    app.poolConsent === true &&
    app.capabilityId === campaign.capabilityId &&
    poolEntryVisible({ sourceCampaignId: app.campaignId, sourceOrgIds: app.campaignOrgIds }, campaign, identity.org);
  if (!inPool) throw new NotFoundError(`No candidate ${input.entryId} in this campaign’s pool.`);
  if (campaign.status !== 'open') {
    throw new ConflictError(`The campaign is ${campaign.status}: candidates are invited only while it is open and taking applications.`, [
      { field: 'status', message: campaign.status },
    ]);
  }

  const actor = actorOf(identity);
  const at = now.toISOString();
  const invitation: StoredInvitation = {
    campaignId: campaign.id,
    campaignTitle: campaign.title,
    capabilityId: campaign.capabilityId,
    closesOn: ready(campaign).closesOn,
    officerId: app.officerId,
    officerName: app.officerName,
    entryId: app.id,
    invitingOrgId: identity.org,
    invitedBy: identity.sub,
    invitedAt: at,
    message: input.message ?? null,
  };
  const event: DomainEvent = {
    type: 'candidate.invited',
    at,
    audiences: [`officer:${app.officerId}`],
    summary: `You are invited to apply: ${campaign.title} (closes ${campaign.closesOn})`,
    subject: { type: 'campaign', id: campaign.id, title: campaign.title, capabilityId: campaign.capabilityId, closesOn: campaign.closesOn },
    detail: { invitingOrgId: identity.org },
  };
  await transactWrite([
    putInvitationAction(invitation),
    ...outboxActions([event]),
    // What was read may be stale by now: each of these must still hold when the invitation lands.
    campaignStatusCheck(campaign.id, ['open'], () => new ConflictError('The campaign stopped taking applications while you were inviting.')),
    poolEntryExistsCheck(app, () => new ConflictError('The candidate has just withdrawn their consent to be shared; they are no longer in the pool.')),
    notYetAppliedCheck(campaign.id, app.officerId, () => new ConflictError('This officer has already applied to this campaign.')),
    auditAction({
      entityType: 'campaign',
      entityId: campaign.id,
      action: 'campaign.candidate-invited',
      actor,
      orgIds: memberOrgIds(campaign),
      at,
      changes: { officerId: app.officerId, entryId: app.id, sourceCampaignId: app.campaignId },
    }),
  ]);

  return invitation;
}
