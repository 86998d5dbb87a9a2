import { getApplication, type StoredApplication } from '../data/application.repository';
import { NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import { applicationView, canReadApplication } from './application-access';

/** An application as the API shows it, for the applicant and the campaign's HR leads (`canReadApplication`); to anyone else it does not exist. One GetItem. */
export async function readApplication(identity: Identity, applicationId: string): Promise<StoredApplication> {
  const app = await getApplication(applicationId, false);
  if (!app || !canReadApplication(identity, app)) throw new NotFoundError(`No application ${applicationId}.`);
  return applicationView(app);
}
