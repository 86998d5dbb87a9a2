/**
 * Demo secondments in flight both ways, made once through the API's own use
 * cases (so places, the home teams' `committedOut`, the secondment-flows
 * counters, the due markers and the audit trail are exactly what users
 * would make). Placements that started in the past are posted, applied for
 * and decided "as of" an earlier date, then the lifecycle job
 * (`advanceDueSecondments`) starts and completes them as it would have.
 * None touches cyber, so the TITAN walk-through's numbers stay as they are.
 *
 * - NCA → ROCU: an NCA intelligence analyst active at ERSOU (East of
 *   England); an NCA digital forensics investigator confirmed at TITAN
 *   (North West, starting in five weeks).
 * - ROCU → NCA: two TITAN officers confirmed on the NCA's technical
 *   surveillance placement (North West, starting in six weeks, 2 of 3
 *   places; one holds the capability and counts in TITAN's `committedOut`,
 *   the other goes to develop it); an ERSOU officer active at the NCA as an
 *   intelligence analyst (East of England); an EMSOU digital forensics
 *   investigator active at the NCA (East Midlands).
 * - ROCU → ROCU: a VIPER financial investigator completed a secondment at
 *   ZEPHYR (South West).
 * - PIP development: the NCA's "Financial investigation development
 *   secondment (PIP2), NCA South East" (pipDevelopmentLevel 2, minimum
 *   PIP1) with a COMPLETED secondment of **Aisha Ashworth**, SEROCU, PIP1
 *   (the first SEROCU PIP1 financial investigator in name order; the demo
 *   officers are deterministic). Her officer id and the secondment's are
 *   generated: `seedDemoSecondments` returns them (`pipDevelopment`) and the
 *   marker item `SEED / v1-secondments` keeps them. The PIP seed (pip.ts)
 *   leaves her awaiting the workplace assessor's sign-off to PIP2.
 *
 * Holders are chosen so every demo team stays at the level it had (the seed
 * test and the walk-through rely on them). The marker is written last: a
 * run that stopped half way posts the placements again next time.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../shared/data/client';
import { keys } from '../../shared/data/keys';
import { listBaselinesOfOrg } from '../../shared/data/capability.repository';
import { listOfficersOfOrg } from '../../shared/data/officer.repository';
import { standingLevel } from '../../shared/domain/capability-level';
import { getSecondment } from '../../shared/data/secondment.repository';
import { addDays } from '../../shared/domain/working-days';
import { AppError } from '../../shared/errors';
import type { Identity } from '../../shared/http/identity';
import { nowIso } from '../../shared/ids';
import type { Officer } from '../../shared/schemas/officer.schema';
import type { CreatePlacementInput } from '../../shared/schemas/placement.schema';
import { advanceDueSecondments } from '../../shared/use-cases/advance-due-secondments';
import { applyToPlacement } from '../../shared/use-cases/apply-to-placement';
import { createPlacement } from '../../shared/use-cases/create-placement';
import { decideSecondmentAsHost, decideSecondmentAtHome } from '../../shared/use-cases/decide-secondment';
import { NCA_PERSONA_OFFICER, TITAN_PERSONA_OFFICER } from './demo-officers';

const PERSONA_STAFF_NUMBERS = new Set<string>([TITAN_PERSONA_OFFICER.staffNumber, NCA_PERSONA_OFFICER.staffNumber]);

const hrLead = (orgId: string): Identity => ({ sub: `${orgId}-hr`, org: orgId, roles: ['hr-lead'], regions: [] });
/** A ROCU's head decides for its officers (the release); the NCA's HR lead for the NCA's. */
const homeDecider = (orgId: string): Identity => (orgId === 'nca' ? hrLead('nca') : { sub: `${orgId}-head`, org: orgId, roles: ['rocu-head'], regions: [] });

interface DemoSecondment {
  title: string;
  hostOrgId: string;
  homeOrgId: string;
  capabilityId: string;
  region: CreatePlacementInput['region'];
  places: number;
  /** Days from today; negative: started in the past. */
  startInDays: number;
  durationMonths: number;
  secondees: number;
  /**
   * How many secondees hold the capability (and so count in their home team's
   * `committedOut` while away); the rest go to develop it. Chosen so every
   * demo team stays at `ok` (the seed test and the walk-through rely on the levels).
   */
  holders: number;
  pipDevelopmentLevel?: 2 | 3;
  minPipLevel?: 0 | 1 | 2;
  /** Exactly this PIP level (the PIP-development secondee must be below the target). */
  secondeePipLevel?: number;
  description: string;
}

