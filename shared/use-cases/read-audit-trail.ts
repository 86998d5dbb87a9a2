import { listAudit, type AuditEntry } from '../data/audit.repository';
import { listOrganisations } from '../data/organisation.repository';
import { canReadAuditEntry } from '../domain/audit-visibility';
import { NotFoundError } from '../errors';
import type { Identity } from '../http/identity';

/**
 * An entity's audit trail (`campaign:cmp_…`), oldest first, keeping the
 * entries that involve the caller's organisation (or, for a ROCC, their
 * regions; for the administrator, the records they keep: `canReadAuditEntry`); none visible is a 404. One Query of the
 * entity's audit partition, plus the organisations for a ROCC, in parallel.
 */
export async function readAuditTrail(
  identity: Identity,
  entity: string,
  page: { limit: number; cursor?: string },
): Promise<{ entity: string; items: AuditEntry[]; cursor?: string }> {
  const [entityType, ...rest] = entity.split(':');
  const entityId = rest.join(':');
  const [trail, orgs] = await Promise.all([
    listAudit(entityType!, entityId, page),
    identity.roles.includes('rocc') ? listOrganisations() : Promise.resolve([]),
  ]);
  const regions = new Map(orgs.map((o) => [o.id, o.region]));
  const items = trail.items.filter((e) => canReadAuditEntry(identity, { entityType: entityType!, orgIds: e.orgIds }, (o) => regions.get(o)));
  if (items.length === 0) throw new NotFoundError(`No audit trail for ${entity} that you can see.`);
  return { entity, items, ...(trail.cursor ? { cursor: trail.cursor } : {}) };
}
