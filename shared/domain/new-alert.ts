import type { Level } from './capability-level';
import type { TeamAtRisk } from './commitments';
import type { AlertKind, AlertStatus } from './alert-rules';
import { addWorkingDays } from './working-days';

/** Working days a ROCU head has to answer before the alert escalates to the ROCC by itself. */
export const ANSWER_WITHIN_WORKING_DAYS = 10;

export interface NewAlertInput {
  id: string;
  kind: AlertKind;
  orgId: string;
  region: string | null;
  capabilityId: string;
  campaign: { id: string; title: string };
  applicationId?: string | null;
  officerId?: string | null;
  otherCampaignId?: string | null;
  level: Level;
  strength: number;
  projected: number;
  projectedAfter: number;
  minimum: number;
  /** Every team at risk, when the alert names more than its lead team. */
  teams?: TeamAtRisk[];
  requestedStart?: string | null;
  now: Date;
}

/**
 * A freshly raised alert. One that waits for a decision is `open` with a due
 * time 10 working days ahead; a warning or a coordination notice is
 * `informational` and holds nothing.
 */
export function newAlert(input: NewAlertInput) {
  // A forecast warning holds nothing and waits on nobody: the head acknowledges it, or it resolves itself.
  const waits = input.kind !== 'coordination' && input.kind !== 'forecast' && (input.level === 'critical' || input.level === 'loss' || input.kind === 'offer-release');
  const status: AlertStatus = waits ? 'open' : 'informational';
  const at = input.now.toISOString();
  return {
    id: input.id,
    kind: input.kind,
    orgId: input.orgId,
    capabilityId: input.capabilityId,
    campaignId: input.campaign.id,
    campaignTitle: input.campaign.title,
    applicationId: input.applicationId ?? null,
    officerId: input.officerId ?? null,
    otherCampaignId: input.otherCampaignId ?? null,
    level: input.level,
    status,
    strength: input.strength,
    projected: input.projected,
    projectedAfter: input.projectedAfter,
    minimum: input.minimum,
    teams: input.teams ?? [],
    requestedCap: null,
    requestedStart: input.requestedStart ?? null,
    releaseDate: null,
    imposedCap: null,
    outcome: null,
    escalationReason: null,
    region: input.region,
    createdAt: at,
    updatedAt: at,
    dueAt: waits ? addWorkingDays(input.now, ANSWER_WITHIN_WORKING_DAYS).toISOString() : null,
    escalatedAt: null,
    decideBy: null,
    version: 1,
  };
}
