/**
 * Campaign lifecycle and validation rules (BRIEF.md "Recruitment campaigns"): pure.
 */

export const CAMPAIGN_STATUSES = ['draft', 'consultation', 'open', 'closed', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

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

export interface CampaignShape {
  ownerOrgId: string;
  partnerOrgIds: readonly string[];
  posts: number;
  allocations: readonly { orgId: string; posts: number }[];
  opensOn: string;
  closesOn: string;
  maxAppointmentsPerSource: number | null;
}

export type RuleViolation = { field: string; message: string };

/** What a recruiter would expect to be refused: dates out of order, allocations that do not add up, odd partners. */
export function campaignViolations(c: CampaignShape): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (c.closesOn <= c.opensOn) out.push({ field: 'closesOn', message: 'must be after opensOn' });
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
    if (sum !== c.posts) out.push({ field: 'allocations', message: `allocations add up to ${sum}, not the ${c.posts} posts` });
  }
  if (c.maxAppointmentsPerSource !== null && c.maxAppointmentsPerSource > c.posts) {
    out.push({ field: 'maxAppointmentsPerSource', message: 'cannot exceed the number of posts' });
  }
  return out;
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
