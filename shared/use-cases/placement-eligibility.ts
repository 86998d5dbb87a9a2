import { getOfficer } from '../data/officer.repository';
import { getOrganisation } from '../data/organisation.repository';
import type { StoredPlacement } from '../data/placement.repository';
import { placementRefusals, type PlacementApplicant } from '../domain/secondment-rules';
import type { Identity } from '../http/identity';
import type { Eligibility } from '../schemas/placement.schema';
import type { Officer } from '../schemas/officer.schema';
import { servingOrgOf } from '../domain/posting';

export interface ApplicantContext {
  officer: Officer;
  applicant: PlacementApplicant;
}

/**
 * The caller's officer record and its home organisation's type, for judging
 * eligibility; undefined for a caller without an officer record. Two reads
 * in parallel: the token's organisation is the officer's home unless the
 * record moved since the token was issued, and only then is the home read
 * again.
 */
export async function applicantContext(identity: Identity, consistent = false): Promise<ApplicantContext | undefined> {
  if (!identity.officerId) return undefined;
  const [officer, tokenOrg] = await Promise.all([getOfficer(identity.officerId, consistent), getOrganisation(identity.org)]);
  if (!officer) return undefined;
  // A posted officer applies from the unit they serve in: its type, its gate, its head's release.
  const servingOrgId = servingOrgOf(officer);
  const home = servingOrgId === tokenOrg?.id ? tokenOrg : await getOrganisation(servingOrgId);
  if (!home) return undefined;
  return {
    officer,
    applicant: {
      status: officer.status,
      vetting: officer.vetting,
      vettingExpiresOn: officer.vettingExpiresOn,
      pipLevel: officer.pipLevel,
      homeOrgId: servingOrgId,
      homeOrgType: home.type,
    },
  };
}

/** Whether the applicant may apply for the placement on `today`, with every reason why not. */
export function eligibilityFor(ctx: ApplicantContext, placement: StoredPlacement, today: string): Eligibility {
  const reasons = placementRefusals(ctx.applicant, placement, today).map((r) => ({ code: r.code, message: r.message }));
  return { ok: reasons.length === 0, reasons };
}
