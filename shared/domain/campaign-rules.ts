/**
 * Campaign lifecycle and validation rules (BRIEF.md "Recruitment campaigns"): pure.
 *
 * `draft` → (`consultation`) → `open` → `closed` → `completed`; `cancelled`
 * from any state before completed. A published (`open`) campaign takes
 * applications from `opensOn` to `closesOn` inclusive; the day after
 * `closesOn` the closing job makes it `closed` (the owner's HR lead may close
 * it earlier); offers go on while it is open or closed; the owner completes
 * it once no application is live, and then nothing more happens in it but
 * accepted moves taking effect.
 */

export const CAMPAIGN_STATUSES = ['draft', 'consultation', 'open', 'closed', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Campaign statuses in which no offer can follow any more: the campaign has ended. */
export const ENDED_CAMPAIGN_STATUSES = ['completed', 'cancelled'] as const satisfies readonly CampaignStatus[];

/**
 * Applications still in the running: a campaign cannot be completed while
 * one is. (An accepted offer is not: the appointment is made, and the move
 * job still takes it into effect on its start date.)
 */
export const LIVE_APPLICATION_STATUSES = ['submitted', 'shortlisted', 'offered', 'awaiting-release'] as const;

const TRANSITIONS: Record<string, readonly CampaignStatus[]> = {
  publish: ['draft', 'consultation'],
  edit: ['draft', 'consultation'],
  close: ['open'],
  complete: ['closed'],
  cancel: ['draft', 'consultation', 'open', 'closed'],
  apply: ['open'],
};
export type CampaignAction = keyof typeof TRANSITIONS;

export function allowedFrom(action: CampaignAction): readonly CampaignStatus[] {
  return TRANSITIONS[action] ?? [];
}

export function canDo(action: CampaignAction, status: CampaignStatus): boolean {
  return allowedFrom(action).includes(status);
}

/**
 * Partners of one campaign. Publishing may raise an alert for every ROCU with
 * its inbox copies and audit entries in one 100-action transaction; four
 * partners keep it inside.
 */
export const MAX_PARTNER_ORGS = 4;

/**
 * A campaign's fields as the rules between them read them. A draft may leave
 * the number of posts and the dates out (null) until it is published; a rule
 * between fields is checked once both of its fields are there.
 */
export interface CampaignShape {
  ownerOrgId: string;
  partnerOrgIds: readonly string[];
  posts: number | null;
  allocations: readonly { orgId: string; posts: number }[];
  opensOn: string | null;
  closesOn: string | null;
  maxAppointmentsPerSource: number | null;
}

export type RuleViolation = { field: string; message: string };

/** What a recruiter would expect to be refused: dates out of order, allocations that do not add up, odd partners. */
export function campaignViolations(c: CampaignShape): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (c.opensOn !== null && c.closesOn !== null && c.closesOn <= c.opensOn) out.push({ field: 'closesOn', message: 'must be after opensOn' });
  if (c.partnerOrgIds.includes(c.ownerOrgId)) out.push({ field: 'partnerOrgIds', message: 'must not include the owner organisation' });
  if (new Set(c.partnerOrgIds).size !== c.partnerOrgIds.length) out.push({ field: 'partnerOrgIds', message: 'lists an organisation twice' });
  if (c.partnerOrgIds.length > MAX_PARTNER_ORGS) out.push({ field: 'partnerOrgIds', message: `at most ${MAX_PARTNER_ORGS} partner organisations` });
  if (c.allocations.length > 0) {
    const members = new Set([c.ownerOrgId, ...c.partnerOrgIds]);
    const seen = new Set<string>();
    for (const a of c.allocations) {
      if (!members.has(a.orgId)) out.push({ field: 'allocations', message: `${a.orgId} is not the owner or a partner` });
      if (seen.has(a.orgId)) out.push({ field: 'allocations', message: `${a.orgId} is allocated twice` });
      seen.add(a.orgId);
    }
    const sum = c.allocations.reduce((n, a) => n + a.posts, 0);
    if (c.posts !== null && sum !== c.posts) out.push({ field: 'allocations', message: `allocations add up to ${sum}, not the ${c.posts} posts` });
  }
  if (c.maxAppointmentsPerSource !== null && c.posts !== null && c.maxAppointmentsPerSource > c.posts) {
    out.push({ field: 'maxAppointmentsPerSource', message: 'cannot exceed the number of posts' });
  }
  return out;
}

