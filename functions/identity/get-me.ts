import { serviceRoutes } from '../../shared/api/routes/service.routes';
import { getOfficer } from '../../shared/data/officer.repository';
import { defineHandler } from '../../shared/http/handler';

/** The caller's claims; an officer also gets their own record (one GetItem). */
export const handler = defineHandler(serviceRoutes.getMe, async ({ identity }) => {
  const officer = identity.officerId ? await getOfficer(identity.officerId) : undefined;
  return { ...identity, ...(officer ? { officer } : {}) };
});
