import { getAlert, updateAlertActions } from '../data/alert.repository';
import { listApplicationsOfCampaign } from '../data/application.repository';
import { endApplication } from './end-application';
import { actorOf, auditAction } from '../data/audit.repository';
import { getCampaign, memberOrgIds, saveCampaign } from '../data/campaign.repository';
import type { GuardedAction } from '../data/transact';
import { isCampaignOwnerHr } from '../domain/access';
import { canDo, completionRefusal } from '../domain/campaign-rules';
import { ConflictError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { DomainEvent } from '../notify/domain-event';
import { outboxActions } from '../data/outbox.repository';
import type { Campaign } from '../schemas/campaign.schema';

const LIVE = new Set(['open', 'escalated', 'cap-requested', 'informational']);

/** Close an open campaign to new applications (the owner's HR lead). */
export async function closeCampaign(identity: Identity, campaignId: string, note: string): Promise<Campaign> {
  const campaign = await getCampaign(campaignId, true);
  if (!campaign || !isCampaignOwnerHr(identity, campaign)) throw new NotFoundError(`No campaign ${campaignId} of yours.`);
  if (!canDo('close', campaign.status)) throw new ConflictError(`Only an open campaign can be closed; this one is ${campaign.status}.`);
  return saveCampaign(campaign, { ...campaign, status: 'closed' }, { version: campaign.version, via: 'body' }, { action: 'campaign.closed', actor: actorOf(identity), note });
}

const LIVE_APPLICATION = new Set(['submitted', 'shortlisted', 'offered', 'awaiting-release', 'accepted']);

/** Every application of a campaign, page by page (a campaign has tens to hundreds). */
async function allApplicationsOf(campaignId: string) {
  const all: Awaited<ReturnType<typeof listApplicationsOfCampaign>>['items'] = [];
  let cursor: string | undefined;
  do {
    const page = await listApplicationsOfCampaign(campaignId, {}, { limit: 100, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}

/**
 * The owner's HR lead completes a closed campaign once no application is
 * live (submitted, shortlisted, offered, awaiting-release): 409 naming each
 * one otherwise. Primary course: read the campaign (consistent), list its
 * applications, and write `completed` conditioned on the version read, so a
 * change to the campaign since (a ROCC's cap, another completion) is a 409,
 * not a lost update. Offers and acceptances check the campaign is open or
 * closed in their own transactions, so none lands once it is completed;
 * accepted offers still take effect on their start dates (the move job does
 * not look at the campaign's status), and shortlisted-but-not-appointed
 * candidates may be marked appointable for the candidate pool.
 */
export async function completeCampaign(identity: Identity, campaignId: string, note: string): Promise<Campaign> {
  const campaign = await getCampaign(campaignId, true);
  if (!campaign || !isCampaignOwnerHr(identity, campaign)) throw new NotFoundError(`No campaign ${campaignId} of yours.`);
  const notClosed = completionRefusal(campaign, []);
  if (notClosed) throw new ConflictError(notClosed.message, notClosed.details);
  const refusal = completionRefusal(campaign, await allApplicationsOf(campaign.id));
  if (refusal) throw new ConflictError(refusal.message, refusal.details);
  return saveCampaign(campaign, { ...campaign, status: 'completed' }, { version: campaign.version, via: 'body' }, { action: 'campaign.completed', actor: actorOf(identity), note });
}

/**
 * End every application still live on a cancelled campaign, each in its own
 * transaction (endApplication gives back offer slots and committedOut, and
 * withdraws pending release alerts). Offers and acceptances are conditioned
 * on the campaign being open or closed, so none can land once it is
 * cancelled; a sweep cut short is finished by cancelling again.
 */
async function endLiveApplications(campaignId: string, actor: ReturnType<typeof actorOf>): Promise<number> {
  let ended = 0;
  let cursor: string | undefined;
  do {
    const page = await listApplicationsOfCampaign(campaignId, {}, { limit: 50, ...(cursor ? { cursor } : {}) });
    for (const app of page.items.filter((a) => LIVE_APPLICATION.has(a.status))) {
      await endApplication(app, app.status === 'accepted' ? 'withdrawn' : 'rejected', actor);
      ended++;
    }
    cursor = page.cursor;
  } while (cursor);
  return ended;
}

/**
 * Cancel a campaign before it is completed. Primary course: the status change
 * and the withdrawal of every alert it still has open (nobody should be asked
 * to decide on a campaign that is not going ahead) in one transaction; then
 * every live application is ended, giving back what it held. Cancelling a
 * cancelled campaign again only finishes that sweep (a safe retry).
 */
export async function cancelCampaign(identity: Identity, campaignId: string, note: string): Promise<Campaign> {
  const campaign = await getCampaign(campaignId, true);
  if (!campaign || !isCampaignOwnerHr(identity, campaign)) throw new NotFoundError(`No campaign ${campaignId} of yours.`);
  const actor = actorOf(identity);
  if (campaign.status === 'cancelled') {
    await endLiveApplications(campaign.id, actor);
    return campaign;
  }
  if (!canDo('cancel', campaign.status)) throw new ConflictError(`A campaign that is ${campaign.status} cannot be cancelled.`);
  const at = new Date().toISOString();
  const live = Object.entries(campaign.consultation).filter(([, e]) => LIVE.has(e.status));
  const alerts = await Promise.all(live.map(([, e]) => getAlert(e.alertId)));
  const actions: GuardedAction[] = [];
  const events: DomainEvent[] = [];
  const consultation = { ...campaign.consultation };
  for (const alert of alerts) {
    if (!alert) continue;
    const next = { ...alert, status: 'withdrawn' as const, outcome: 'campaign-cancelled', dueAt: null, updatedAt: at, version: alert.version + 1 };
    consultation[alert.orgId] = { ...consultation[alert.orgId]!, status: 'withdrawn', outcome: 'campaign-cancelled' };
    actions.push(
      ...updateAlertActions(next, { version: alert.version, via: 'body' }),
      auditAction({ entityType: 'alert', entityId: alert.id, action: 'alert.withdrawn', actor, orgIds: [alert.orgId, ...memberOrgIds(campaign)], at, note: 'The campaign was cancelled.' }),
    );
    events.push({ type: 'alert.withdrawn', at, audiences: next.audiences, summary: `${campaign.title} was cancelled: no decision is needed on this alert`, subject: { type: 'alert', id: alert.id } });
  }
  const saved = await saveCampaign(
    campaign,
    { ...campaign, status: 'cancelled', consultation },
    { version: campaign.version, via: 'body' },
    { action: 'campaign.cancelled', actor, note },
    [...actions, ...outboxActions(events)],
  );
  await endLiveApplications(saved.id, actor);
  return saved;
}
