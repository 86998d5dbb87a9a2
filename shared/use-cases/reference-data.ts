import { actorOf } from '../data/audit.repository';
import { createCapability, listCapabilities } from '../data/capability.repository';
import { listOrganisations } from '../data/organisation.repository';
import type { Identity } from '../http/identity';
import type { Capability } from '../schemas/capability.schema';
import type { Organisation } from '../schemas/organisation.schema';

/** The capability catalogue, for anyone signed in. One Query. */
export async function listCapabilityCatalogue(): Promise<{ items: Capability[] }> {
  return { items: await listCapabilities() };
}

/** Every organisation (the NCA and the ROCUs), for anyone signed in. One Query. */
export async function listOrganisationDirectory(): Promise<{ items: Organisation[] }> {
  return { items: await listOrganisations() };
}

/** An administrator adds a capability to the catalogue: one conditional Put with its audit entry. */
export async function addCapability(identity: Identity, capability: Capability): Promise<Capability> {
  return createCapability(capability, actorOf(identity));
}
