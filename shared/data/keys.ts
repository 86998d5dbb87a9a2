/**
 * Key builders: the only place that knows how an entity's keys are spelt.
 * Partition keys are `TYPE#id`; see README.md beside this file for the access
 * patterns each layout serves, and `KEY_REGISTRY` below for every layout.
 */
export const keys = {
  /** An organisation's own partition: its baselines, staff-number claims, campaign memberships, pipeline shards. */
  orgPartition: (orgId: string) => `ORG#${orgId}`,
  /**
   * The greatest sort key of the `<value>#<id>` layouts for one value (`~`
   * sorts after every id character): `sk <= sortKeyThrough(today)` reads
   * everything up to and including today.
   */
  sortKeyThrough: (value: string) => `${value}#~`,

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
  /**
   * gsi1: officers by the organisation they serve in (home, or the unit a posting has them in), in
   * name order: the record keeper's list, and the forecast's roster of a unit's teams.
   */
  officerByOrg: (servingOrgId: string, name: string, officerId: string) => ({
    gsi1pk: `ORG#${servingOrgId}#OFFICER`,
    gsi1sk: `${name.toLowerCase()}#${officerId}`,
  }),
  officersOfOrg: (servingOrgId: string) => `ORG#${servingOrgId}#OFFICER`,
  /**
   * gsi2 (sparse): an officer who will start counting in `orgId`'s teams on `date` (an accepted move's
   * destination, or home when a posting ends): the forecast's arrivals, one Query per unit.
   */
  officerArriving: (orgId: string, date: string, officerId: string) => ({ gsi2pk: `ORG#${orgId}#ARRIVING`, gsi2sk: `${date}#${officerId}` }),
  officersArrivingAt: (orgId: string) => `ORG#${orgId}#ARRIVING`,
  /**
   * The officer's due item: the next date the officer job owes them a change (a posting's end, a
   * leaving date), on gsi3 `DUE#OFFICER` / `<date>#<officerId>`. Written with every officer write
   * that moves the date, in its transaction.
   */
  officerDue: (officerId: string) => ({ pk: `OFFICER#${officerId}`, sk: 'DUE' }),
  officerDueMarker: (date: string, officerId: string) => ({ gsi3pk: 'DUE#OFFICER', gsi3sk: `${date}#${officerId}` }),
  officersDuePartition: 'DUE#OFFICER',
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
   * Powertools idempotency records (shared/data/idempotency-store.ts): one partition per kind, the
   * sort key Powertools' own idempotency key.
   */
  requestIdempotencyPartition: 'IDEMPOTENCY',
  deliveryIdempotencyPartition: 'IDEMPOTENCY#DELIVERY',
  /** Who is emailed for an inbox audience (`rocu-head:titan`): one item per audience, kept by administrators. */
  contact: (audience: string) => ({ pk: `CONTACT#${audience}`, sk: 'CONTACT' }),
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
  /**
   * The live forecast warning of one team (the alert the daily job raised for its breach month), in the
   * unit's partition: the job reads a unit's with one Query, and drops it when the forecast recovers.
   */
  forecastWarning: (orgId: string, capabilityId: string) => ({ pk: `ORG#${orgId}`, sk: `FORECAST-WARNING#${capabilityId}` }),
  forecastWarningPrefix: 'FORECAST-WARNING#',
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

/**
 * Course and course-booking key layouts. A course's partition holds the
 * course item (with its seat counters), one claim per officer holding a
 * booking (one booking per officer per course) and the wait list in the order
 * people joined it, so the wait list is a strongly consistent Query of the
 * course's own partition.
 */
export const courseKeys = {
  course: (courseId: string) => ({ pk: `COURSE#${courseId}`, sk: 'COURSE' }),
  /** gsi1: every course by start date; the upcoming list reads `gsi1sk >= today`. */
  courseByStart: (startDate: string, courseId: string) => ({ gsi1pk: 'COURSE#BYSTART', gsi1sk: `${startDate}#${courseId}` }),
  coursesByStart: 'COURSE#BYSTART',
  /** One live booking (booked or wait-listed) per officer per course; deleted on cancelling, so the officer may book again. */
  booker: (courseId: string, officerId: string) => ({ pk: `COURSE#${courseId}`, sk: `BOOKER#${officerId}` }),
  /** A wait-list entry, in the order people joined. */
  waitEntry: (courseId: string, waitlistedAt: string, bookingId: string) => ({ pk: `COURSE#${courseId}`, sk: `WAIT#${waitlistedAt}#${bookingId}` }),
  waitPrefix: 'WAIT#',
  booking: (bookingId: string) => ({ pk: `CBOOK#${bookingId}`, sk: 'CBOOK' }),
  /** gsi1: a course's bookings in the order they came. */
  bookingByCourse: (courseId: string, createdAt: string, bookingId: string) => ({ gsi1pk: `COURSE#${courseId}#BOOKING`, gsi1sk: `${createdAt}#${bookingId}` }),
  bookingsOfCourse: (courseId: string) => `COURSE#${courseId}#BOOKING`,
  /** gsi2: one officer's course bookings, newest first. */
  bookingByOfficer: (officerId: string, createdAt: string, bookingId: string) => ({ gsi2pk: `OFFICER#${officerId}#CBOOK`, gsi2sk: `${createdAt}#${bookingId}` }),
  bookingsOfOfficer: (officerId: string) => `OFFICER#${officerId}#CBOOK`,
};

/** Placement key layouts: sort keys order a list the way people read it. */
export const placementKeys = {
  placement: (placementId: string) => ({ pk: `PLACEMENT#${placementId}`, sk: 'PLACEMENT' }),
  /**
   * gsi1: placements by status, by closing date. Browsing open placements
   * reads from today onwards (`gsi1sk >= today`), so a placement past its
   * closing date drops out of the list with no job having to close it.
   */
  placementByStatus: (status: string, closesOn: string, placementId: string) => ({
    gsi1pk: `PLACEMENT#STATUS#${status}`,
    gsi1sk: `${closesOn}#${placementId}`,
  }),
  placementsWithStatus: (status: string) => `PLACEMENT#STATUS#${status}`,
  /** gsi2: one host organisation's placements, by closing date. */
  placementByHost: (hostOrgId: string, closesOn: string, placementId: string) => ({
    gsi2pk: `PLACEMENT#HOST#${hostOrgId}`,
    gsi2sk: `${closesOn}#${placementId}`,
  }),
  placementsOfHost: (hostOrgId: string) => `PLACEMENT#HOST#${hostOrgId}`,
};

/** Secondment application key layouts. */
export const secondmentKeys = {
  secondment: (applicationId: string) => ({ pk: `SECAPP#${applicationId}`, sk: 'SECAPP' }),
  /** gsi1: applications to one placement, in the order they came. */
  secondmentByPlacement: (placementId: string, createdAt: string, applicationId: string) => ({
    gsi1pk: `PLACEMENT#${placementId}#APP`,
    gsi1sk: `${createdAt}#${applicationId}`,
  }),
  secondmentsOfPlacement: (placementId: string) => `PLACEMENT#${placementId}#APP`,
  /** One application per officer per placement: a claim item in the placement's partition. */
  placementApplicant: (placementId: string, officerId: string) => ({ pk: `PLACEMENT#${placementId}`, sk: `APPLICANT#${officerId}` }),
  /** gsi3: one home organisation's officers' applications, newest first (the home's list of what awaits its decision). */
  secondmentByHome: (homeOrgId: string, createdAt: string, applicationId: string) => ({
    gsi3pk: `ORG#${homeOrgId}#SECAPP`,
    gsi3sk: `${createdAt}#${applicationId}`,
  }),
  secondmentsOfHome: (homeOrgId: string) => `ORG#${homeOrgId}#SECAPP`,
  /**
   * A due marker (its own item, in one partition): a confirmed secondment by
   * its start date, an active one by its end date; none otherwise. The
   * lifecycle job reads the partition up to today.
   */
  secondmentDue: (date: string, applicationId: string) => ({ pk: 'DUE#SECONDMENT', sk: `${date}#${applicationId}` }),
  secondmentsDuePartition: 'DUE#SECONDMENT',
  /** The secondment-flows aggregate: one counter item per region × direction, all in one partition. */
  flowCounter: (region: string, from: string, to: string) => ({ pk: 'REPORT#SECONDMENT-FLOWS', sk: `${region}#${from}#${to}` }),
  flowsPartition: 'REPORT#SECONDMENT-FLOWS',
};

/**
 * The PIP record's own item, beside the officer item in the officer's
 * partition: what only the record has (assessor, dates, evidence, sign-offs).
 */
export const pipKeys = {
  record: (officerId: string) => ({ pk: `OFFICER#${officerId}`, sk: 'PIP' }),
};

/** The PIP pipeline's maintained counters. */
export const pipelineKeys = {
  /**
   * One organisation's PIP pipeline counters, spread over a few shard items in
   * its partition (`pipelineShard` of the officer id picks one), so that many
   * officers of one organisation written at once do not all contend for one item.
   */
  counter: (orgId: string, shard: number) => ({ pk: `ORG#${orgId}`, sk: `PIPELINE#${shard}` }),
  /** gsi2: every organisation's pipeline shards (the report: one Query). */
  counterAll: (orgId: string, shard: number) => ({ gsi2pk: 'PIPELINE', gsi2sk: `${orgId}#${shard}` }),
  allPartition: 'PIPELINE',
};

/**
 * The candidate pool's items: pool entries (one per consenting appointable
 * application, in a partition per capability) and invitations (one per
 * officer per campaign, in the officer's partition).
 */
export const poolKeys = {
  /**
   * A pool entry. The sort key is the source application's own `createdAt`
   * and id, so it can be rebuilt from the application alone: withdrawing
   * consent or the appointable mark deletes it in the application's
   * transaction without looking it up first. Newest applications first.
   */
  entry: (capabilityId: string, applicationCreatedAt: string, applicationId: string) => ({
    pk: `POOL#${capabilityId}`,
    sk: `${applicationCreatedAt}#${applicationId}`,
  }),
  partition: (capabilityId: string) => `POOL#${capabilityId}`,
  /** An invitation: at most one per officer per campaign, listed with the officer's other invitations. */
  invitation: (officerId: string, campaignId: string) => ({ pk: `OFFICER#${officerId}`, sk: `INVITE#${campaignId}` }),
  invitationPrefix: 'INVITE#',
};

// ---------------------------------------------------------------- the registry

export type KeyIndex = 'table' | 'gsi1' | 'gsi2' | 'gsi3';

/** One key layout: the index it lives in, its partition and sort key patterns (`{name}` a value), and the items that carry it. */
export interface KeyLayout {
  name: string;
  index: KeyIndex;
  pk: string;
  sk: string;
  items: readonly string[];
}

const ATTRIBUTES: Record<KeyIndex, [string, string]> = { table: ['pk', 'sk'], gsi1: ['gsi1pk', 'gsi1sk'], gsi2: ['gsi2pk', 'gsi2sk'], gsi3: ['gsi3pk', 'gsi3sk'] };

/** `{name}`: a pattern's stand-in for a value. */
const v = (name: string) => `{${name}}`;

/** The layout a builder writes, from the builder itself (called with stand-ins), so the registry cannot drift from the keys items get. */
function layout(name: string, items: readonly string[], key: Record<string, string | number>): KeyLayout {
  const found = (Object.entries(ATTRIBUTES) as [KeyIndex, [string, string]][]).filter(([, [pk]]) => pk in key);
  if (found.length !== 1) throw new Error(`Key layout ${name}: one index's keys expected, got ${Object.keys(key).join(', ')}`);
  const [index, [pk, sk]] = found[0]!;
  return { name, index, pk: String(key[pk]), sk: String(key[sk]), items };
}

/**
 * Every key layout of the table and its indexes: each partition kind, with
 * its sort key pattern, and the items that carry it. A layout's values (ids,
 * slugs, dates, statuses, audiences) are lower-case and never hold `#`, while
 * every literal part is upper-case, so a value never reads as a literal: two
 * layouts can only share a partition when their literal parts agree, and
 * then their sort keys must not share a prefix (test/unit/key-registry.test.ts).
 */
export const KEY_REGISTRY: readonly KeyLayout[] = [
  layout('organisation', ['organisation'], keys.organisation(v('orgId'))),
  layout('capability', ['capability'], keys.capability(v('capabilityId'))),
  layout('baseline', ['baseline'], keys.baseline(v('orgId'), v('capabilityId'))),
  layout('baselineByCapability', ['baseline'], keys.baselineByCapability(v('capabilityId'), v('orgId'))),
  layout('baselineAll', ['baseline'], keys.baselineAll(v('orgId'), v('capabilityId'))),
  layout('officer', ['officer'], keys.officer(v('officerId'))),
  layout('officerByOrg', ['officer'], keys.officerByOrg(v('servingOrgId'), v('name'), v('officerId'))),
  layout('officerArriving', ['officer (arriving)'], keys.officerArriving(v('orgId'), v('date'), v('officerId'))),
  layout('officerDue', ['officer due item'], keys.officerDue(v('officerId'))),
  layout('officerDueMarker', ['officer due item'], keys.officerDueMarker(v('date'), v('officerId'))),
  layout('forecastWarning', ['forecast warning'], keys.forecastWarning(v('orgId'), v('capabilityId'))),
  layout('officerTransferIncoming', ['officer'], keys.officerTransferIncoming(v('toOrgId'), v('proposedAt'), v('officerId'))),
  layout('staffNumber', ['staff-number claim'], keys.staffNumber(v('orgId'), v('staffNumber'))),
  layout('audit', ['audit entry'], keys.audit(v('entityType'), v('entityId'), v('at'), v('id'))),
  layout('seedMarker', ['seed marker'], keys.seedMarker(v('name'))),
  layout('healthProbe', ['(never written)'], keys.healthProbe),
  layout('outboxEvent', ['outbox event'], keys.outboxEvent(v('at'), v('eventId'))),
  layout('requestIdempotency', ['idempotency record'], { pk: keys.requestIdempotencyPartition, sk: v('idempotencyKey') }),
  layout('deliveryIdempotency', ['delivery record'], { pk: keys.deliveryIdempotencyPartition, sk: v('idempotencyKey') }),
  layout('contact', ['contact'], keys.contact(v('audience'))),
  layout('campaign', ['campaign'], keys.campaign(v('campaignId'))),
  layout('campaignByStatus', ['campaign'], keys.campaignByStatus(v('status'), v('opensOn'), v('campaignId'))),
  layout('campaignByCapability', ['campaign'], keys.campaignByCapability(v('capabilityId'), v('opensOn'), v('campaignId'))),
  layout('campaignCloseDue', ['campaign (open)'], keys.campaignCloseDue(v('closesOn'), v('campaignId'))),
  layout('campaignMembership', ['campaign membership'], keys.campaignMembership(v('orgId'), v('campaignId'))),
  layout('campaignSource', ['source counter'], keys.campaignSource(v('campaignId'), v('orgId'))),
  layout('campaignAllocation', ['allocation counter'], keys.campaignAllocation(v('campaignId'), v('orgId'))),
  layout('campaignApplicant', ['campaign applicant claim'], keys.campaignApplicant(v('campaignId'), v('officerId'))),
  layout('alert', ['alert'], keys.alert(v('alertId'))),
  layout('alertDue', ['alert (open or escalated)'], keys.alertDue(v('dueAt'), v('alertId'))),
  layout('inboxEntry', ['inbox entry'], keys.inboxEntry(v('audience'), v('createdAt'), v('alertId'))),
  layout('application', ['application'], keys.application(v('applicationId'))),
  layout('applicationByCampaign', ['application'], keys.applicationByCampaign(v('campaignId'), v('createdAt'), v('applicationId'))),
  // Both kinds of application share an officer's gsi2 partition: "my applications" is one Query.
  layout('applicationByOfficer', ['application', 'secondment application'], keys.applicationByOfficer(v('officerId'), v('createdAt'), v('applicationId'))),
  layout('moveDue', ['application (accepted)'], keys.moveDue(v('startDate'), v('applicationId'))),
  layout('course', ['course'], courseKeys.course(v('courseId'))),
  layout('courseByStart', ['course'], courseKeys.courseByStart(v('startDate'), v('courseId'))),
  layout('booker', ['course booker claim'], courseKeys.booker(v('courseId'), v('officerId'))),
  layout('waitEntry', ['wait-list entry'], courseKeys.waitEntry(v('courseId'), v('waitlistedAt'), v('bookingId'))),
  layout('booking', ['course booking'], courseKeys.booking(v('bookingId'))),
  layout('bookingByCourse', ['course booking'], courseKeys.bookingByCourse(v('courseId'), v('createdAt'), v('bookingId'))),
  layout('bookingByOfficer', ['course booking'], courseKeys.bookingByOfficer(v('officerId'), v('createdAt'), v('bookingId'))),
  layout('placement', ['placement'], placementKeys.placement(v('placementId'))),
  layout('placementByStatus', ['placement'], placementKeys.placementByStatus(v('status'), v('closesOn'), v('placementId'))),
  layout('placementByHost', ['placement'], placementKeys.placementByHost(v('hostOrgId'), v('closesOn'), v('placementId'))),
  layout('secondment', ['secondment application'], secondmentKeys.secondment(v('applicationId'))),
  layout('secondmentByPlacement', ['secondment application'], secondmentKeys.secondmentByPlacement(v('placementId'), v('createdAt'), v('applicationId'))),
  layout('secondmentByHome', ['secondment application'], secondmentKeys.secondmentByHome(v('homeOrgId'), v('createdAt'), v('applicationId'))),
  layout('placementApplicant', ['placement applicant claim'], secondmentKeys.placementApplicant(v('placementId'), v('officerId'))),
  layout('secondmentDue', ['secondment due marker'], secondmentKeys.secondmentDue(v('date'), v('applicationId'))),
  layout('flowCounter', ['secondment flow counter'], secondmentKeys.flowCounter(v('region'), v('from'), v('to'))),
  layout('pipRecord', ['PIP record'], pipKeys.record(v('officerId'))),
  layout('pipelineCounter', ['PIP pipeline shard'], pipelineKeys.counter(v('orgId'), v('shard') as never)),
  layout('pipelineCounterAll', ['PIP pipeline shard'], pipelineKeys.counterAll(v('orgId'), v('shard') as never)),
  layout('poolEntry', ['pool entry'], poolKeys.entry(v('capabilityId'), v('applicationCreatedAt'), v('applicationId'))),
  layout('invitation', ['pool invitation'], poolKeys.invitation(v('officerId'), v('campaignId'))),
];
