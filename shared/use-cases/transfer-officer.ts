import { actorOf } from '../data/audit.repository';
import { staleVersionError, type ExpectedVersion } from '../data/expected-version';
import { getOfficer, listIncomingTransfers, receivingOrgGuard, saveOfficerTransfer } from '../data/officer.repository';
import { getOrganisation } from '../data/organisation.repository';
import type { Page } from '../data/paging';
import { isHrLeadOf } from '../domain/access';
import {
  acceptanceRefusal,
  canCancelTransfer,
  canDecideTransfer,
  canProposeTransfer,
  proposalRefusal,
  proposedTransfer,
  transferredOfficer,
  type TransferDecision,
  type TransferRefusal,
} from '../domain/transfer-rules';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { Identity } from '../http/identity';
import type { Officer } from '../schemas/officer.schema';
import { refuseWhileCommitted } from './officer-commitments';

function refusalError(r: TransferRefusal) {
  return r.status === 400 ? new ValidationError(r.message, r.field ? [{ field: r.field, message: r.message }] : []) : new ConflictError(r.message);
}

/** The officer as read for a transfer step (consistently), or 404 when the caller may not take it. */
async function officerFor(identity: Identity, officerId: string, allowed: (o: Officer) => boolean): Promise<Officer> {
  const officer = await getOfficer(officerId, true);
  if (!officer || !allowed(officer)) throw new NotFoundError(`No officer ${officerId} with a transfer you can act on.`);
  return officer;
}

/** Either side of a pending transfer, or the home's HR lead (who is told, with a 409, when none is pending). */
function eitherSide(identity: Identity, officer: Officer): boolean {
  return canDecideTransfer(identity, officer) || canCancelTransfer(identity, officer) || isHrLeadOf(identity, officer.homeOrgId);
}

function noTransferPending(officer: Officer): ConflictError {
  return new ConflictError(`No transfer of ${officer.name} is waiting for a decision.`);
}

function checkVersion(officer: Officer, expected: ExpectedVersion | undefined): void {
  if (expected && officer.version !== expected.version) throw staleVersionError('officer record', expected);
}

/**
 * The home's HR lead proposes moving an officer to another organisation.
 * Primary course: read the officer (consistent); refuse a transfer to its own
 * home (400), of an officer who has left or already has one waiting (409), or
 * of one committed elsewhere (409, refuseWhileCommitted); one transaction writes
 * the pending transfer on the officer (conditioned on the version read, which
 * is also the one the caller sent), checks the receiving organisation exists,
 * and writes the audit entry both organisations read. Nothing moves yet: the
 * officer still counts at home until the receiving HR lead accepts.
 */
export async function proposeTransfer(identity: Identity, officerId: string, input: { toOrgId: string; note: string }, expected: ExpectedVersion, now = new Date()): Promise<Officer> {
  const before = await officerFor(identity, officerId, (o) => canProposeTransfer(identity, o));
  checkVersion(before, expected);
  const refusal = proposalRefusal(before, input.toOrgId);
  if (refusal) throw refusalError(refusal);
  refuseWhileCommitted(before, 'toOrgId');
  const at = now.toISOString();
  const actor = actorOf(identity);
  const after: Officer = {
    ...before,
    pendingTransfer: proposedTransfer(before, input.toOrgId, actor.sub, at, input.note),
    version: before.version + 1,
    updatedAt: at,
  };
  await saveOfficerTransfer(
    before,
    after,
    { action: 'officer.transfer-proposed', actor, note: input.note, changes: { fromOrgId: before.homeOrgId, toOrgId: input.toOrgId }, at },
    { onStale: () => staleVersionError('officer record', expected), guards: [receivingOrgGuard(input.toOrgId)] },
  );
  return after;
}

