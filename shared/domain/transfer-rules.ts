import type { Identity } from '../http/identity';
import type { Officer, PendingTransfer } from '../schemas/officer.schema';
import { isHrLeadOf } from './access';
import { regionAfterMove } from './move-effect';
import type { OrgType, Region } from './reference';

/**
 * Transfers between organisations (pure). A move of an officer's home from one
 * organisation to another is two-sided: the home's HR lead proposes it, and
 * the receiving organisation's HR lead accepts it (the officer then moves,
 * and stops counting in the old home's teams and counts in the new one's) or
 * declines it; the proposing side may cancel it while it waits. Neither side
 * can move an officer alone, so no organisation's strength rises without
 * anybody there agreeing to it.
 */

export type TransferDecision = 'accept' | 'decline';

export interface TransferRefusal {
  status: 400 | 409;
  field?: string;
  message: string;
}

/** Why `officer` cannot be proposed for a transfer to `toOrgId` (undefined when it can). */
export function proposalRefusal(officer: Pick<Officer, 'name' | 'homeOrgId' | 'status' | 'pendingTransfer'>, toOrgId: string): TransferRefusal | undefined {
  if (toOrgId === officer.homeOrgId) return { status: 400, field: 'toOrgId', message: `${officer.name} is already an officer of ${toOrgId}.` };
  if (officer.status !== 'active') return { status: 409, message: `${officer.name} has left the service and cannot be transferred.` };
  if (officer.pendingTransfer) {
    return { status: 409, message: `A transfer of ${officer.name} to ${officer.pendingTransfer.toOrgId} is already waiting for its HR lead; it must be decided or cancelled first.` };
  }
  return undefined;
}

/** Why the pending transfer of `officer` cannot be accepted now (undefined when it can). */
export function acceptanceRefusal(officer: Pick<Officer, 'name' | 'homeOrgId' | 'status' | 'pendingTransfer'>): TransferRefusal | undefined {
  const pending = officer.pendingTransfer;
  if (!pending) return { status: 409, message: `No transfer of ${officer.name} is waiting for a decision.` };
  if (officer.status !== 'active') return { status: 409, message: `${officer.name} has left the service.` };
  // The home changed under the proposal (an appointment elsewhere took effect): it no longer says what it said.
  if (pending.fromOrgId !== officer.homeOrgId) {
    return { status: 409, message: `${officer.name}'s home is now ${officer.homeOrgId}, not ${pending.fromOrgId} as when the transfer was proposed; ${officer.homeOrgId}'s HR lead may propose it again.` };
  }
  return undefined;
}

/** The home's HR lead proposes a transfer. */
export function canProposeTransfer(identity: Identity, officer: Pick<Officer, 'homeOrgId'>): boolean {
  return isHrLeadOf(identity, officer.homeOrgId);
}

/** The receiving organisation's HR lead decides a pending transfer. */
export function canDecideTransfer(identity: Identity, officer: Pick<Officer, 'pendingTransfer'>): boolean {
  return !!officer.pendingTransfer && isHrLeadOf(identity, officer.pendingTransfer.toOrgId);
}

/** The proposing side cancels: an HR lead of the organisation that proposed it, or of the officer's home now. */
export function canCancelTransfer(identity: Identity, officer: Pick<Officer, 'homeOrgId' | 'pendingTransfer'>): boolean {
  return !!officer.pendingTransfer && (isHrLeadOf(identity, officer.pendingTransfer.fromOrgId) || isHrLeadOf(identity, officer.homeOrgId));
}

/** The transfer as proposed. */
export function proposedTransfer(officer: Pick<Officer, 'homeOrgId'>, toOrgId: string, by: string, at: string, note: string): PendingTransfer {
  return { fromOrgId: officer.homeOrgId, toOrgId, proposedBy: by, proposedAt: at, note };
}

/**
 * The officer record once a transfer is accepted: the new home, its region
 * (a ROCU or a force works in one; the NCA leaves the region as it was), no
 * staff number (the old organisation's own reference; the new one issues
 * its own), and nothing pending.
 */
export function transferredOfficer(officer: Officer, destination: { id: string; type: OrgType; region: Region | null }, at: string): Officer {
  // Transferred to the unit they are posted to, they serve there at home: the posting is over.
  const postingEnds = officer.servingOrgId === destination.id;
  return {
    ...officer,
    homeOrgId: destination.id,
    ...(postingEnds ? { servingOrgId: null, servingUntil: null } : {}),
    region: regionAfterMove(officer.region, destination),
    staffNumber: null,
    pendingTransfer: null,
    version: officer.version + 1,
    updatedAt: at,
  };
}
