import { alertRoutes } from '../../shared/api/routes/alert.routes';
import { defineHandler } from '../../shared/http/handler';
import { readAuditTrail } from '../../shared/use-cases/read-audit-trail';

/**
 * An entity's audit trail (`?entity=campaign:cmp_…`), oldest first, showing
 * the entries that involve the caller's organisation (or, for a ROCC, their
 * regions). One Query of the entity's audit partition, plus the organisations
 * for a ROCC.
 */
export const handler = defineHandler(alertRoutes.getAudit, async ({ identity, query }) => readAuditTrail(identity, query.entity, query));
