import type { StoredApplication } from '../data/application.repository';
import { actorOf } from '../data/audit.repository';
import type { Identity } from '../http/identity';
import { applicationForHr } from './application-access';
import { endApplication } from './end-application';

/**
 * The campaign's HR lead rejects an application that is submitted,
 * shortlisted or holds an offer not yet accepted. Primary course: the
 * application becomes `rejected` and, in the same transaction, a live offer
 * gives its source slot back and a pending offer-release alert is withdrawn.
 */
export async function rejectApplication(identity: Identity, applicationId: string, now = new Date()): Promise<StoredApplication> {
  const app = await applicationForHr(identity, applicationId);
  return endApplication(app, 'rejected', actorOf(identity), now);
}