const DEMO: readonly DemoSecondment[] = [
  {
    title: 'Technical surveillance secondment, NCA North West',
    hostOrgId: 'nca',
    homeOrgId: 'titan',
    capabilityId: 'technical-surveillance',
    region: 'north-west',
    places: 3,
    startInDays: 42,
    durationMonths: 6,
    secondees: 2,
    holders: 1,
    description: 'Six months with the NCA’s technical surveillance team in Manchester, deploying and recovering covert equipment on national operations.',
  },
  {
    title: 'Intelligence analyst secondment, NCA East of England',
    hostOrgId: 'nca',
    homeOrgId: 'ersou',
    capabilityId: 'intelligence-analysis',
    region: 'east-of-england',
    places: 2,
    startInDays: -45,
    durationMonths: 9,
    secondees: 1,
    holders: 0,
    description: 'Nine months in the NCA’s regional intelligence cell: network analysis for organised immigration crime.',
  },
  {
    title: 'Digital forensics secondment, NCA East Midlands',
    hostOrgId: 'nca',
    homeOrgId: 'emsou',
    capabilityId: 'digital-forensics',
    region: 'east-midlands',
    places: 1,
    startInDays: -20,
    durationMonths: 6,
    secondees: 1,
    holders: 1,
    description: 'Six months in the NCA’s digital forensics lab: mobile and cloud extraction for serious organised crime cases.',
  },
  {
    title: 'Intelligence analyst secondment from the NCA, ERSOU',
    hostOrgId: 'ersou',
    homeOrgId: 'nca',
    capabilityId: 'intelligence-analysis',
    region: 'east-of-england',
    places: 1,
    startInDays: -30,
    durationMonths: 6,
    secondees: 1,
    holders: 1,
    description: 'An NCA analyst embedded in ERSOU’s intelligence development team for six months.',
  },
  {
    title: 'Digital forensics secondment from the NCA, TITAN',
    hostOrgId: 'titan',
    homeOrgId: 'nca',
    capabilityId: 'digital-forensics',
    region: 'north-west',
    places: 1,
    startInDays: 35,
    durationMonths: 6,
    secondees: 1,
    holders: 1,
    description: 'An NCA digital forensics investigator with TITAN’s digital forensics unit for six months.',
  },
  {
    title: 'Financial investigation secondment, ZEPHYR',
    hostOrgId: 'zephyr',
    homeOrgId: 'viper',
    capabilityId: 'financial-investigation',
    region: 'south-west',
    places: 1,
    startInDays: -200,
    durationMonths: 4,
    secondees: 1,
    holders: 1,
    description: 'Four months with ZEPHYR’s financial investigation team on a cross-regional money laundering case.',
  },
  {
    title: 'Financial investigation development secondment (PIP2), NCA South East',
    hostOrgId: 'nca',
    homeOrgId: 'serocu',
    capabilityId: 'financial-investigation',
    region: 'south-east',
    places: 1,
    startInDays: -220,
    durationMonths: 6,
    secondees: 1,
    holders: 1,
    pipDevelopmentLevel: 2,
    minPipLevel: 1,
    secondeePipLevel: 1,
    description: 'Six months with the NCA’s financial investigation team developing a PIP1 investigator to PIP2, with a workplace assessor.',
  },
];

export interface DemoSecondmentsResult {
  placementIds: string[];
  secondmentIds: string[];
  /** The completed PIP-development secondment (for the PIP sign-off demo). */
  pipDevelopment?: { secondmentId: string; placementId: string; officerId: string; officerName: string };
}

/**
 * Candidates at home, in name order, leaving out the personas and anyone in
 * a cyber team (the walk-through's numbers stay as they are): first the
 * active holders of the capability (as many as `holders`), then officers
 * who do not hold it yet. A secondee counts out of every team they are in,
 * so `keepsLevels` also skips anyone whose leaving would change a team's level.
 */
