import { actorOf } from '../data/audit.repository';
import { getOfficer } from '../data/officer.repository';
import { saveSecondmentActions, secondmentAudit, type StoredSecondment } from '../data/secondment.repository';
import { transactWrite } from '../data/transact';
import { extensionDateViolations, extensionSideOf, extensionStateRefusal } from '../domain/secondment-rules';
import { todayIso } from '../domain/working-days';
import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import type { Identity } from '../http/identity';
import type { ExtensionRecord } from '../schemas/secondment.schema';
import { extendCommitment } from './officer-commitments';
import { secondmentChanged, secondmentFor } from './secondment-access';

const EITHER_SIDE = 'the host organisation’s HR lead or the home organisation’s ROCU head or HR lead';

/**
 * Either side proposes an extension (a new end date) of a confirmed or active
 * secondment: the host's HR lead, or the home's ROCU head or HR lead. The
 * new end date must be after the current one and within 24 months of the
 * start (400); only one proposal waits at a time (409). One transaction
 * writes the pending extension on the application (conditioned on the
 * version read) and the audit entry. The end date changes only when the
 * other side approves.
 */
export async function proposeExtension(identity: Identity, applicationId: string, input: { endDate: string; note: string }, now = new Date()): Promise<StoredSecondment> {
  const app = await secondmentFor(identity, applicationId, (a) => extensionSideOf(identity, a) !== undefined, EITHER_SIDE);
  const side = extensionSideOf(identity, app)!;
  const refusal = extensionStateRefusal(app);
  if (refusal) throw new ConflictError(refusal);
  const violations = extensionDateViolations(app, input.endDate, todayIso(now));
  if (violations.length) throw new ValidationError(`The new end date ${input.endDate} cannot be accepted: ${violations.map((v) => v.message).join('; ')}.`, violations.map((v) => ({ ...v })));

  const actor = actorOf(identity);
  const at = now.toISOString();
  const next: StoredSecondment = {
    ...app,
    pendingExtension: { endDate: input.endDate, previousEndDate: app.endDate, proposedBy: actor.sub, side, proposedAt: at, note: input.note },
    version: app.version + 1,
    updatedAt: at,
  };
  await transactWrite([
    ...saveSecondmentActions(app, next, secondmentChanged(app)),
    secondmentAudit(next, 'secondment.extension-proposed', actor, at, input.note || undefined, { side, endDate: { from: app.endDate, to: input.endDate } }),
  ]);
  return next;
}

/**
 * The other side decides a proposed extension: the host's HR lead decides
 * one the home proposed, and the home's ROCU head or HR lead one the host
 * proposed (the proposing side gets 403). Approval sets the new end date —
 * for an active secondment the due marker moves to it in the same write;
 * either way the decision joins `extensions` and the pending proposal is
 * cleared. One transaction, conditioned on the version read, with the audit entry.
 */
export async function decideExtension(
  identity: Identity,
  applicationId: string,
  input: { decision: 'approve' | 'decline'; note: string },
  now = new Date(),
): Promise<StoredSecondment> {
  const app = await secondmentFor(identity, applicationId, (a) => extensionSideOf(identity, a) !== undefined, EITHER_SIDE);
  const pending = app.pendingExtension;
  if (!pending) throw new ConflictError('No extension is awaiting a decision on this secondment.');
  const side = extensionSideOf(identity, app)!;
  if (side === pending.side) {
    throw new ForbiddenError(`The ${pending.side} proposed this extension: the ${pending.side === 'host' ? 'home organisation' : 'host organisation'} decides it.`);
  }
  if (app.status !== 'confirmed' && app.status !== 'active') throw new ConflictError(`The secondment is ${app.status}: it can no longer be extended.`);

  const actor = actorOf(identity);
  const at = now.toISOString();
  const record: ExtensionRecord = { ...pending, decision: input.decision, decidedBy: actor.sub, decidedAt: at, decisionNote: input.note };
  const approve = input.decision === 'approve';
  const next: StoredSecondment = {
    ...app,
    ...(approve ? { endDate: pending.endDate } : {}),
    pendingExtension: null,
    extensions: [...app.extensions, record],
    version: app.version + 1,
    updatedAt: at,
  };
  // The officer's commitment moves with the end date, and may not then overlap another (a person leaves once).
  const officer = approve && app.commitment ? await getOfficer(app.officerId, true) : undefined;
  const commitment = officer
    ? extendCommitment(officer, app.id, pending.endDate, at, `${app.officerName} is`, () => new ConflictError(`${app.officerName}’s officer record changed meanwhile. Try again.`))
    : [];
  await transactWrite([
    ...saveSecondmentActions(app, next, secondmentChanged(app)),
    ...commitment,
    secondmentAudit(next, approve ? 'secondment.extended' : 'secondment.extension-declined', actor, at, input.note || undefined, {
      side,
      endDate: approve ? { from: app.endDate, to: pending.endDate } : app.endDate,
      proposedBy: pending.proposedBy,
    }),
  ]);
  return next;
}
