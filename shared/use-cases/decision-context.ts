import { getAlert } from '../data/alert.repository';
import { destinationOf, getApplication, getSourceOffers } from '../data/application.repository';
import { getCampaign } from '../data/campaign.repository';
import { listBaselinesOfOrg } from '../data/capability.repository';
import { getOfficer, listCommittedOfficersOfOrg } from '../data/officer.repository';
import { getOrganisation } from '../data/organisation.repository';
import { canReadAlert, isHrLeadOf, isRocuHeadOf } from '../domain/access';
import { depletesProtectedUnit, sourceCapApplies } from '../domain/application-rules';
import { ready } from '../domain/campaign-readiness';
import { ENDED_CAMPAIGN_STATUSES, hasDates } from '../domain/campaign-rules';
import {
  belowMinimum,
  committedOutOf,
  largestSafeCap,
  offerEffectState,
  officerLeavingEffects,
  teamEffect,
  type TeamEffect,
} from '../domain/decision-context';
import { assessImpact, effectiveCap, postsAwayFrom } from '../domain/impact';
import { needsRelease } from '../domain/secondment-rules';
import { NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { AlertContext, HomeDecisionContext, OfferContext } from '../schemas/decision-context.schema';
import type { Officer } from '../schemas/officer.schema';
import { applicationForHr } from './application-access';
import { secondmentFor } from './secondment-access';

function officerFacts(o: Officer) {
  return {
    id: o.id,
    name: o.name,
    staffNumber: o.staffNumber,
    homeOrgId: o.homeOrgId,
    capabilities: o.capabilities,
    vetting: o.vetting,
    vettingExpiresOn: o.vettingExpiresOn,
    pipLevel: o.pipLevel,
    status: o.status,
  };
}

/** The lead team first, then the rest in capability order. */
function leadFirst(teams: TeamEffect[], capabilityId: string): TeamEffect[] {
  return [...teams].sort((a, b) => Number(b.capabilityId === capabilityId) - Number(a.capabilityId === capabilityId) || a.capabilityId.localeCompare(b.capabilityId));
}

/**
 * The facts beside an alert's decision, computed when read so they are the
 * team as it stands, not as it was when the alert was raised. Visible to
 * whoever may read the alert. Primary course: the alert; then, in parallel,
 * its campaign, the unit's baselines and its officers committed out, and for
 * an offer its application and officer (or for a coordination notice the
 * other campaign). A campaign alert's teams are the campaign's worst case
 * with its caps as they now are (a ROCC's included), with the largest cap
 * that would keep every team at its minimum; an offer's are what the
 * officer's leaving would do to each team they count in.
 */
export async function getAlertContext(identity: Identity, alertId: string): Promise<AlertContext> {
  const alert = await getAlert(alertId);
  if (!alert || !canReadAlert(identity, alert)) throw new NotFoundError(`No alert ${alertId}.`);
  const offer = alert.kind === 'offer-release';
  const [found, baselines, committed, app, officer, other] = await Promise.all([
    getCampaign(alert.campaignId),
    alert.kind === 'coordination' ? Promise.resolve([]) : listBaselinesOfOrg(alert.orgId),
    alert.kind === 'coordination' ? Promise.resolve([]) : listCommittedOfficersOfOrg(alert.orgId),
    offer && alert.applicationId ? getApplication(alert.applicationId, false) : Promise.resolve(undefined),
    offer && alert.officerId ? getOfficer(alert.officerId) : Promise.resolve(undefined),
    alert.otherCampaignId ? getCampaign(alert.otherCampaignId) : Promise.resolve(undefined),
  ]);
  if (!found) throw new NotFoundError(`The campaign of alert ${alertId} no longer exists.`);
  // Alerts are raised by publishing and by offers, so their campaign is complete.
  const campaign = ready(found);

  let effect: AlertContext['effect'] = 'none';
  let teams: TeamEffect[] = [];
  let suggestedCap: number | null = null;
  if (offer && officer) {
    effect = offerEffectState(app?.status);
    teams = officerLeavingEffects(alert.orgId, officer, baselines, committed, effect === 'would');
  } else if (alert.kind === 'campaign-impact') {
    const ended = (ENDED_CAMPAIGN_STATUSES as readonly string[]).includes(campaign.status) || alert.outcome === 'campaign-cancelled';
    effect = ended ? 'none' : 'would';
    const rows = assessImpact(campaign, [alert.orgId], baselines, baselines).rows;
    teams = rows.map((r) => teamEffect(r, ended ? 0 : r.exposure, committedOutOf(committed, r.capabilityId)));
    if (!ended) suggestedCap = largestSafeCap(rows) ?? null;
  }

  return {
    alertId: alert.id,
    officer: officer ? officerFacts(officer) : null,
    campaign: {
      id: campaign.id,
      title: campaign.title,
      status: campaign.status,
      ownerOrgId: campaign.ownerOrgId,
      posts: campaign.posts,
      postsFromUnit: postsAwayFrom(campaign, alert.orgId),
      opensOn: campaign.opensOn,
      closesOn: campaign.closesOn,
      startDate: offer ? (app?.startDate ?? alert.requestedStart) : null,
      cap: effectiveCap(campaign, alert.orgId),
    },
    otherCampaign: other && hasDates(other) ? { id: other.id, title: other.title, ownerOrgId: other.ownerOrgId, opensOn: other.opensOn, closesOn: other.closesOn } : null,
    effect,
    teams: leadFirst(teams, alert.capabilityId),
    suggestedCap,
  };
}

/**
 * What an HR lead of the campaign needs before making an offer: the
 * applicant's vetting, PIP level and accreditations, what their leaving
 * would do to each team of their home they count in (and so whether the
 * offer would wait for the home ROCU head's release), and how much of the
 * per-source cap on their home is used. For the campaign's HR leads only
 * (404 to anyone else, as for the application). Primary course: the
 * application; then, in parallel, the campaign, the officer, the home, its
 * baselines, its officers committed out and the source's offer counter.
 * Worked out for an offer into the owner's allocation (the default).
 */
export async function getOfferContext(identity: Identity, applicationId: string): Promise<OfferContext> {
  const app = await applicationForHr(identity, applicationId);
  const [campaign, officer, home, baselines, committed, offers] = await Promise.all([
    getCampaign(app.campaignId),
    getOfficer(app.officerId),
    getOrganisation(app.homeOrgId),
    listBaselinesOfOrg(app.homeOrgId),
    listCommittedOfficersOfOrg(app.homeOrgId),
    getSourceOffers(app.campaignId, app.homeOrgId),
  ]);
  if (!campaign || !officer || !home) throw new NotFoundError(`The campaign, officer or home organisation of application ${applicationId} no longer exists.`);
  const ctx = { homeOrgId: home.id, homeOrgType: home.type, destinationOrgId: destinationOf(app) };
  const homeTeams = officerLeavingEffects(home.id, officer, baselines, committed, ctx.homeOrgId !== ctx.destinationOrgId);
  const cap = sourceCapApplies(ctx) ? effectiveCap(campaign, home.id) : null;
  return {
    applicationId: app.id,
    officer: officerFacts(officer),
    homeOrgType: home.type,
    homeTeams,
    needsRelease: depletesProtectedUnit(ctx) && belowMinimum(homeTeams),
    sourceCap: { cap, offers, remaining: cap === null ? null : Math.max(0, cap - offers) },
  };
}

/**
 * What the home's ROCU head or HR lead needs before deciding a secondment:
 * the officer, and what the secondment would do to each home team they count
 * in (so whether approval is a release only the ROCU head can give). Others
 * who see the application get 403; anyone else 404. Primary course: the
 * application; then, in parallel, the officer, the home, its baselines and
 * its officers committed out.
 */
export async function getHomeDecisionContext(identity: Identity, applicationId: string): Promise<HomeDecisionContext> {
  const app = await secondmentFor(
    identity,
    applicationId,
    (a) => isHrLeadOf(identity, a.homeOrgId) || isRocuHeadOf(identity, a.homeOrgId),
    'the home organisation’s ROCU head or HR lead',
  );
  const [officer, home, baselines, committed] = await Promise.all([
    getOfficer(app.officerId),
    getOrganisation(app.homeOrgId),
    listBaselinesOfOrg(app.homeOrgId),
    listCommittedOfficersOfOrg(app.homeOrgId),
  ]);
  if (!officer || !home) throw new NotFoundError(`The officer or home organisation of secondment application ${applicationId} no longer exists.`);
  // Once confirmed the officer is counted out already: the teams show as they stand.
  const leaves = app.homeOrgId !== app.hostOrgId && (app.status === 'submitted' || app.status === 'home-approved');
  const homeTeams = officerLeavingEffects(home.id, officer, baselines, committed, leaves);
  const isProtected = home.type === 'rocu' && home.id !== app.hostOrgId;
  return {
    applicationId: app.id,
    officer: officerFacts(officer),
    protected: isProtected,
    homeTeams,
    needsRelease: needsRelease({ homeOrgId: home.id, homeOrgType: home.type, hostOrgId: app.hostOrgId, teamsAtRisk: homeTeams.filter((t) => belowMinimum([t])).map((t) => ({ ...t, projectedAfter: t.after })) }),
  };
}