async function candidates(d: DemoSecondment): Promise<{ officer: Officer; holder: boolean }[]> {
  const page = await listOfficersOfOrg(d.homeOrgId, { status: 'active' }, { limit: 100 });
  const pool = page.items.filter(
    (o) =>
      !PERSONA_STAFF_NUMBERS.has(o.staffNumber ?? '') &&
      !o.capabilities.includes('cyber') &&
      (d.secondeePipLevel === undefined ? o.pipLevel >= (d.minPipLevel ?? 0) : o.pipLevel === d.secondeePipLevel),
  );
  const holders = pool.filter((o) => o.capabilities.includes(d.capabilityId)).map((officer) => ({ officer, holder: true }));
  const others = pool.filter((o) => !o.capabilities.includes(d.capabilityId)).map((officer) => ({ officer, holder: false }));
  return [...holders, ...others];
}

/** Would counting this officer out leave every team they are in at the level it has? */
async function keepsLevels(officer: Officer): Promise<boolean> {
  const teams = await listBaselinesOfOrg(officer.homeOrgId);
  return teams
    .filter((t) => officer.capabilities.includes(t.capabilityId))
    .every((t) => standingLevel({ strength: t.strength, committedOut: t.committedOut + 1, minimum: t.minimum }) === t.level);
}

async function seedOne(d: DemoSecondment, today: string, result: DemoSecondmentsResult): Promise<void> {
  // Posted, applied for and decided a little before the start (as of then, for those in the past).
  const startDate = addDays(today, d.startInDays);
  const asOf = d.startInDays > 14 ? new Date() : new Date(`${addDays(startDate, -14)}T10:00:00.000Z`);
  const placement = await createPlacement(
    hrLead(d.hostOrgId),
    {
      title: d.title,
      hostOrgId: d.hostOrgId,
      capabilityId: d.capabilityId,
      description: d.description,
      places: d.places,
      startDate,
      durationMonths: d.durationMonths,
      region: d.region,
      eligibility: { homeOrgTypes: [d.homeOrgId === 'nca' ? 'agency' : 'rocu'], vetting: 'sc', minPipLevel: d.minPipLevel ?? 0 },
      pipDevelopmentLevel: d.pipDevelopmentLevel ?? null,
      closesOn: addDays(asOf.toISOString().slice(0, 10), 7),
    },
    asOf,
  );
  result.placementIds.push(placement.id);
  let placed = 0;
  let holders = 0;
  for (const { officer, holder } of await candidates(d)) {
    if (placed >= d.secondees) break;
    if (holder && holders >= d.holders) continue;
    if (!(await keepsLevels(officer))) continue;
    const me: Identity = { sub: `seed-${officer.id}`, org: officer.homeOrgId, roles: ['officer'], officerId: officer.id, regions: [] };
    try {
      const app = await applyToPlacement(me, placement.id, { statement: `I would like to develop in ${d.capabilityId.replace(/-/g, ' ')} with ${d.hostOrgId.toUpperCase()}.` }, asOf);
      await decideSecondmentAtHome(homeDecider(d.homeOrgId), app.id, { decision: 'approve', note: 'Released for development.' }, asOf);
      await decideSecondmentAsHost(hrLead(d.hostOrgId), app.id, { decision: 'accept', note: '' }, asOf);
      result.secondmentIds.push(app.id);
      if (d.pipDevelopmentLevel) result.pipDevelopment = { secondmentId: app.id, placementId: placement.id, officerId: officer.id, officerName: officer.name };
      placed++;
      if (holder) holders++;
    } catch (err) {
      // Not eligible (vetting lapsing before the start, say): the next candidate.
      if (!(err instanceof AppError)) throw err;
    }
  }
}

/**
 * Make the demo secondments, unless the marker named `markerName` says they
 * were made (about 30 transactions and one run of the lifecycle job).
 */
export async function seedDemoSecondments(markerName: string, now = new Date()): Promise<DemoSecondmentsResult> {
  const result: DemoSecondmentsResult = { placementIds: [], secondmentIds: [] };
  const marker = keys.seedMarker(markerName);
  const done = await documentClient().send(new GetCommand({ TableName: tableName(), Key: marker, ConsistentRead: true }));
  if (done.Item) return result;
  const today = now.toISOString().slice(0, 10);
  for (const d of DEMO) await seedOne(d, today, result);
  // Those that started (and the ones that ended) in the past: as the lifecycle job would have done.
  await advanceDueSecondments(now, { maxSecondments: 100 });
  const pip = result.pipDevelopment ? await getSecondment(result.pipDevelopment.secondmentId) : undefined;
  await documentClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...marker, entity: 'seed-marker', seededAt: nowIso(), secondmentIds: result.secondmentIds, pipDevelopment: result.pipDevelopment ?? null, pipStatus: pip?.status ?? null },
    }),
  );
  return result;
}
