import type { Identity } from '../http/identity';

/**
 * Who reads an audit entry: the HR lead or ROCU head of an organisation
 * involved in it, or a ROCC whose regions include an involved organisation's.
 */
export function canReadAuditEntry(identity: Identity, orgIds: readonly string[], regionOf: (orgId: string) => string | null | undefined): boolean {
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
