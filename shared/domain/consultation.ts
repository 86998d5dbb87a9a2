import { holdsCampaign } from './alert-rules';
import { isBlocking, worstLevel, type Level } from './capability-level';
import { effectiveCap, type ImpactAssessment, type ImpactCampaign, type ImpactRow } from './impact';

export interface ConsultationEntry {
  alertId: string;
  level: string;
  status: string;
  requestedCap: number | null;
  outcome: string | null;
  /** The risk the alert asked about, per team; an answer covers only that. */
  teams?: { capabilityId: string; worstCase: number; level: Level }[];
}

/** One alert to raise for one ROCU: its lead row (the campaign's capability when at risk) and every team it names. */
export interface RaisePlan extends ImpactRow {
  teams: ImpactRow[];
  /** The earlier alert this one reopens consultation over (the risk it answered got worse). */
  supersedes: string | null;
}

export interface PublishPlan {
  /** What publishing does: open the campaign, (stay in) consultation with new alerts, or refuse (409). */
  outcome: 'open' | 'consultation' | 'blocked';
  /** ROCUs with critical or loss teams and no alert covering that risk: raise a campaign-impact alert for each. */
  raise: RaisePlan[];
  /** ROCUs with warning teams only and no alert yet: raise an informational alert for each. */
  inform: RaisePlan[];
  /** Cap requests the campaign now meets: resolve them. */
  capMet: string[];
  /** Alerts whose ROCU no longer has a critical team: withdraw them. */
  withdraw: string[];
  /** Alerts still holding the campaign (ROCU ids). */
  outstanding: string[];
}

const LIVE = new Set(['open', 'escalated', 'cap-requested']);

/** The team an alert leads with: the campaign's own capability if among `rows`, else the worst. */
function lead(rows: readonly ImpactRow[], capabilityId: string): ImpactRow {
  const own = rows.find((r) => r.capabilityId === capabilityId);
  if (own) return own;
  const worst = worstLevel(rows.map((r) => r.level));
  return rows.find((r) => r.level === worst)!;
}

function raisePlan(rows: ImpactRow[], capabilityId: string, supersedes: string | null): RaisePlan {
  return { ...lead(rows, capabilityId), teams: rows, supersedes };
}

/**
 * Did the risk get worse than the one the alert asked about? A team now
 * blocking that it did not name, or a named team's worst case now lower. An
 * alert raised before teams were recorded covers what it covered.
 */
function riskWorsened(entry: ConsultationEntry, blocking: readonly ImpactRow[]): boolean {
  if (!entry.teams) return false;
  return blocking.some((row) => {
    const asked = entry.teams!.find((t) => t.capabilityId === row.capabilityId);
    return !asked || row.worstCase < asked.worstCase;
  });
}

/**
 * What publishing a campaign does (BRIEF.md rule 2), from its impact
 * assessment and where its consultation stands. Rows are grouped by ROCU:
 * one alert per ROCU names every team of it the campaign puts at risk. A
 * campaign opens only when no critical or loss team is left unanswered or
 * unmet; warning rows only inform. An answer covers the risk it was given
 * for: when a ROCU's blocking rows are worse than the alert asked about (an
 * edit raised the posts, a baseline changed, a new team is at risk), a new
 * alert reopens consultation for it, superseding the old one.
 */
export function planPublish(
  campaign: ImpactCampaign & { status: string; consultation: Readonly<Record<string, ConsultationEntry>> },
  assessment: ImpactAssessment,
): PublishPlan {
  const plan: PublishPlan = { outcome: 'open', raise: [], inform: [], capMet: [], withdraw: [], outstanding: [] };
  const byOrg = new Map<string, ImpactRow[]>();
  for (const row of assessment.rows) byOrg.set(row.orgId, [...(byOrg.get(row.orgId) ?? []), row]);

  for (const [orgId, rows] of byOrg) {
    const entry = campaign.consultation[orgId];
    const blocking = rows.filter((r) => isBlocking(r.level));
    if (entry && entry.status !== 'withdrawn' && blocking.length > 0 && riskWorsened(entry, blocking)) {
      plan.raise.push(raisePlan(blocking, campaign.capabilityId, entry.alertId));
      continue;
    }
    const cap = effectiveCap(campaign, orgId);
    // A head's cap request binds until the cap in force is at or below it, whatever the rows' levels
    // meanwhile, and binds again if the cap is raised after it was met (until a ROCC decides a referral).
    const capRequest = entry && entry.requestedCap !== null && (entry.status === 'cap-requested' || entry.outcome === 'cap-met');
    if (capRequest) {
      if (holdsCampaign({ status: 'cap-requested', requestedCap: entry.requestedCap }, cap)) plan.outstanding.push(orgId);
      else if (entry.status === 'cap-requested') plan.capMet.push(orgId);
      continue;
    }
    if (blocking.length > 0) {
      // No alert yet, only a warning so far, or one withdrawn when the rows stopped being critical: ask (again).
      if (!entry || entry.level === 'warning' || entry.status === 'withdrawn') plan.raise.push(raisePlan(blocking, campaign.capabilityId, null));
      else if (LIVE.has(entry.status)) plan.outstanding.push(orgId);
      continue;
    }
    if (entry && LIVE.has(entry.status)) plan.withdraw.push(orgId);
    const warnings = rows.filter((r) => r.level === 'warning');
    if (warnings.length > 0 && !entry) plan.inform.push(raisePlan(warnings, campaign.capabilityId, null));
  }
  if (plan.raise.length > 0) plan.outcome = 'consultation';
  else if (plan.outstanding.length > 0) plan.outcome = campaign.status === 'draft' ? 'consultation' : 'blocked';
  return plan;
}

/**
 * Why a campaign cannot open yet, in words its HR lead reads: one clause per
 * ROCU still holding it ("TITAN’s ROCU head has not answered yet"), named by
 * the organisation's short name.
 */
export function outstandingText(
  outstanding: readonly { orgId: string; status: string; requestedCap: number | null }[],
  orgName: (orgId: string) => string,
): string {
  const clauses = outstanding.map((o) => {
    const org = orgName(o.orgId);
    if (o.status === 'cap-requested') {
      const cap = o.requestedCap === null ? 'a per-source cap' : `no more than ${o.requestedCap} ${o.requestedCap === 1 ? 'offer' : 'offers'} to its officers`;
      return `${org}’s ROCU head asked for ${cap}, and the campaign does not meet that yet`;
    }
    if (o.status === 'escalated') return `${org}’s objection is with the ROCC to decide`;
    return `${org}’s ROCU head has not answered yet`;
  });
  return `The campaign cannot open yet: ${clauses.join('; ')}.`;
}
