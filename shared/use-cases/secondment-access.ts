import type { Actor } from '../data/audit.repository';
import { getSecondment, type StoredSecondment } from '../data/secondment.repository';
import { isHrLeadOf, isRocuHeadOf } from '../domain/access';
import type { SecondmentStatus } from '../domain/secondment-rules';
import { ConflictError, ForbiddenError, NotFoundError, type AppError } from '../errors';
import type { Identity } from '../http/identity';
import type { SecondmentHistoryEntry } from '../schemas/secondment.schema';

/**
 * Who may see and act on a secondment application. Someone who may not see
 * it is told it does not exist (so applications do not leak across
 * organisations); someone who sees it but may not do what they asked is told
 * who may.
 */

export function isSecondmentApplicant(identity: Identity, app: Pick<StoredSecondment, 'officerId'>): boolean {
  return identity.officerId !== undefined && identity.officerId === app.officerId;
}

function isHostHr(identity: Identity, app: Pick<StoredSecondment, 'hostOrgId'>): boolean {
  return isHrLeadOf(identity, app.hostOrgId);
}

/** The applicant, the host's HR lead, and the home's HR lead and ROCU head see an application. */
function canSeeSecondment(identity: Identity, app: Pick<StoredSecondment, 'officerId' | 'hostOrgId' | 'homeOrgId'>): boolean {
  return isSecondmentApplicant(identity, app) || isHostHr(identity, app) || isHrLeadOf(identity, app.homeOrgId) || isRocuHeadOf(identity, app.homeOrgId);
}

/**
 * Load an application for someone about to act on it: 404 when they may not
 * see it, 403 (naming who may) when they see it but `allowed` says no.
 */
export async function secondmentFor(
  identity: Identity,
  applicationId: string,
  allowed: (app: StoredSecondment) => boolean,
  whoMay: string,
): Promise<StoredSecondment> {
  const app = await getSecondment(applicationId);
  if (!app || !canSeeSecondment(identity, app)) throw new NotFoundError(`No secondment application ${applicationId} visible to you.`);
  if (!allowed(app)) throw new ForbiddenError(`Only ${whoMay} can do this.`);
  return app;
}

export function secondmentHistoryEntry(status: SecondmentStatus, actor: Actor, at: string, note?: string): SecondmentHistoryEntry {
  return { status, at, by: actor.sub, org: actor.org, ...(note ? { note } : {}) };
}

/** The next state of an application: a status, a history line, the next version. */
export function advanceSecondment(
  app: StoredSecondment,
  status: SecondmentStatus,
  actor: Actor,
  at: string,
  change: Partial<StoredSecondment> = {},
  note?: string,
): StoredSecondment {
  return {
    ...app,
    ...change,
    status,
    history: [...app.history, secondmentHistoryEntry(status, actor, at, note)],
    version: app.version + 1,
    updatedAt: at,
  };
}

/** The conditional write lost to another change of the same application. */
export function secondmentChanged(app: StoredSecondment): () => AppError {
  return () => new ConflictError(`The secondment application changed while you were working on it (it was ${app.status}). Reload and try again.`);
}