// ---------------------------------------------------------------- the application window

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2027-02-02` → `2 February 2027`, the way GOV.UK writes dates. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export interface ApplicationWindow {
  status: CampaignStatus;
  opensOn: string | null;
  closesOn: string | null;
}

/** Is the campaign taking applications on `today`? Open, and `opensOn <= today <= closesOn` (both days included). */
export function takesApplications(c: ApplicationWindow, today: string): boolean {
  return c.status === 'open' && hasDates(c) && c.opensOn <= today && today <= c.closesOn;
}

/** Why an officer cannot apply on `today`, in words with the date that matters; undefined when they can. */
export function applicationWindowRefusal(c: ApplicationWindow, today: string): { message: string; field: string } | undefined {
  if (c.status !== 'open' || !hasDates(c)) return { field: 'status', message: `The campaign is ${c.status}: applications are taken only while it is open.` };
  if (today < c.opensOn) return { field: 'opensOn', message: `The campaign opens for applications on ${longDate(c.opensOn)}.` };
  if (today > c.closesOn) return { field: 'closesOn', message: `The campaign closed for applications on ${longDate(c.closesOn)}.` };
  return undefined;
}

/** Is an open campaign past its closing date on `today`, so that the closing job closes it? */
export function dueToClose(c: ApplicationWindow, today: string): boolean {
  return c.status === 'open' && c.closesOn !== null && c.closesOn < today;
}

/** Why the campaign cannot be completed, naming every live application; undefined when it can. */
export function completionRefusal(
  c: { status: CampaignStatus },
  applications: readonly { id: string; officerName: string; status: string }[],
): { message: string; details: { field: string; message: string; applicationId?: string }[] } | undefined {
  if (!canDo('complete', c.status)) {
    const hint = c.status === 'open' ? ' Close it first (or wait for its closing date).' : '';
    return { message: `Only a closed campaign can be completed; this one is ${c.status}.${hint}`, details: [{ field: 'status', message: c.status }] };
  }
  const live = applications.filter((a) => (LIVE_APPLICATION_STATUSES as readonly string[]).includes(a.status));
  if (live.length === 0) return undefined;
  const names = live.map((a) => `${a.officerName} (${a.status})`);
  return {
    message: `The campaign has ${live.length} live application${live.length === 1 ? '' : 's'}: ${names.join(', ')}. Each must be accepted, rejected or withdrawn before the campaign is completed.`,
    details: live.map((a) => ({ field: 'applications', applicationId: a.id, message: `${a.officerName}: ${a.status}` })),
  };
}

/** Do two date windows (inclusive YYYY-MM-DD) overlap? */
export function windowsOverlap(a: { opensOn: string; closesOn: string }, b: { opensOn: string; closesOn: string }): boolean {
  return a.opensOn <= b.closesOn && b.opensOn <= a.closesOn;
}

/** Calendar coordination: same capability, overlapping windows and overlapping regions. */
export function campaignsCollide(
  a: { capabilityId: string; opensOn: string; closesOn: string; regions: readonly string[] },
  b: { capabilityId: string; opensOn: string; closesOn: string; regions: readonly string[] },
): boolean {
  return a.capabilityId === b.capabilityId && windowsOverlap(a, b) && a.regions.some((r) => b.regions.includes(r));
}

/**
 * The posts of one organisation's allocation (rule 8): a joint campaign's
 * allocations name them; the owner holds every post no allocation names
 * (all of them in a campaign without allocations). Undefined for an
 * organisation with no allocation.
 */
export function allocationPosts(c: { ownerOrgId: string; posts: number; allocations: readonly { orgId: string; posts: number }[] }, orgId: string): number | undefined {
  const named = c.allocations.find((a) => a.orgId === orgId);
  if (named) return named.posts;
  if (orgId !== c.ownerOrgId) return undefined;
  return c.posts - c.allocations.reduce((n, a) => n + a.posts, 0);
}

/** At most this many single-ROCU caps in one campaign: one per ROCU and the NCA. */
export const MAX_SOURCE_CAPS = 12;

/**
 * The per-ROCU caps after an HR lead's edit: each organisation named gets the
 * cap given, or loses its cap (null); the others keep theirs. The HR lead sets
 * the cap a ROCU head asked for this way, for that ROCU alone.
 */
export function applySourceCapChanges(caps: Readonly<Record<string, number>>, changes: Readonly<Record<string, number | null>>): Record<string, number> {
  const next: Record<string, number> = { ...caps };
  for (const [orgId, cap] of Object.entries(changes)) {
    if (cap === null) delete next[orgId];
    else next[orgId] = cap;
  }
  return next;
}

/**
 * Why an HR lead may not make a per-ROCU cap change: a cap a ROCC imposed when
 * upholding an objection keeps that ROCU at its minimum, so it may be lowered
 * but not raised or removed. Empty when every change may be made.
 */
export function sourceCapRefusals(
  campaign: { sourceCaps: Readonly<Record<string, number>>; consultation: Readonly<Record<string, { outcome: string | null }>> },
  changes: Readonly<Record<string, number | null>>,
): { field: string; orgId: string; message: string }[] {
  const out: { field: string; orgId: string; message: string }[] = [];
  for (const [orgId, cap] of Object.entries(changes)) {
    const imposed = campaign.consultation[orgId]?.outcome === 'cap-imposed' ? campaign.sourceCaps[orgId] : undefined;
    if (imposed === undefined) continue;
    if (cap === null || cap > imposed) {
      out.push({
        field: 'sourceCaps',
        orgId,
        message: `the cap of ${imposed} for ${orgId} was imposed by the ROCC to keep its team at its minimum: it can be lowered, not ${cap === null ? 'removed' : 'raised'}`,
      });
    }
  }
  return out;
}

/** Does the campaign have both its dates (a draft may not yet)? */
export function hasDates<C extends { opensOn: string | null; closesOn: string | null }>(c: C): c is C & { opensOn: string; closesOn: string } {
  return c.opensOn !== null && c.closesOn !== null;
}
