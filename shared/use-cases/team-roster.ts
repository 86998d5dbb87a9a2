import { listBaselinesOfOrg } from '../data/capability.repository';
import { listOfficersServingIn } from '../data/officer.repository';
import { getOrganisation } from '../data/organisation.repository';
import { canListOfficersOf } from '../domain/access';
import { standingLevel } from '../domain/capability-level';
import { isPosted } from '../domain/posting';
import { todayIso } from '../domain/working-days';
import { ForbiddenError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { TeamRoster } from '../schemas/roster.schema';

/**
 * `GET /v1/organisations/{orgId}/roster`: who serves in each team of a unit,
 * for its ROCU head and HR lead (`canListOfficersOf`; 403 otherwise: the
 * roster names people). Primary course: one round trip — the organisation
 * (404 when unknown) ∥ its baselines (the counters) ∥ the active officers
 * serving there (gsi1, every page) — then each officer in every team they
 * hold, with their home, posting end, leaving date and commitments. A team
 * someone serves in without a baseline yet is listed with minimum 0 and the
 * figures counted from those officers.
 */
export async function teamRoster(identity: Identity, orgId: string, now = new Date()): Promise<TeamRoster> {
  if (!canListOfficersOf(identity, orgId)) {
    throw new ForbiddenError('Only the ROCU head and HR lead of the unit see its team roster.');
  }
  const [org, baselines, serving] = await Promise.all([getOrganisation(orgId), listBaselinesOfOrg(orgId), listOfficersServingIn(orgId)]);
  if (!org) throw new NotFoundError(`No organisation "${orgId}".`);
  const officers = [...serving].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const members = new Map<string, string[]>();
  for (const o of officers) for (const c of new Set(o.capabilities)) members.set(c, [...(members.get(c) ?? []), o.id]);
  const byCapability = new Map(baselines.map((b) => [b.capabilityId, b]));
  const committed = new Set(officers.filter((o) => (o.commitments ?? []).length > 0).map((o) => o.id));
  const capabilityIds = [...new Set([...byCapability.keys(), ...members.keys()])].sort();
  return {
    orgId,
    asOf: todayIso(now),
    teams: capabilityIds.map((capabilityId) => {
      const ids = members.get(capabilityId) ?? [];
      const b = byCapability.get(capabilityId);
      const figures = b
        ? { minimum: b.minimum, strength: b.strength, committedOut: b.committedOut }
        : { minimum: 0, strength: ids.length, committedOut: ids.filter((id) => committed.has(id)).length };
      return { capabilityId, ...figures, projected: figures.strength - figures.committedOut, level: standingLevel(figures), officerIds: ids };
    }),
    officers: officers.map((o) => ({
      id: o.id,
      name: o.name,
      staffNumber: o.staffNumber,
      homeOrgId: o.homeOrgId,
      posted: isPosted(o),
      servingUntil: isPosted(o) ? (o.servingUntil ?? null) : null,
      leavingOn: o.leavingOn ?? null,
      capabilities: o.capabilities,
      vetting: o.vetting,
      pipLevel: o.pipLevel,
      commitments: o.commitments ?? [],
    })),
  };
}
