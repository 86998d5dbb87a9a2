import { campaignsInWindow, draftCampaignsOfOrg } from '../data/report.repository';
import { canSeeCampaign } from '../domain/access';
import { hasDates } from '../domain/campaign-rules';
import { addDays, todayIso } from '../domain/working-days';
import { LATEST_DATE } from '../domain/date-range';
import { ValidationError } from '../errors';
import type { Identity } from '../http/identity';
import type { Campaign } from '../schemas/campaign.schema';
import type { CampaignCalendar } from '../schemas/report.schema';

/** The longest window one calendar covers. */
export const MAX_CALENDAR_DAYS = 731;

/** Statuses a calendar shows besides drafts (cancelled campaigns are off it). */
const LISTED: readonly Campaign['status'][] = ['consultation', 'open', 'closed', 'completed'];

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The campaign calendar: campaigns whose window meets [from, to], in opening
 * order, each with its coordination notices, and the pairs those notices
 * joined. Primary course: one bounded Query of the status index per status
 * shown (in parallel; `gsi1sk` is the opening date, so the range stops at
 * `to`), plus for an HR lead their organisation's drafts. Visibility is the
 * campaign rule: officers see open campaigns only (and no coordination
 * notices, which are for HR), drafts only their owner's and partners' HR leads.
 */
type DatedCampaign = Campaign & { opensOn: string; closesOn: string };

export async function campaignCalendar(
  identity: Identity,
  query: { from?: string; to?: string; capabilityId?: string; region?: string },
  now = new Date(),
): Promise<CampaignCalendar> {
  const today = todayIso(now);
  const from = query.from ?? addDays(today, -90, 'from');
  const base = query.from ?? today;
  // A window starting in the calendar's last year ends on its last day rather than past it.
  const to = query.to ?? (daysBetween(base, LATEST_DATE) < 365 ? LATEST_DATE : addDays(base, 365, 'from'));
  if (to < from) throw new ValidationError('`to` is before `from`.', [{ field: 'to', message: 'must not be before from' }]);
  if (daysBetween(from, to) > MAX_CALENDAR_DAYS) {
    throw new ValidationError(`A calendar covers at most ${MAX_CALENDAR_DAYS} days.`, [{ field: 'to', message: `at most ${MAX_CALENDAR_DAYS} days after from` }]);
  }

  const onlyOfficer = identity.roles.every((r) => r === 'officer');
  const statuses = onlyOfficer ? (['open'] as const) : LISTED;
  const reads = [
    ...statuses.map((s) => campaignsInWindow(s, from, to)),
    ...(identity.roles.includes('hr-lead') ? [draftCampaignsOfOrg(identity.org, from, to)] : []),
  ];
  const results = await Promise.all(reads);

  const seen = new Map<string, DatedCampaign>();
  for (const c of results.flatMap((r) => r.campaigns)) {
    if (query.capabilityId && c.capabilityId !== query.capabilityId) continue;
    if (query.region && !c.regions.includes(query.region)) continue;
    // The index lags the table a little: keep one copy, and only what the caller may see.
    if (c.status === 'cancelled' || !canSeeCampaign(identity, c) || (onlyOfficer && c.status !== 'open')) continue;
    // A draft without its dates has no place on a calendar yet.
    if (!hasDates(c)) continue;
    seen.set(c.id, c);
  }
  const campaigns = [...seen.values()]
    .sort((a, b) => a.opensOn.localeCompare(b.opensOn) || a.id.localeCompare(b.id))
    .map((c) => ({
      id: c.id,
      title: c.title,
      capabilityId: c.capabilityId,
      ownerOrgId: c.ownerOrgId,
      partnerOrgIds: c.partnerOrgIds,
      regions: c.regions,
      posts: c.posts,
      status: c.status,
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      coordination: onlyOfficer ? [] : c.coordination,
    }));

  const notices = new Map<string, CampaignCalendar['notices'][number]>();
  for (const c of campaigns) {
    for (const other of c.coordination) {
      const partner = seen.get(other.campaignId);
      if (!partner) continue;
      const ids = [c.id, partner.id].sort();
      notices.set(ids.join('|'), { campaignIds: ids, capabilityId: c.capabilityId, titles: ids.map((id) => seen.get(id)!.title) });
    }
  }
  return { from, to, campaigns, notices: [...notices.values()], truncated: results.some((r) => r.truncated) };
}
