import { actorOf } from '../data/audit.repository';
import { getCampaign, saveCampaign } from '../data/campaign.repository';
import { isCampaignHr } from '../domain/access';
import { applySourceCapChanges, canDo, sourceCapRefusals } from '../domain/campaign-rules';
import { missingForPublish } from '../domain/campaign-readiness';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { ExpectedVersion } from '../data/expected-version';
import type { Identity } from '../http/identity';
import type { Campaign, PatchCampaignInput } from '../schemas/campaign.schema';
import { campaignChecks } from './campaign-checks';

/**
 * Edit a campaign while it is a draft or in consultation (the HR lead setting
 * the cap a ROCU head asked for, say). Owner or partner HR leads; the version
 * read must still be current. The campaign after the edit is held to the
 * same checks as a new draft (campaignChecks: the rules between fields, and
 * the capability and every partner checked to exist in the transaction).
 * The impact is recomputed on every read, so an edit needs no recalculation here.
 * Per-ROCU caps change one organisation at a time; a cap a ROCC imposed may
 * only be lowered (409 otherwise). Only a draft may have a field cleared
 * (null, or an empty list): a campaign in consultation keeps them all (400).
 */
export async function editCampaign(identity: Identity, campaignId: string, patch: Omit<PatchCampaignInput, 'version'>, expected: ExpectedVersion): Promise<Campaign> {
  const before = await getCampaign(campaignId, true);
  if (!before || !isCampaignHr(identity, before)) throw new NotFoundError(`No campaign ${campaignId}.`);
  if (!canDo('edit', before.status)) throw new ConflictError(`A campaign that is ${before.status} can no longer be edited.`);
  const capRefusals = patch.sourceCaps ? sourceCapRefusals(before, patch.sourceCaps) : [];
  if (capRefusals.length) throw new ConflictError(`The campaign's caps cannot change so: ${capRefusals.map((r) => r.message).join('; ')}.`, capRefusals);
  const after: Campaign = {
    ...before,
    ...Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && k !== 'roleProfile' && k !== 'sourceCaps')),
    roleProfile: { ...before.roleProfile, ...(patch.roleProfile ?? {}) } as Campaign['roleProfile'],
    sourceCaps: patch.sourceCaps ? applySourceCapChanges(before.sourceCaps, patch.sourceCaps) : before.sourceCaps,
  };
  if (patch.partnerOrgIds && before.status !== 'draft') {
    throw new ConflictError('Partners can change only while the campaign is a draft.');
  }
  const emptied = before.status === 'draft' ? [] : missingForPublish(after);
  if (emptied.length) {
    throw new ValidationError(`Only a draft can leave a field empty. ${emptied.map((m) => m.message).join('; ')}.`, emptied);
  }
  const checks = campaignChecks(after, Object.keys(patch.sourceCaps ?? {}));
  return saveCampaign(before, after, expected, { action: 'campaign.edited', actor: actorOf(identity), changes: patch as Record<string, unknown> }, checks);
}
