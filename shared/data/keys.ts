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
  /** gsi3 (sparse): an officer while a transfer to `toOrgId` waits for its HR lead, oldest proposal first. */
  officerTransferIncoming: (toOrgId: string, proposedAt: string, officerId: string) => ({
    gsi3pk: `ORG#${toOrgId}#TRANSFER-IN`,
    gsi3sk: `${proposedAt}#${officerId}`,
  }),
  transfersIncomingTo: (toOrgId: string) => `ORG#${toOrgId}#TRANSFER-IN`,
  /** Uniqueness of a staff number within its organisation. */
  staffNumber: (orgId: string, staffNumber: string) => ({ pk: `ORG#${orgId}`, sk: `STAFFNO#${staffNumber.toUpperCase()}` }),

  /** Audit entries: one partition per entity, in time order. */
  audit: (entityType: string, entityId: string, at: string, id: string) => ({ pk: `AUDIT#${entityType}#${entityId}`, sk: `${at}#${id}` }),
  auditPartition: (entityType: string, entityId: string) => `AUDIT#${entityType}#${entityId}`,

  seedMarker: (name: string) => ({ pk: 'SEED', sk: name }),
  /** The key `GET /v1/health` reads: no item is ever written there. */
  healthProbe: { pk: 'HEALTH', sk: 'HEALTH' },
  /**
   * The transactional outbox: a domain event written in the same transaction as the change it
   * reports, in time order, until the notifier (the table's stream in AWS, the local gateway's
   * drain locally) has delivered it and deleted it.
   */
  outboxPartition: 'OUTBOX',
  outboxEvent: (at: string, eventId: string) => ({ pk: 'OUTBOX', sk: `${at}#${eventId}` }),

  campaign: (campaignId: string) => ({ pk: `CAMPAIGN#${campaignId}`, sk: 'CAMPAIGN' }),
  /** gsi1: campaigns by status, in opening order. */
  campaignByStatus: (status: string, opensOn: string, campaignId: string) => ({ gsi1pk: `CAMPAIGN#STATUS#${status}`, gsi1sk: `${opensOn}#${campaignId}` }),
  campaignsWithStatus: (status: string) => `CAMPAIGN#STATUS#${status}`,
  /** gsi2: campaigns by capability, in opening order (calendar coordination, candidate pool). */
  campaignByCapability: (capabilityId: string, opensOn: string, campaignId: string) => ({ gsi2pk: `CAMPAIGN#CAP#${capabilityId}`, gsi2sk: `${opensOn}#${campaignId}` }),
  campaignsOfCapability: (capabilityId: string) => `CAMPAIGN#CAP#${capabilityId}`,
  /** A campaign as seen from one member organisation (owner or partner): a summary copy in the org's partition. */
  campaignMembership: (orgId: string, campaignId: string) => ({ pk: `ORG#${orgId}`, sk: `CAMPAIGN#${campaignId}` }),
  campaignMembershipPrefix: 'CAMPAIGN#',
  /** Live offers to officers of one source ROCU: the per-source cap is a condition on this counter. */
  campaignSource: (campaignId: string, orgId: string) => ({ pk: `CAMPAIGN#${campaignId}`, sk: `SOURCE#${orgId}` }),
  /** Offers filling one organisation's allocation of a campaign's posts (never more than its posts). */
  campaignAllocation: (campaignId: string, orgId: string) => ({ pk: `CAMPAIGN#${campaignId}`, sk: `ALLOC#${orgId}` }),
  /**
   * gsi3 (sparse): open campaigns by closing date, for the closing job. Put on the item whenever it
   * is written `open` and dropped by any write that leaves `open` (closed, cancelled), with the status.
   */
  campaignCloseDue: (closesOn: string, campaignId: string) => ({ gsi3pk: 'DUE#CAMPAIGN', gsi3sk: `${closesOn}#${campaignId}` }),
  campaignsDuePartition: 'DUE#CAMPAIGN',
  /** One application per officer per campaign. */
  campaignApplicant: (campaignId: string, officerId: string) => ({ pk: `CAMPAIGN#${campaignId}`, sk: `APPLICANT#${officerId}` }),

  alert: (alertId: string) => ({ pk: `ALERT#${alertId}`, sk: 'ALERT' }),
  /** gsi3 (sparse): alerts by their deadline (open: when they escalate by themselves; escalated: when the ROCC's time runs out). */
  alertDue: (dueAt: string, alertId: string) => ({ gsi3pk: 'DUE#ALERT', gsi3sk: `${dueAt}#${alertId}` }),
  alertsDuePartition: 'DUE#ALERT',
  /**
   * An inbox entry: a summary copy of an alert for one audience (`rocu-head:titan`,
   * `hr-lead:nca`, `rocc:north-west`), newest first. Rewritten with the alert.
   */
  inboxEntry: (audience: string, createdAt: string, alertId: string) => ({ pk: `INBOX#${audience}`, sk: `${createdAt}#${alertId}` }),
  inboxPartition: (audience: string) => `INBOX#${audience}`,

  application: (applicationId: string) => ({ pk: `APP#${applicationId}`, sk: 'APP' }),
  /** gsi1: applications to one campaign, in the order they came. */
  applicationByCampaign: (campaignId: string, createdAt: string, applicationId: string) => ({ gsi1pk: `CAMPAIGN#${campaignId}#APP`, gsi1sk: `${createdAt}#${applicationId}` }),
  applicationsOfCampaign: (campaignId: string) => `CAMPAIGN#${campaignId}#APP`,
  /** gsi2: one officer's applications (campaigns and secondments), newest first. */
  applicationByOfficer: (officerId: string, createdAt: string, applicationId: string) => ({ gsi2pk: `OFFICER#${officerId}#APP`, gsi2sk: `${createdAt}#${applicationId}` }),
  applicationsOfOfficer: (officerId: string) => `OFFICER#${officerId}#APP`,
  /** gsi3 (sparse): accepted moves by the date they take effect. */
  moveDue: (startDate: string, applicationId: string) => ({ gsi3pk: 'DUE#MOVE', gsi3sk: `${startDate}#${applicationId}` }),
  movesDuePartition: 'DUE#MOVE',
};
