import { applicationAudit, saveApplicationAction, type StoredApplication } from '../data/application.repository';
import { actorOf } from '../data/audit.repository';
import { transactWrite } from '../data/transact';
import { transitionRefusal } from '../domain/application-rules';
import { ConflictError } from '../errors';
import type { Identity } from '../http/identity';
import { advance, applicationChanged, applicationForHr } from './application-access';

/**
 * The campaign's HR lead shortlists a submitted application. Primary course:
 * one transaction moves it to `shortlisted`, conditioned on the version (and
 * so the status) read, with its audit entry.
 */
export async function shortlistApplication(identity: Identity, applicationId: string, now = new Date()): Promise<StoredApplication> {
  const app = await applicationForHr(identity, applicationId);
  const refusal = transitionRefusal('shortlist', app.status);
  if (refusal) throw new ConflictError(refusal);
  const actor = actorOf(identity);
  const at = now.toISOString();
  const next = advance(app, 'shortlisted', actor, at);
  await transactWrite([saveApplicationAction(app, next, applicationChanged(app)), applicationAudit(next, 'application.shortlisted', actor, at)]);
  return next;
}
