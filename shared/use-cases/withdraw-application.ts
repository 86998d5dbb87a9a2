import type { StoredApplication } from '../data/application.repository';
import { actorOf } from '../data/audit.repository';
import type { Identity } from '../http/identity';
import { applicationForApplicant } from './application-access';
import { endApplication } from './end-application';

/**
 * The applicant withdraws, at any point up to and including an accepted
 * offer. Primary course: the application becomes `withdrawn` and, in the same
 * transaction, gives back what it held (see `endApplication`): the source
 * slot of a live or accepted offer, an acceptance's `committedOut`, a pending
 * offer-release alert.
 */
export async function withdrawApplication(identity: Identity, applicationId: string, now = new Date()): Promise<StoredApplication> {
  const app = await applicationForApplicant(identity, applicationId);
  return endApplication(app, 'withdrawn', actorOf(identity), now);
}
