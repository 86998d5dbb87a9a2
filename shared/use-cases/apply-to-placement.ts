import { actorOf } from '../data/audit.repository';
import { officerVersionCheck } from '../data/application.repository';
import { getPlacement, placementOpenCheck } from '../data/placement.repository';
import { newSecondmentActions, secondmentAudit, type StoredSecondment } from '../data/secondment.repository';
import { transactWrite } from '../data/transact';
import { PLACEMENT_STATE_REFUSALS } from '../domain/secondment-rules';
import { todayIso } from '../domain/working-days';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import { newId } from '../ids';
import { applicantContext, eligibilityFor } from './placement-eligibility';
import { secondmentHistoryEntry } from './secondment-access';

/**
 * An officer applies for a placement. Primary course: read the placement and
 * the caller's officer record and home (in parallel); refuse a placement
 * that takes no applications (409: not open, past its closing date, or every
 * place taken) and an officer who may not apply (403, naming every reason:
 * the home organisation's type, their own organisation, vetting, PIP); then
 * one transaction puts the application and its one-per-officer-per-placement
 * claim (409 the second time), checks the placement still takes applications
 * today (open, closing date not passed, a place free) and the officer record
 * is still the one judged eligible, and writes the audit entry.
 */
export async function applyToPlacement(identity: Identity, placementId: string, input: { statement: string }, now = new Date()): Promise<StoredSecondment> {
  if (!identity.officerId) throw new ForbiddenError('Your account is not linked to an officer record; ask your HR lead.');
  const [placement, ctx] = await Promise.all([getPlacement(placementId, true), applicantContext(identity, true)]);
  if (!placement) throw new NotFoundError(`No placement ${placementId}.`);
  if (!ctx) throw new ForbiddenError('Your officer record was not found; ask your HR lead.');
  const today = todayIso(now);
  const eligible = eligibilityFor(ctx, placement, today);
  // Closed or full is the placement's state, not the officer's eligibility: 409, with what was wrong.
  const state = eligible.reasons.filter((r) => (PLACEMENT_STATE_REFUSALS as readonly string[]).includes(r.code));
  if (state.length) {
    const message = state.map((r) => r.message).join('; ');
    throw new ConflictError(`${message.charAt(0).toUpperCase()}${message.slice(1)}: the placement takes no applications.`, state.map((r) => ({ field: 'placement', code: r.code, message: r.message })));
  }
  if (!eligible.ok) {
    throw new ForbiddenError(
      `You may not apply for this placement: ${eligible.reasons.map((r) => r.message).join('; ')}.`,
      eligible.reasons.map((r) => ({ field: 'eligibility', code: r.code, message: r.message })),
    );
  }

  const { officer } = ctx;
  const actor = actorOf(identity);
  const at = now.toISOString();
  const app: StoredSecondment = {
    id: newId('sec', now.getTime()),
    applicationType: 'secondment',
    placementId: placement.id,
    placementTitle: placement.title,
    hostOrgId: placement.hostOrgId,
    capabilityId: placement.capabilityId,
    startDate: placement.startDate,
    endDate: placement.endDate,
    officerId: officer.id,
    officerName: officer.name,
    homeOrgId: ctx.applicant.homeOrgId,
    statement: input.statement,
    status: 'submitted',
    homeDecision: null,
    hostDecision: null,
    history: [secondmentHistoryEntry('submitted', actor, at)],
    pendingExtension: null,
    extensions: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
    homeOrgType: ctx.applicant.homeOrgType,
    commitment: null,
    flow: null,
  };
  await transactWrite([
    ...newSecondmentActions(app),
    // The placement read above may be stale by now: it must still take applications when this one lands.
    placementOpenCheck(placement.id, today, () => new ConflictError('The placement closed, or its last place was taken, while you were applying.')),
    // Eligibility was judged on this version of the record: an edit landing meanwhile (vetting lapsed, moved home) must be judged again.
    officerVersionCheck(officer.id, officer.version, () => new ConflictError('Your officer record changed while you were applying. Try again.')),
    secondmentAudit(app, 'secondment.submitted', actor, at, undefined, { placementId: placement.id, homeOrgId: officer.homeOrgId }),
  ]);
  return app;
}
