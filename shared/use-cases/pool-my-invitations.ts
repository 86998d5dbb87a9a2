import type { Page } from '../data/paging';
import { listInvitationsOfOfficer, type StoredInvitation } from '../data/pool.repository';
import { ForbiddenError } from '../errors';
import type { Identity } from '../http/identity';

/** The caller's invitations to apply, newest campaign first: one Query of their own partition. */
export async function listMyInvitations(identity: Identity, query: { limit: number; cursor?: string | undefined }): Promise<Page<StoredInvitation>> {
  if (!identity.officerId) throw new ForbiddenError('Your account is not linked to an officer record; ask your HR lead.');
  return listInvitationsOfOfficer(identity.officerId, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
}
