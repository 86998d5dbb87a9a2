import { capabilityExists } from '../data/capability.repository';
import { organisationExists } from '../data/organisation.repository';
import type { GuardedAction } from '../data/transact';
import { campaignViolations } from '../domain/campaign-rules';
import { ValidationError } from '../errors';
import type { Campaign } from '../schemas/campaign.schema';

/**
 * What a campaign must satisfy to be saved, whether drafted or edited: the
 * rules between its fields (campaignViolations: dates in order, allocations
 * adding up, at most four partners, none twice) are checked now (400), and
 * the records it names (the capability, every partner) are returned as
 * ConditionChecks for the transaction that writes it, so a reference that
 * vanishes meanwhile still fails the write. `capOrgIds`: organisations an
 * edit gives a per-ROCU cap, checked to exist the same way.
 */
export function campaignChecks(campaign: Campaign, capOrgIds: readonly string[] = []): GuardedAction[] {
  const violations = campaignViolations(campaign);
  if (violations.length) throw new ValidationError('The campaign is not valid.', violations);
  const unknownOrg = (orgId: string) => () =>
    new ValidationError(`No organisation "${orgId}".`, [{ field: 'partnerOrgIds', message: `unknown organisation ${orgId}` }]);
  return [
    capabilityExists(campaign.capabilityId, () =>
      new ValidationError(`No capability "${campaign.capabilityId}".`, [{ field: 'capabilityId', message: 'unknown capability' }]),
    ),
    ...campaign.partnerOrgIds.map((orgId) => organisationExists(orgId, unknownOrg(orgId))),
    ...capOrgIds
      .filter((orgId) => orgId !== campaign.ownerOrgId && !campaign.partnerOrgIds.includes(orgId))
      .map((orgId) =>
        organisationExists(orgId, () => new ValidationError(`No organisation "${orgId}".`, [{ field: 'sourceCaps', message: `unknown organisation ${orgId}` }])),
      ),
  ];
}
