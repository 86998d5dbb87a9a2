import { hasApplied } from '../data/application.repository';
import { getCampaign } from '../data/campaign.repository';
import { canSeeCampaign, impactRowsVisible } from '../domain/access';
import { worstLevel, type Level } from '../domain/capability-level';
import type { ImpactRow } from '../domain/impact';
import { impactInput, impactInputMissing } from '../domain/campaign-readiness';
import { ConflictError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { Campaign } from '../schemas/campaign.schema';
import { assessCampaignImpact } from './assess-campaign-impact';

/**
 * A campaign for someone who may see it (`canSeeCampaign`: a draft only for
 * its owner's and partners' HR, an officer open ones), and for an officer who
 * applied to it, whatever its status since (they read the role they were
 * offered after it closed); to anyone else it is not found. One GetItem; an
 * officer's read also reads their claim on the campaign, in parallel.
 */
export async function readCampaign(identity: Identity, campaignId: string): Promise<Campaign> {
  const officerId = identity.roles.every((r) => r === 'officer') ? identity.officerId : undefined;
  const [campaign, applied] = await Promise.all([getCampaign(campaignId), officerId ? hasApplied(campaignId, officerId) : Promise.resolve(false)]);
  const visible = campaign && (canSeeCampaign(identity, campaign) || (applied && campaign.status !== 'draft'));
  if (!campaign || !visible) throw new NotFoundError(`No campaign ${campaignId}.`);
  return campaign;
}

/**
 * A campaign's impact on every ROCU's teams, recomputed from the campaign and
 * the current baselines (so it follows every edit and every baseline change),
 * with the rows the caller may see (`impactRowsVisible`: campaign HR and
 * ROCCs all, a ROCU head their own unit's). GetItem, then the assessment's reads.
 * A draft without its posts or vetting level has no impact yet: 409 naming them.
 */
export async function readCampaignImpact(
  identity: Identity,
  campaignId: string,
): Promise<{ campaignId: string; capabilityId: string; rows: ImpactRow[]; worstLevel: Level }> {
  const campaign = await readCampaign(identity, campaignId);
  const input = impactInput(campaign);
  if (!input) {
    const missing = impactInputMissing(campaign);
    throw new ConflictError(
      `The impact cannot be assessed until the draft has ${missing.map((m) => (m.field === 'posts' ? 'its number of posts' : 'its minimum vetting level')).join(' and ')}.`,
      missing,
    );
  }
  const visible = impactRowsVisible(identity, campaign);
  const { assessment } = await assessCampaignImpact(input);
  const rows = visible === 'all' ? assessment.rows : assessment.rows.filter((r) => r.orgId === identity.org);
  return { campaignId: campaign.id, capabilityId: campaign.capabilityId, rows, worstLevel: worstLevel(rows.map((r) => r.level)) };
}
