import { audiencesOf, createAlertActions, type StoredAlert } from '../data/alert.repository';
import { allocationSlotAction, applicationAudit, campaignStatusCheck, destinationOf, saveApplicationAction, sourceSlotAction, type StoredApplication } from '../data/application.repository';
import { actorOf, auditAction } from '../data/audit.repository';
import { getCampaign, memberOrgIds } from '../data/campaign.repository';
import { listBaselinesOfOrg } from '../data/capability.repository';
import { commitmentsOf, getOfficer } from '../data/officer.repository';
import { getOrganisation } from '../data/organisation.repository';
import { transactWrite, type GuardedAction } from '../data/transact';
import { offerDecision, sourceCapApplies, transitionRefusal } from '../domain/application-rules';
import { ready } from '../domain/campaign-readiness';
import { allocationPosts } from '../domain/campaign-rules';
import { teamsAtRisk } from '../domain/commitments';
import { latestReleaseDate } from '../domain/offer-gate';
import { effectiveCap } from '../domain/impact';
import { newAlert } from '../domain/new-alert';
import { todayIso } from '../domain/working-days';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { Identity } from '../http/identity';
import { newId } from '../ids';
import { outboxActions } from '../data/outbox.repository';
import type { DomainEvent } from '../notify/domain-event';
import { advance, applicationChanged, applicationForHr } from './application-access';
import { businessMetric } from '../metrics';
import { servingOrgOf } from '../domain/posting';

/** Campaign statuses in which offers are made: while open, and after closing while the panel appoints. */
export const OFFERING_STATUSES = ['open', 'closed'] as const;

/**
 * The campaign's HR lead makes an offer (BRIEF.md rules 3, 5 and 8). Primary
 * course: read the application, then the campaign, the officer, the home
 * organisation and every baseline of the home (in parallel). The offer fills
 * one organisation's allocation (the owner's unless it names a partner's);
 * the gate decides for every capability the officer holds: an offer that
 * keeps each home ROCU team at or above its minimum is `offered`; one that
 * would take any below is `awaiting-release` and raises one offer-release
 * alert naming every team affected. An offer into the officer's own
 * organisation's allocation takes nobody and is never gated. One
 * transaction writes the application (conditioned on the version read),
 * takes a place in the allocation (conditioned on its posts) and a slot on
 * the source's offer counter (conditioned on the per-source cap, when one
 * applies), checks the campaign is still open or closed, creates the alert
 * and its inbox entries, and writes the audit entries. A re-offer of an
 * `offered` application keeps its slots (moving its allocation place if it
 * names another) and goes through the gate again.
 */
