import { holdsCampaign } from './alert-rules';
import { isBlocking } from './capability-level';
import { effectiveCap, type ImpactAssessment, type ImpactCampaign, type ImpactRow } from './impact';

export interface ConsultationEntry {
  alertId: string;
  level: string;
  status: string;
  requestedCap: number | null;
  outcome: string | null;
}

export interface PublishPlan {
  /** What publishing does: open the campaign, (stay in) consultation with new alerts, or refuse (409). */
  outcome: 'open' | 'consultation' | 'blocked';
  /** Critical or loss rows with no alert yet: raise a campaign-impact alert for each. */
  raise: ImpactRow[];
  /** Warning rows with no alert yet: raise an informational alert for each. */
  inform: ImpactRow[];
  /** Cap requests the campaign now meets: resolve them. */
  capMet: string[];
  /** Alerts whose row is no longer critical: withdraw them. */
  withdraw: string[];
  /** Alerts still holding the campaign (ROCU ids). */
  outstanding: string[];
}

const LIVE = new Set(['open', 'escalated', 'cap-requested']);

/**
 * What publishing a campaign does (BRIEF.md rule 2), from its impact
 * assessment and where its consultation stands. A campaign opens only when no
 * critical or loss row is left unanswered or unmet; warning rows only inform.
 */
export function planPublish(
  campaign: ImpactCampaign & { status: string; consultation: Readonly<Record<string, ConsultationEntry>> },
  assessment: ImpactAssessment,
): PublishPlan {
  const plan: PublishPlan = { outcome: 'open', raise: [], inform: [], capMet: [], withdraw: [], outstanding: [] };
  for (const row of assessment.rows) {
    const entry = campaign.consultation[row.orgId];
    const cap = effectiveCap(campaign, row.orgId);
    // A head's cap request binds until the cap in force is at or below it, whatever the row's level
    // meanwhile, and binds again if the cap is raised after it was met (until a ROCC decides a referral).
    const capRequest = entry && entry.requestedCap !== null && (entry.status === 'cap-requested' || entry.outcome === 'cap-met');
    if (capRequest) {
      if (holdsCampaign({ status: 'cap-requested', requestedCap: entry.requestedCap }, cap)) plan.outstanding.push(row.orgId);
      else if (entry.status === 'cap-requested') plan.capMet.push(row.orgId);
      continue;
    }
    if (isBlocking(row.level)) {
      // No alert yet, only a warning so far, or one withdrawn when the row stopped being critical: ask (again).
      if (!entry || entry.level === 'warning' || entry.status === 'withdrawn') plan.raise.push(row);
      else if (LIVE.has(entry.status)) plan.outstanding.push(row.orgId);
      continue;
    }
    if (entry && LIVE.has(entry.status)) plan.withdraw.push(row.orgId);
    if (row.level === 'warning' && !entry) plan.inform.push(row);
  }
  if (plan.raise.length > 0) plan.outcome = 'consultation';
  else if (plan.outstanding.length > 0) plan.outcome = campaign.status === 'draft' ? 'consultation' : 'blocked';
  return plan;
}
