import { audiencesOf, createAlertActions, getAlert, updateAlertActions, type StoredAlert } from '../data/alert.repository';
import { actorOf, auditAction } from '../data/audit.repository';
import { campaignsOfCapabilityOpeningBy, getCampaign, memberOrgIds, saveCampaign } from '../data/campaign.repository';
import { keys } from '../data/keys';
import { tableName } from '../data/client';
import { MAX_TRANSACTION_ACTIONS, type GuardedAction } from '../data/transact';
import { isCampaignOwnerHr } from '../domain/access';
import { campaignsCollide, canDo, hasDates } from '../domain/campaign-rules';
import { worstLevel } from '../domain/capability-level';
import { outstandingText, planPublish, type RaisePlan } from '../domain/consultation';
import { newAlert } from '../domain/new-alert';
import { missingForPublish, ready } from '../domain/campaign-readiness';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { Identity } from '../http/identity';
import { newId } from '../ids';
import type { DomainEvent } from '../notify/domain-event';
import { outboxActions } from '../data/outbox.repository';
import type { Campaign, ReadyCampaign } from '../schemas/campaign.schema';
import type { Organisation } from '../schemas/organisation.schema';
import { assessCampaignImpact } from './assess-campaign-impact';
import { businessMetric } from '../metrics';

export interface PublishResult {
  campaign: Campaign;
  raisedAlertIds: string[];
  outstanding: { orgId: string; alertId: string; status: string }[];
}

function impactAlert(campaign: ReadyCampaign, plan: RaisePlan, orgs: Map<string, Organisation>, now: Date): StoredAlert {
  const alert = newAlert({
    id: newId('alt'),
    kind: 'campaign-impact',
    orgId: plan.orgId,
    region: orgs.get(plan.orgId)?.region ?? null,
    capabilityId: plan.capabilityId,
    campaign,
    level: worstLevel(plan.teams.map((t) => t.level)),
    strength: plan.strength,
    projected: plan.projected,
    projectedAfter: plan.worstCase,
    minimum: plan.minimum,
    teams: plan.teams.map((t) => ({ capabilityId: t.capabilityId, strength: t.strength, projected: t.projected, projectedAfter: t.worstCase, minimum: t.minimum, level: t.level })),
    now,
  });
  return { ...alert, audiences: audiencesOf(alert, memberOrgIds(campaign)) };
}

function coordinationAlert(campaign: ReadyCampaign, other: Campaign, now: Date): StoredAlert {
  const alert = newAlert({
    id: newId('alt'),
    kind: 'coordination',
    orgId: other.ownerOrgId,
    region: null,
    capabilityId: campaign.capabilityId,
    campaign,
    otherCampaignId: other.id,
    level: 'ok',
    strength: 0,
    projected: 0,
    projectedAfter: 0,
    minimum: 0,
    now,
  });
  return { ...alert, audiences: audiencesOf(alert, [...new Set([campaign.ownerOrgId, other.ownerOrgId])]) };
}

function raisedEvent(alert: StoredAlert, summary: string): DomainEvent {
  return {
    type: 'alert.raised',
    at: alert.createdAt,
    audiences: alert.audiences,
    summary,
    subject: { type: 'alert', id: alert.id, kind: alert.kind, level: alert.level, orgId: alert.orgId, campaignId: alert.campaignId },
  };
}

/**
 * Publish a campaign (BRIEF.md rule 2). Primary course: assess its impact on
 * every ROCU; raise a campaign-impact alert for each critical or loss row
 * that has none (and an informational one for each warning row); if any
 * critical row is unanswered or unmet the campaign is in consultation,
 * otherwise it opens. Every alert, the status change, the consultation
 * entries and the audit entries are one transaction, conditioned on the
 * campaign version that was assessed. Publishing again while alerts are
 * outstanding is a 409 that names them. A first publication also raises a
 * coordination notice for each overlapping campaign for the same capability.
 */