export async function makeOffer(
  identity: Identity,
  applicationId: string,
  input: { startDate: string; allocationOrgId?: string | undefined },
  now = new Date(),
): Promise<StoredApplication> {
  const app = await applicationForHr(identity, applicationId);
  const refusal = transitionRefusal('offer', app.status);
  if (refusal) throw new ConflictError(refusal);
  if (input.startDate < todayIso(now)) {
    throw new ValidationError('The start date cannot be in the past.', [{ field: 'startDate', message: 'in the past' }]);
  }
  // An offer may be deferred (or upheld) to its latest release date: that date must be one the service can store.
  latestReleaseDate(input.startDate, 'startDate');

  const [campaign, officer, home, baselines] = await Promise.all([
    getCampaign(app.campaignId, true),
    getOfficer(app.officerId, true),
    getOrganisation(app.homeOrgId),
    listBaselinesOfOrg(app.homeOrgId),
  ]);
  if (!campaign || !home) throw new NotFoundError(`The campaign or home organisation of application ${app.id} no longer exists.`);
  if (!(OFFERING_STATUSES as readonly string[]).includes(campaign.status)) {
    throw new ConflictError(`The campaign is ${campaign.status}: no offers can be made.`);
  }
  if (!officer || officer.status !== 'active') throw new ConflictError(`${app.officerName} is no longer an active officer.`);
  if (servingOrgOf(officer) !== app.homeOrgId) {
    throw new ConflictError(`${app.officerName} has moved from ${app.homeOrgId} to ${servingOrgOf(officer)} since applying; the application cannot be offered.`);
  }
  const allocationOrgId = input.allocationOrgId ?? campaign.ownerOrgId;
  const posts = allocationPosts(ready(campaign), allocationOrgId);
  if (posts === undefined) {
    throw new ValidationError(`${allocationOrgId} has no allocation of posts in this campaign.`, [
      { field: 'allocationOrgId', message: 'not an allocation of the campaign', allowed: [campaign.ownerOrgId, ...campaign.allocations.map((a) => a.orgId)] },
    ]);
  }

  const ctx = {
    homeOrgId: home.id,
    homeOrgType: home.type,
    destinationOrgId: allocationOrgId,
    teamsAtRisk: teamsAtRisk({ capabilities: officer.capabilities, committed: commitmentsOf(officer).length > 0 }, baselines),
  };
  const decision = offerDecision(ctx, app.capabilityId);
  const actor = actorOf(identity);
  const at = now.toISOString();
  const actions: GuardedAction[] = [];

  let alert: StoredAlert | undefined;
  if (decision.alert) {
    const raised = newAlert({
      id: newId('alt', now.getTime()),
      kind: 'offer-release',
      orgId: home.id,
      region: home.region,
      campaign,
      applicationId: app.id,
      officerId: app.officerId,
      ...decision.alert,
      requestedStart: input.startDate,
      now,
    });
    alert = { ...raised, audiences: audiencesOf(raised, memberOrgIds(campaign)) };
    actions.push(
      ...createAlertActions(alert),
      auditAction({
        entityType: 'alert',
        entityId: alert.id,
        action: 'alert.raised',
        actor,
        orgIds: [home.id, ...memberOrgIds(campaign)],
        at,
        changes: { applicationId: app.id, level: alert.level, projected: alert.projected, projectedAfter: alert.projectedAfter, minimum: alert.minimum, requestedStart: input.startDate },
      }),
    );
  }

  const next = advance(app, decision.status, actor, at, {
    requestedStartDate: input.startDate,
    startDate: input.startDate,
    // A re-offer starts afresh: an earlier release decision does not cover the new offer.
    releaseDate: null,
    releaseDecision: null,
    releasedBy: null,
    alertId: alert?.id ?? null,
    sourceOrgId: home.id,
    homeOrgType: home.type,
    allocationOrgId,
  });
  actions.unshift(
    saveApplicationAction(app, next, applicationChanged(app)),
    campaignStatusCheck(campaign.id, OFFERING_STATUSES, () => new ConflictError('The campaign was closed for offers (cancelled or completed) meanwhile.')),
  );
  const allocationFull = () =>
    new ConflictError(`All ${posts} post(s) of ${allocationOrgId}’s allocation are offered or filled: no further offer can fill it.`, [
      { field: 'allocationOrgId', message: `allocation of ${allocationOrgId} full`, posts, orgId: allocationOrgId },
    ]);
  // A first offer takes a place in its allocation; a re-offer keeps its place, or moves it to the allocation it now names.
  const heldAllocation = app.status === 'offered' ? destinationOf(app) : null;
  if (heldAllocation !== allocationOrgId) {
    actions.push(allocationSlotAction(campaign.id, allocationOrgId, 1, { posts, onFull: allocationFull }));
    if (heldAllocation !== null) actions.push(allocationSlotAction(campaign.id, heldAllocation, -1));
  }
  // A first offer takes a slot on the source's counter; a re-offer already holds one.
  if (app.status === 'shortlisted') {
    const cap = sourceCapApplies(ctx) ? effectiveCap(campaign, home.id) : null;
    actions.push(
      sourceSlotAction(
        campaign.id,
        home.id,
        1,
        cap === null
          ? undefined
          : {
              cap,
              onFull: () =>
                new ConflictError(
                  `The campaign’s per-source cap is ${cap}: ${home.name} already has ${cap} offer(s) from it, so no further offer can go to its officers.`,
                  [{ field: 'maxAppointmentsPerSource', message: `cap ${cap} reached for ${home.id}`, cap, orgId: home.id }],
                ),
            },
      ),
    );
  }
  actions.push(
    applicationAudit(next, decision.status === 'offered' ? 'application.offered' : 'application.awaiting-release', actor, at, {
      startDate: input.startDate,
      allocationOrgId,
      ...(alert ? { alertId: alert.id, teams: alert.teams?.map((t) => t.capabilityId) } : {}),
      ...(app.status === 'offered' ? { reoffer: true } : {}),
    }),
  );
  const events: DomainEvent[] = [
    {
      type: decision.status === 'offered' ? 'offer.made' : 'offer.held',
      at,
      audiences: [`officer:${app.officerId}`],
      summary:
        decision.status === 'offered'
          ? `${campaign.title}: you are offered a post starting ${input.startDate}`
          : `${campaign.title}: you are offered a post; ${home.name} decides your release first (by ${latestReleaseDate(input.startDate, 'startDate')} at the latest)`,
      subject: { type: 'application', id: app.id, campaignId: campaign.id, status: decision.status },
    },
  ];
  if (alert) {
    events.push({
      type: 'alert.raised',
      at,
      audiences: alert.audiences,
      summary: `${campaign.title}: an offer to ${app.officerName} would take ${home.name}’s ${(alert.teams ?? []).map((t) => `${t.capabilityId} team to ${t.projectedAfter} (minimum ${t.minimum})`).join(', ')}; it waits for your release decision`,
      subject: { type: 'alert', id: alert.id, kind: alert.kind, level: alert.level, orgId: alert.orgId, campaignId: campaign.id, applicationId: app.id },
    });
  }
  await transactWrite([...actions, ...outboxActions(events)]);
  businessMetric('OfferMade', { outcome: decision.status });
  if (alert) businessMetric('AlertRaised', { level: alert.level, kind: alert.kind });
  return next;
}
