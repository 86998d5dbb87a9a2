import { getApplication, type StoredApplication } from '../data/application.repository';
import type { Actor } from '../data/audit.repository';
import { latestReleaseFor } from '../domain/alert-rules';
import type { ApplicationStatus } from '../domain/application-rules';
import { ConflictError, NotFoundError, type AppError } from '../errors';
import type { Identity } from '../http/identity';
import type { HistoryEntry } from '../schemas/application.schema';
import type { Campaign } from '../schemas/campaign.schema';
import type { Officer } from '../schemas/officer.schema';
import { memberOrgIds } from '../data/campaign.repository';
import { servingOrgOf } from '../domain/posting';

/**
 * Loading an application for the person acting on it. Someone who may not
 * act on it is told it does not exist, so applications do not leak across
 * organisations or between officers.
 */

/** The HR leads of the campaign's owner and partners manage its applications. */
function isApplicationHr(identity: Identity, app: Pick<StoredApplication, 'campaignOrgIds'>): boolean {
  return identity.roles.includes('hr-lead') && app.campaignOrgIds.includes(identity.org);
}

export function isApplicant(identity: Identity, app: Pick<StoredApplication, 'officerId'>): boolean {
  return identity.officerId !== undefined && identity.officerId === app.officerId;
}

/** Reading an application: the applicant and the campaign's HR leads; to anyone else it does not exist. */
export function canReadApplication(identity: Identity, app: Pick<StoredApplication, 'officerId' | 'campaignOrgIds'>): boolean {
  return isApplicant(identity, app) || isApplicationHr(identity, app);
}

export async function applicationForHr(identity: Identity, applicationId: string): Promise<StoredApplication> {
  const app = await getApplication(applicationId);
  if (!app || !isApplicationHr(identity, app)) throw new NotFoundError(`No application ${applicationId} to a campaign of yours.`);
  return app;
}

export async function applicationForApplicant(identity: Identity, applicationId: string): Promise<StoredApplication> {
  const app = await getApplication(applicationId);
  if (!app || !isApplicant(identity, app)) throw new NotFoundError(`No application ${applicationId} of yours.`);
  return app;
}

/**
 * An application as the API shows it: with the latest date a held offer is
 * released on, worked out from its status on the way out (never stored, so
 * it cannot go stale when the offer is released, withdrawn or rejected).
 */
export function applicationView<T extends StoredApplication>(app: T): T {
  return { ...app, latestReleaseDate: latestReleaseFor(app) };
}

export function historyEntry(status: ApplicationStatus, actor: Actor, at: string, note?: string): HistoryEntry {
  return { status, at, by: actor.sub, org: actor.org, ...(note ? { note } : {}) };
}

/** A new campaign application as submitted: the one shape applying (and the benchmark's bulk load) writes. */
export function submittedApplication(
  id: string,
  campaign: Pick<Campaign, 'id' | 'title' | 'capabilityId' | 'ownerOrgId' | 'partnerOrgIds'>,
  officer: Pick<Officer, 'id' | 'name' | 'homeOrgId' | 'servingOrgId'>,
  statement: string,
  actor: Actor,
  at: string,
): StoredApplication {
  return {
    id,
    applicationType: 'campaign',
    campaignId: campaign.id,
    campaignTitle: campaign.title,
    capabilityId: campaign.capabilityId,
    ownerOrgId: campaign.ownerOrgId,
    campaignOrgIds: memberOrgIds(campaign),
    officerId: officer.id,
    officerName: officer.name,
    // The unit the officer serves in is the one their leaving depletes: the gates protect it and its head decides.
    homeOrgId: servingOrgOf(officer),
    statement,
    status: 'submitted',
    requestedStartDate: null,
    startDate: null,
    releaseDate: null,
    releaseDecision: null,
    releasedBy: null,
    alertId: null,
    sourceOrgId: null,
    homeOrgType: null,
    commitment: null,
    history: [historyEntry('submitted', actor, at)],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/** The next state of an application: a status, a history line, the next version. */
export function advance(app: StoredApplication, status: ApplicationStatus, actor: Actor, at: string, change: Partial<StoredApplication> = {}, note?: string): StoredApplication {
  return { ...app, ...change, status, history: [...app.history, historyEntry(status, actor, at, note)], version: app.version + 1, updatedAt: at };
}

/** The conditional write lost to another change of the same application. */
export function applicationChanged(app: StoredApplication): () => AppError {
  return () => new ConflictError(`The application changed while you were working on it (it was ${app.status}). Reload and try again.`);
}