/**
 * The receiving organisation's HR lead decides a pending transfer. Accepting
 * moves the officer in one transaction, conditioned on the version read (and
 * on the one the caller sent, if any): the officer's new home (and its
 * region; the old staff number is released), the counters of every team the
 * officer leaves and joins, the PIP pipeline, and the audit entry. The
 * officer must still be active, at the home that proposed it, and committed
 * nowhere (409). Declining clears the proposal. The proposing side gets 403
 * (it cannot accept its own proposal), the home's HR lead 409 when nothing
 * is pending, anyone else 404.
 */
export async function decideTransfer(
  identity: Identity,
  officerId: string,
  input: { decision: TransferDecision; note: string },
  expected: ExpectedVersion | undefined,
  now = new Date(),
): Promise<Officer> {
  const before = await officerFor(identity, officerId, (o) => eitherSide(identity, o));
  if (!before.pendingTransfer) throw noTransferPending(before);
  if (!canDecideTransfer(identity, before)) {
    throw new ForbiddenError(`The HR lead of ${before.pendingTransfer!.toOrgId} decides this transfer; the proposing side may cancel it.`);
  }
  checkVersion(before, expected);
  const pending = before.pendingTransfer!;
  const at = now.toISOString();
  const actor = actorOf(identity);
  const onStale = () => (expected ? staleVersionError('officer record', expected) : new ConflictError('The officer record changed while you were deciding. Reload it and decide again.'));

  if (input.decision === 'decline') {
    const after: Officer = { ...before, pendingTransfer: null, version: before.version + 1, updatedAt: at };
    await saveOfficerTransfer(before, after, { action: 'officer.transfer-declined', actor, note: input.note, changes: { fromOrgId: pending.fromOrgId, toOrgId: pending.toOrgId }, at }, { onStale });
    return after;
  }

  const refusal = acceptanceRefusal(before);
  if (refusal) throw refusalError(refusal);
  refuseWhileCommitted(before, 'decision');
  const destination = await getOrganisation(pending.toOrgId);
  if (!destination) throw new ConflictError(`The organisation ${pending.toOrgId} no longer exists.`);
  const after = transferredOfficer(before, destination, at);
  await saveOfficerTransfer(
    before,
    after,
    {
      action: 'officer.transferred',
      actor,
      note: input.note,
      changes: {
        homeOrgId: { from: before.homeOrgId, to: after.homeOrgId },
        ...(after.region !== before.region ? { region: { from: before.region, to: after.region } } : {}),
        ...(before.staffNumber ? { staffNumber: null } : {}),
        proposedBy: pending.proposedBy,
        proposedAt: pending.proposedAt,
      },
      at,
    },
    { onStale },
  );
  return after;
}

/**
 * The proposing side (an HR lead of the organisation that proposed it, or of
 * the officer's home) withdraws a pending transfer: one Put of the officer
 * without it, conditioned on the version read, and the audit entry.
 */
export async function cancelTransfer(identity: Identity, officerId: string, input: { note: string }, now = new Date()): Promise<Officer> {
  const before = await officerFor(identity, officerId, (o) => eitherSide(identity, o));
  if (!before.pendingTransfer) throw noTransferPending(before);
  if (!canCancelTransfer(identity, before)) throw new ForbiddenError('Only the side that proposed a transfer cancels it; decline it instead.');
  const pending = before.pendingTransfer!;
  const at = now.toISOString();
  const after: Officer = { ...before, pendingTransfer: null, version: before.version + 1, updatedAt: at };
  await saveOfficerTransfer(
    before,
    after,
    { action: 'officer.transfer-cancelled', actor: actorOf(identity), note: input.note, changes: { fromOrgId: pending.fromOrgId, toOrgId: pending.toOrgId }, at },
    { onStale: () => new ConflictError('The officer record changed while you were cancelling. Reload it and try again.') },
  );
  return after;
}

/** The transfers waiting for an organisation's HR lead to decide, oldest first; another organisation's list is 403. */
export async function incomingTransfers(identity: Identity, orgId: string, page: { limit: number; cursor?: string }): Promise<Page<Officer>> {
  if (!isHrLeadOf(identity, orgId)) throw new ForbiddenError('You can list only the transfers coming to your own organisation.');
  return listIncomingTransfers(orgId, page);
}
