import { actorOf } from '../data/audit.repository';
import { emptyBaseline, listBaselinesOfOrg, listCapabilities, updateBaseline, type Baseline, type BaselineChange } from '../data/capability.repository';
import type { ExpectedVersion } from '../data/expected-version';
import { getOrganisation } from '../data/organisation.repository';
import { baselineFieldsAllowed } from '../domain/access';
import { ForbiddenError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';

/**
 * An organisation's capability rows: one per capability in the catalogue, so
 * a ROCU head can set a minimum on a capability the unit has no row for yet
 * (version 0). An unknown organisation is a 404. Three reads in parallel.
 */
export async function listOrgCapabilities(orgId: string): Promise<{ items: Baseline[] }> {
  const [organisation, catalogue, baselines] = await Promise.all([getOrganisation(orgId), listCapabilities(), listBaselinesOfOrg(orgId)]);
  if (!organisation) throw new NotFoundError(`No organisation "${orgId}".`);
  const byCapability = new Map(baselines.map((b) => [b.capabilityId, b]));
  return { items: catalogue.map((c) => byCapability.get(c.id) ?? emptyBaseline(orgId, c.id)) };
}

/**
 * Set an organisation's minimum and/or establishment for one capability: the
 * ROCU head sets the minimum, the HR lead the establishment and funding lines, each only for
 * their own organisation (`baselineFieldsAllowed`). One conditional Update
 * on the version the caller read (see `updateBaseline`).
 */
export async function setOrgCapability(
  identity: Identity,
  orgId: string,
  capabilityId: string,
  change: BaselineChange,
  expected: ExpectedVersion,
): Promise<Baseline> {
  const allowed = baselineFieldsAllowed(identity, orgId);
  if (change.minimum !== undefined && !allowed.minimum) {
    throw new ForbiddenError(`Only the ROCU head of ${orgId} sets its minimum viable strength.`);
  }
  if ((change.establishment !== undefined || change.funding !== undefined) && !allowed.establishment) {
    throw new ForbiddenError(`Only the HR lead of ${orgId} sets its establishment and funding lines.`);
  }
  return updateBaseline(
    orgId,
    capabilityId,
    { minimum: change.minimum, establishment: change.establishment, ...(change.funding ? { funding: change.funding } : {}) },
    expected,
    actorOf(identity),
  );
}