export async function publishCampaign(identity: Identity, campaignId: string, now = new Date()): Promise<PublishResult> {
  const found = await getCampaign(campaignId, true);
  if (!found || !isCampaignOwnerHr(identity, found)) throw new NotFoundError(`No campaign ${campaignId} of yours.`);
  if (!canDo('publish', found.status)) throw new ConflictError(`A campaign that is ${found.status} cannot be published.`);
  const missing = missingForPublish(found);
  if (missing.length) {
    throw new ValidationError(`The campaign cannot be published yet. ${missing.map((m) => m.message).join('; ')}.`, missing);
  }
  const campaign = ready(found);

  const firstPublication = campaign.status === 'draft';
  const [{ assessment, organisations }, neighbours] = await Promise.all([
    assessCampaignImpact(campaign),
    firstPublication ? campaignsOfCapabilityOpeningBy(campaign.capabilityId, campaign.closesOn) : Promise.resolve([]),
  ]);
  const plan = planPublish(campaign, assessment);

  if (plan.outcome === 'blocked') {
    const outstanding = plan.outstanding.map((orgId) => ({ orgId, ...campaign.consultation[orgId]! }));
    throw new ConflictError(
      outstandingText(outstanding, (orgId) => organisations.get(orgId)?.name.split(' — ')[0] ?? orgId.toUpperCase()),
      outstanding.map((o) => ({ field: 'consultation', orgId: o.orgId, alertId: o.alertId, status: o.status, message: `${o.orgId} alert ${o.alertId} is ${o.status}` })),
    );
  }

  const actor = actorOf(identity);
  const at = now.toISOString();
  const actions: GuardedAction[] = [];
  const events: DomainEvent[] = [];
  const consultation = { ...campaign.consultation };
  const raised: StoredAlert[] = [];

  for (const row of [...plan.raise, ...plan.inform]) {
    const alert = impactAlert(campaign, row, organisations, now);
    raised.push(alert);
    consultation[row.orgId] = {
      alertId: alert.id,
      level: alert.level,
      status: alert.status,
      requestedCap: null,
      outcome: null,
      teams: row.teams.map((t) => ({ capabilityId: t.capabilityId, worstCase: t.worstCase, level: t.level })),
    };
    const teams = row.teams.map((t) => ({ capabilityId: t.capabilityId, exposure: t.exposure, worstCase: t.worstCase, minimum: t.minimum, level: t.level }));
    actions.push(
      ...createAlertActions(alert),
      auditAction({
        entityType: 'alert',
        entityId: alert.id,
        action: 'alert.raised',
        actor,
        orgIds: [row.orgId, ...memberOrgIds(campaign)],
        at,
        changes: { level: alert.level, exposure: row.exposure, worstCase: row.worstCase, minimum: row.minimum, teams, ...(row.supersedes ? { supersedes: row.supersedes } : {}) },
      }),
    );
    const words = row.teams.map((t) => `${t.capabilityId} (worst case ${t.worstCase}, minimum ${t.minimum})`).join(', ');
    events.push(raisedEvent(alert, `${campaign.title}: ${alert.level} impact on ${row.orgId} ${words}${row.supersedes ? '; the risk is worse than the one answered, so consultation reopens' : ''}`));
  }

  // Alerts the campaign no longer needs: cap requests now met, rows no longer critical, risks superseded by a worse one.
  const superseded = plan.raise.filter((r) => r.supersedes !== null).map((r) => [r.orgId, r.supersedes!] as const);
  const supersededAlerts = await Promise.all(superseded.map(async ([orgId, alertId]) => ({ orgId, alert: await getAlert(alertId) })));
  for (const { orgId, alert } of supersededAlerts) {
    if (!alert || !['open', 'escalated', 'cap-requested'].includes(alert.status)) continue;
    const next: StoredAlert = { ...alert, status: 'withdrawn', outcome: 'superseded', dueAt: null, updatedAt: at, version: alert.version + 1 };
    actions.push(
      ...updateAlertActions(next, { version: alert.version, via: 'body' }),
      auditAction({ entityType: 'alert', entityId: alert.id, action: 'alert.withdrawn', actor, orgIds: [orgId, ...memberOrgIds(campaign)], at, note: 'The campaign now puts the team(s) at greater risk; a new alert asks again.' }),
    );
  }

  const settle = [...plan.capMet.map((o) => [o, 'cap-met'] as const), ...plan.withdraw.map((o) => [o, 'no-longer-critical'] as const)];
  const settled = await Promise.all(settle.map(async ([orgId, outcome]) => ({ orgId, outcome, alert: await getAlert(campaign.consultation[orgId]!.alertId) })));
  for (const { orgId, outcome, alert } of settled) {
    if (!alert) continue;
    const status = outcome === 'cap-met' ? 'resolved' : 'withdrawn';
    const next: StoredAlert = { ...alert, status, outcome, dueAt: null, updatedAt: at, version: alert.version + 1 };
    consultation[orgId] = { ...consultation[orgId]!, status, outcome };
    actions.push(
      ...updateAlertActions(next, { version: alert.version, via: 'body' }),
      auditAction({ entityType: 'alert', entityId: alert.id, action: `alert.${status}`, actor, orgIds: [orgId, ...memberOrgIds(campaign)], at, note: outcome === 'cap-met' ? 'The campaign now meets the requested cap.' : 'The row is no longer critical.' }),
    );
  }

  const coordination = [...campaign.coordination];
  if (firstPublication) {
    for (const other of neighbours) {
      if (other.id === campaign.id || !['consultation', 'open'].includes(other.status) || !hasDates(other) || !campaignsCollide(campaign, other)) continue;
      coordination.push({ campaignId: other.id, title: other.title, ownerOrgId: other.ownerOrgId });
      // Stop adding notices before the transaction would pass DynamoDB's limit; the campaign still lists the overlap.
      if (actions.length + events.length + 12 > MAX_TRANSACTION_ACTIONS - 10) continue;
      const notice = coordinationAlert(campaign, other, now);
      actions.push(...createAlertActions(notice), {
        action: {
          Update: {
            TableName: tableName(),
            Key: keys.campaign(other.id),
            // The other campaign learns of this one too; the version bump makes a stale edit of it fail rather than drop this.
            UpdateExpression: 'SET coordination = list_append(if_not_exists(coordination, :empty), :entry) ADD version :one',
            ExpressionAttributeValues: { ':empty': [], ':entry': [{ campaignId: campaign.id, title: campaign.title, ownerOrgId: campaign.ownerOrgId }], ':one': 1 },
          },
        },
      });
      events.push(raisedEvent(notice, `${campaign.title} and ${other.title} recruit ${campaign.capabilityId} in the same region at the same time: consider a joint campaign`));
    }
  }

  const status = plan.outcome === 'open' ? 'open' : 'consultation';
  if (status === 'open') {
    events.push({ type: 'campaign.published', at, audiences: memberOrgIds(campaign).map((o) => `hr-lead:${o}`), summary: `${campaign.title} is open for applications`, subject: { type: 'campaign', id: campaign.id } });
  }
  const saved = await saveCampaign(
    campaign,
    { ...campaign, status, consultation, coordination, publishedAt: status === 'open' ? at : campaign.publishedAt },
    { version: campaign.version, via: 'body' },
    { action: status === 'open' ? 'campaign.opened' : 'campaign.consultation', actor, changes: { worstLevel: assessment.worstLevel, raisedAlertIds: raised.map((a) => a.id) } },
    [...actions, ...outboxActions(events)],
    // Each alert is written once per audience (its inbox entries), and every partner's HR lead is an audience of each.
    { reduce: 'It would record alerts for more units than one publication can hold; with fewer partner organisations each alert has fewer inboxes to write.' },
  );
  for (const a of raised) businessMetric('AlertRaised', { level: a.level, kind: a.kind });
  const outstanding = Object.entries(saved.consultation)
    .filter(([, e]) => ['open', 'escalated', 'cap-requested'].includes(e.status))
    .map(([orgId, e]) => ({ orgId, alertId: e.alertId, status: e.status }));
  return { campaign: saved, raisedAlertIds: raised.map((a) => a.id), outstanding };
}
