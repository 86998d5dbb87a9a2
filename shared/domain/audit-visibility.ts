import type { Identity } from '../http/identity';

/** What the administrator keeps, and so may read the history of: the reference data and who is emailed. */
export const ADMIN_AUDITED: ReadonlySet<string> = new Set(['capability', 'contact']);

/**
 * Who reads an audit entry: the HR lead or ROCU head of an organisation
 * involved in it, a ROCC whose regions include an involved organisation's,
 * or the administrator for the records they keep (ADMIN_AUDITED), never for
 * campaigns, officers or decisions.
 */
export function canReadAuditEntry(
  identity: Identity,
  entry: { entityType: string; orgIds: readonly string[] },
  regionOf: (orgId: string) => string | null | undefined,
): boolean {
  const { orgIds } = entry;
  if (identity.roles.includes('admin') && ADMIN_AUDITED.has(entry.entityType)) return true;
  const staff = identity.roles.includes('hr-lead') || identity.roles.includes('rocu-head');
  if (staff && orgIds.includes(identity.org)) return true;
  if (identity.roles.includes('rocc')) {
    return orgIds.some((o) => {
      const region = regionOf(o);
      return region ? identity.regions.includes(region) : false;
    });
  }
  return false;
}
