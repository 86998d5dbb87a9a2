/**
 * Key builders: the only place that knows how an entity's keys are spelt.
 * Partition keys are `TYPE#id`; see README.md beside this file for the access
 * patterns each layout serves.
 */
export const keys = {
  organisation: (orgId: string) => ({ pk: 'REF#ORG', sk: `ORG#${orgId}` }),
  organisationsPartition: 'REF#ORG',

  capability: (capabilityId: string) => ({ pk: 'REF#CAP', sk: `CAP#${capabilityId}` }),
  capabilitiesPartition: 'REF#CAP',

  /** A ROCU × capability baseline and its counters. */
  baseline: (orgId: string, capabilityId: string) => ({ pk: `ORG#${orgId}`, sk: `CAPBASE#${capabilityId}` }),
  baselineSkPrefix: 'CAPBASE#',
  /** gsi1: every organisation's baseline for one capability (impact assessment: one Query). */
  baselineByCapability: (capabilityId: string, orgId: string) => ({ gsi1pk: `CAPBASE#${capabilityId}`, gsi1sk: `ORG#${orgId}` }),
  /** gsi2: every baseline (heatmap: one Query). */
  baselineAll: (orgId: string, capabilityId: string) => ({ gsi2pk: 'CAPBASE', gsi2sk: `${orgId}#${capabilityId}` }),

  officer: (officerId: string) => ({ pk: `OFFICER#${officerId}`, sk: 'OFFICER' }),
  /** gsi1: officers by home organisation, in name order. */
  officerByOrg: (homeOrgId: string, name: string, officerId: string) => ({
    gsi1pk: `ORG#${homeOrgId}#OFFICER`,
    gsi1sk: `${name.toLowerCase()}#${officerId}`,
  }),
  officersOfOrg: (homeOrgId: string) => `ORG#${homeOrgId}#OFFICER`,
  /** Uniqueness of a staff number within its organisation. */
  staffNumber: (orgId: string, staffNumber: string) => ({ pk: `ORG#${orgId}`, sk: `STAFFNO#${staffNumber.toUpperCase()}` }),

  /** Audit entries: one partition per entity, in time order. */
  audit: (entityType: string, entityId: string, at: string, id: string) => ({ pk: `AUDIT#${entityType}#${entityId}`, sk: `${at}#${id}` }),
  auditPartition: (entityType: string, entityId: string) => `AUDIT#${entityType}#${entityId}`,

  seedMarker: (name: string) => ({ pk: 'SEED', sk: name }),
};
