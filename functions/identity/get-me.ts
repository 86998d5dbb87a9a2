import { routes } from '../../shared/api/routes';
import { getOfficer } from '../../shared/data/officer.repository';
import { defineHandler } from '../../shared/http/handler';

/** The caller's claims; an officer also gets their own record (one GetItem). */
export const handler = defineHandler(routes.getMe, async ({ identity }) => {
  const officer = identity.officerId ? await getOfficer(identity.officerId) : undefined;
  return { ...identity, ...(officer ? { officer } : {}) };
});
