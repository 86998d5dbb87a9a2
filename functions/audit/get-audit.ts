import { alertRoutes } from '../../shared/api/routes/alert.routes';
import { listAudit } from '../../shared/data/audit.repository';
import { listOrganisations } from '../../shared/data/organisation.repository';
import { canReadAuditEntry } from '../../shared/domain/audit-visibility';
import { NotFoundError } from '../../shared/errors';
import { defineHandler } from '../../shared/http/handler';

/**
 * An entity's audit trail (`?entity=campaign:cmp_…`), oldest first, showing
 * the entries that involve the caller's organisation (or, for a ROCC, their
 * regions). One Query of the entity's audit partition, plus the organisations
 * for a ROCC.
 */
export const handler = defineHandler(alertRoutes.getAudit, async ({ identity, query }) => {
  const [entityType, ...rest] = query.entity.split(':');
  const entityId = rest.join(':');
  const [trail, orgs] = await Promise.all([
    listAudit(entityType!, entityId, query),
    identity.roles.includes('rocc') ? listOrganisations() : Promise.resolve([]),
  ]);
  const regions = new Map(orgs.map((o) => [o.id, o.region]));
  const items = trail.items.filter((e) => canReadAuditEntry(identity, e.orgIds, (o) => regions.get(o)));
  if (items.length === 0) throw new NotFoundError(`No audit trail for ${query.entity} that you can see.`);
  return { entity: query.entity, items, ...(trail.cursor ? { cursor: trail.cursor } : {}) };
});
