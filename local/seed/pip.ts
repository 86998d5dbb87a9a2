/**
 * Demo PIP records, made once through the API's own use case (so the officer
 * items, the PIP pipeline counters and the audit trail are exactly what an HR
 * lead would make):
 *
 * - In development, with a workplace assessor and a first evidence note:
 *   three NCA PIP1 investigators towards PIP2, assessed in the ROCUs they
 *   would be seconded to, and two TITAN PIP2 investigators towards PIP3.
 * - Accredited, with an evidence note on the record: two ERSOU PIP2
 *   investigators.
 * - Every COMPLETED secondment on a PIP-development placement that the
 *   secondment seed made (local/seed/secondments.ts) is left awaiting
 *   sign-off: the officer's record is put in development towards the
 *   placement's target, with the workplace assessor `nca-assessor` (Priya
 *   Raman) of the host, and NOT signed off — a demo signs it off as the
 *   host's HR lead (`nca-hr` for an NCA placement) or as the assessor (a token
 *   for `{"sub":"nca-assessor","org":"nca","roles":["officer"]}` from
 *   `POST /local/token`): `POST /v1/officers/{officerId}/pip/sign-off`.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../shared/data/client';
import { keys } from '../../shared/data/keys';
import { getOfficer, listOfficersOfOrg, pipTargetOf } from '../../shared/data/officer.repository';
import { getPipRecord } from '../../shared/data/pip.repository';
import { getPlacement } from '../../shared/data/placement.repository';
import { listSecondmentsOfHome } from '../../shared/data/secondment.repository';
import type { Identity } from '../../shared/http/identity';
import { nowIso } from '../../shared/ids';
import type { Officer } from '../../shared/schemas/officer.schema';
import { changePipRecord } from '../../shared/use-cases/pip-record';
import { NCA_PERSONA_OFFICER, TITAN_PERSONA_OFFICER } from './demo-officers';
import { ORGANISATIONS } from './reference-data';

const PERSONA_STAFF_NUMBERS = new Set<string>([TITAN_PERSONA_OFFICER.staffNumber, NCA_PERSONA_OFFICER.staffNumber]);

/** The demo workplace assessor (no persona: mint a token for these claims). */
export const DEMO_ASSESSOR = { sub: 'nca-assessor', name: 'Priya Raman' } as const;

function hrLead(orgId: string): Identity {
  return { sub: `${orgId}-hr`, org: orgId, roles: ['hr-lead'], regions: [] };
}

/** Active officers of an organisation at one PIP level, in name order, leaving out the personas. */
async function officersAt(orgId: string, pipLevel: number, n: number): Promise<Officer[]> {
  const page = await listOfficersOfOrg(orgId, { status: 'active' }, { limit: 100 });
  return page.items.filter((o) => o.pipLevel === pipLevel && !pipTargetOf(o) && !PERSONA_STAFF_NUMBERS.has(o.staffNumber ?? '')).slice(0, n);
}

async function startDevelopment(officer: Officer, by: Identity, targetLevel: number, assessor: { sub: string; name: string; orgId: string }, note: string): Promise<void> {
  const record = await getPipRecord(officer.id, true);
  await changePipRecord(by, officer.id, { targetLevel, assessor, evidence: note }, { version: record.version, via: 'body' });
}

/** Completed secondments on PIP-development placements whose officer is still below the target: left awaiting sign-off. */
async function awaitingSignOff(): Promise<number> {
  let made = 0;
  for (const org of ORGANISATIONS.filter((o) => o.type !== 'force')) {
    const page = await listSecondmentsOfHome(org.id, { status: 'completed' }, { limit: 100 });
    for (const s of page.items) {
      const [placement, officer] = await Promise.all([getPlacement(s.placementId), getOfficer(s.officerId, true)]);
      const target = placement?.pipDevelopmentLevel ?? null;
      if (!placement || !officer || target === null || officer.pipLevel >= target || pipTargetOf(officer) !== null) continue;
      await startDevelopment(
        officer,
        hrLead(officer.homeOrgId),
        target,
        { ...DEMO_ASSESSOR, orgId: placement.hostOrgId },
        `Seconded to ${placement.title} to develop PIP${target}; portfolio complete, awaiting the workplace assessor's sign-off.`,
      );
      made++;
    }
  }
  return made;
}

/** Make the demo PIP records, unless the marker named `markerName` says they were made. Returns how many records it made. */
export async function seedDemoPip(markerName: string): Promise<number> {
  const marker = keys.seedMarker(markerName);
  const done = await documentClient().send(new GetCommand({ TableName: tableName(), Key: marker, ConsistentRead: true }));
  if (done.Item) return 0;
  let made = 0;

  const assessorNames = ['Gareth Lloyd', 'Nadia Osei', 'Tom Reilly'];
  const rocus = ['ersou', 'titan', 'viper'];
  for (const [i, officer] of (await officersAt('nca', 1, 3)).entries()) {
    const orgId = rocus[i % rocus.length]!;
    await startDevelopment(officer, hrLead('nca'), 2, { sub: `${orgId}-assessor-${i + 1}`, name: assessorNames[i]!, orgId }, 'Development plan agreed: two serious and complex investigations under supervision.');
    made++;
  }
  for (const [i, officer] of (await officersAt('titan', 2, 2)).entries()) {
    await startDevelopment(officer, hrLead('titan'), 3, { sub: `titan-assessor-${i + 1}`, name: i === 0 ? 'DCI Ruth Ellison' : 'DCI Kamal Shah', orgId: 'titan' }, 'Deputy SIO on a category B homicide linked to organised crime.');
    made++;
  }
  for (const officer of await officersAt('ersou', 2, 2)) {
    const record = await getPipRecord(officer.id, true);
    await changePipRecord(hrLead('ersou'), officer.id, { evidence: 'PIP2 portfolio verified on transfer from Essex Police.' }, { version: record.version, via: 'body' });
    made++;
  }
  made += await awaitingSignOff();

  await documentClient().send(new PutCommand({ TableName: tableName(), Item: { ...marker, entity: 'seed-marker', seededAt: nowIso(), records: made } }));
  return made;
}
