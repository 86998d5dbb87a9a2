import { addDays, todayIso } from '../shared/domain/working-days';
/**
 * The bench's bulk load: officers, campaigns and applications written with
 * BatchWriteItem (DynamoDB Local applies transactions one at a time, ~40 ms
 * each, so 150,000 items through the API's transactions would take hours),
 * from the SAME item builders the repositories use. The counters the service
 * keeps are computed from what is written, exactly as `counterDeltas` would
 * have added them officer by officer: every baseline's strength and holder
 * counters equal the active holders loaded, and the PIP pipeline counters
 * the officers in each bucket. Audit entries are not written
 * (nothing on a benchmarked path reads them).
 */
import { BatchWriteCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { SYSTEM_ACTOR } from '../shared/data/audit.repository';
import { newApplicationActions, type StoredApplication } from '../shared/data/application.repository';
import { campaignItem, campaignMembershipItems } from '../shared/data/campaign.repository';
import { baselineItem, createCapability } from '../shared/data/capability.repository';
import { documentClient, tableName } from '../shared/data/client';
import { officerDueItem, officerItem, staffNumberClaimItem, countedOfficer } from '../shared/data/officer.repository';
import { putOrganisation } from '../shared/data/organisation.repository';
import { pipelineCounterAction } from '../shared/data/report.repository';
import { pipelineDeltas, type PipelineDelta } from '../shared/domain/pip-rules';
import { counterDeltas, type CounterDelta } from '../shared/domain/officer-counters';
import { REGIONS, type PipLevel, type Region, type VettingLevel } from '../shared/domain/reference';
import { newId } from '../shared/ids';
import type { Campaign } from '../shared/schemas/campaign.schema';
import type { Officer } from '../shared/schemas/officer.schema';
import { submittedApplication } from '../shared/use-cases/application-access';
import { BASELINES, CAPABILITIES, NCA, ORGANISATIONS, ROCUS } from '../local/seed/reference-data';
import { Progress } from './progress';

export interface SeedPlan {
  officers: number;
  campaigns: number;
  applications: number;
  /** Officers kept without applications, for the write routes (apply, PATCH): each request uses a different one. */
  applyPool: number;
  patchPool: number;
}

export interface Dataset {
  officers: Officer[];
  campaigns: Campaign[];
  openCampaigns: Campaign[];
  /** Officers who applied to something (GET /v1/me/applications). */
  applicants: Officer[];
  /** NCA officers never applied with: POST /v1/campaigns/{id}/applications, one request each. */
  applyPool: Officer[];
  /** NCA officers for PATCH /v1/officers/{id} (as the NCA HR lead), one request each. */
  patchPool: Officer[];
  applications: number;
}

/** A small deterministic PRNG (mulberry32): the same scale gives the same data shape. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(20261126);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
const CAPABILITY_IDS = CAPABILITIES.map((c) => c.id);
const AT = '2026-11-02T09:00:00.000Z';
const VETTING: readonly VettingLevel[] = ['nppv3', 'sc', 'sc', 'sc', 'dv'];

/** Officers: 30% NCA, 50% the ROCUs, 20% the forces; all eligible for the bench campaigns' role profiles. */
function makeOfficer(i: number, homeOrgId?: string): Officer {
  const roll = random();
  const org = homeOrgId
    ? ORGANISATIONS.find((o) => o.id === homeOrgId)!
    : roll < 0.3
      ? NCA
      : roll < 0.8
        ? pick(ROCUS)
        : pick(ORGANISATIONS.filter((o) => o.type === 'force'));
  const caps = new Set<string>();
  const n = 1 + Math.floor(random() * 3);
  while (caps.size < n) caps.add(pick(CAPABILITY_IDS));
  // Most force officers serve in their region's ROCU on a posting ending within two years (the forecast's events); some leave.
  const posting = org.type === 'force' && org.parentOrgId && random() < 0.6 ? { servingOrgId: org.parentOrgId, servingUntil: addDays(todayIso(), 30 + Math.floor(random() * 700)) } : {};
  const leaving = random() < 0.05 ? { leavingOn: addDays(todayIso(), 10 + Math.floor(random() * 700)) } : {};
  return {
    ...posting,
    ...leaving,
    id: newId('off'),
    name: `Bench Officer ${String(i).padStart(6, '0')}`,
    staffNumber: `BEN-${String(i).padStart(6, '0')}`,
    email: null,
    homeOrgId: org.id,
    capabilities: [...caps],
    vetting: pick(VETTING),
    vettingExpiresOn: null,
    pipLevel: (1 + Math.floor(random() * 4)) as PipLevel,
    region: (org.region ?? pick(REGIONS)) as Region,
    status: 'active',
    version: 1,
    createdAt: AT,
    updatedAt: AT,
  };
}

function makeCampaign(i: number): Campaign {
  const roll = random();
  const status: Campaign['status'] = roll < 0.85 ? 'open' : roll < 0.95 ? 'draft' : 'closed';
  const owner = random() < 0.5 ? NCA : pick(ROCUS);
  const partners = new Set<string>();
  const nPartners = Math.floor(random() * 3);
  while (partners.size < nPartners) {
    const p = pick(ROCUS).id;
    if (p !== owner.id) partners.add(p);
  }
  const region = owner.region ?? pick(REGIONS);
  // Spread over the past three months, each window four months long, so every open campaign takes applications today.
  const opensOn = addDays(todayIso(), -7 * (i % 12));
  return {
    id: newId('cmp'),
    title: `Bench campaign ${i}`,
    capabilityId: pick(CAPABILITY_IDS),
    ownerOrgId: owner.id,
    partnerOrgIds: [...partners],
    regions: [region],
    posts: 1 + Math.floor(random() * 8),
    allocations: [],
    opensOn,
    closesOn: addDays(opensOn, 120),
    maxAppointmentsPerSource: null,
    sourceCaps: {},
    roleProfile: {
      jobDescription: 'Investigate serious and organised crime.',
      terms: 'Home organisation terms.',
      grade: 'G5',
      salaryBand: '£40,000–£48,000',
      vetting: random() < 0.5 ? 'nppv3' : 'nppv2',
      minPipLevel: random() < 0.5 ? 1 : 0,
      locations: ['Manchester'],
    },
    status,
    consultation: {},
    coordination: [],
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    publishedAt: status === 'draft' ? null : AT,
  };
}

function makeApplication(officer: Officer, campaign: Campaign, n: number): StoredApplication {
  const at = new Date(Date.parse(AT) + n * 1000).toISOString();
  const actor = { sub: `bench-officer-${n}`, org: officer.homeOrgId, roles: ['officer'] };
  return submittedApplication(newId('app', Date.parse(at)), campaign, officer, 'I have led three cyber-dependent crime investigations.', actor, at);
}

/** Items written with BatchWriteItem, 25 a request, `inFlight` requests at once; unprocessed items are resent. */
async function batchPut(label: string, items: readonly Record<string, unknown>[], inFlight = 8): Promise<void> {
  const progress = new Progress(label, items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const chunk = items.slice(next, next + 25);
      next += chunk.length;
      let requests = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests.length; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
        const out = await documentClient().send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
        requests = (out.UnprocessedItems?.[tableName()] ?? []) as typeof requests;
      }
      progress.add(chunk.length);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  progress.done();
}

/** Organisations and the capability catalogue, through the repositories (70 writes). */
export async function seedReference(): Promise<void> {
  for (const org of ORGANISATIONS) await putOrganisation(org);
  for (const capability of CAPABILITIES) await createCapability(capability, SYSTEM_ACTOR);
}

/**
 * Every baseline item, written whole: minimum and establishment from the
 * reference data (ROCUs), strength and holder counters summed from `officers`
 * with `counterDeltas` (nobody has accepted an offer, so committedOut is 0).
 * Counter-only baselines (the NCA's, the forces') carry no minimum, as the
 * counter Updates leave them.
 */
export async function writeBaselines(officers: readonly Officer[]): Promise<Map<string, CounterDelta>> {
  const sums = new Map<string, CounterDelta>();
  for (const o of officers) {
    for (const d of counterDeltas(undefined, countedOfficer(o))) {
      const key = `${d.orgId}#${d.capabilityId}`;
      const sum: CounterDelta = sums.get(key) ?? { orgId: d.orgId, capabilityId: d.capabilityId, strength: 0, committedOut: 0, holders: {}, coHolders: {} };
      sum.strength += d.strength;
      for (const [name, n] of Object.entries(d.holders)) sum.holders[name] = (sum.holders[name] ?? 0) + n;
      for (const [name, n] of Object.entries(d.coHolders)) sum.coHolders[name] = (sum.coHolders[name] ?? 0) + n;
      sums.set(key, sum);
    }
  }
  const people = new Map(BASELINES.map((b) => [`${b.orgId}#${b.capabilityId}`, b]));
  const keys = new Set([...sums.keys(), ...people.keys()]);
  const items = [...keys].map((key) => {
    const sum = sums.get(key);
    const set = people.get(key);
    const [orgId, capabilityId] = key.split('#') as [string, string];
    return baselineItem({
      orgId,
      capabilityId,
      strength: sum?.strength ?? 0,
      committedOut: 0,
      holders: sum?.holders ?? {},
      coHolders: sum?.coHolders ?? {},
      ...(set ? { minimum: set.minimum, establishment: set.establishment, version: 1, updatedAt: AT } : { version: 0 }),
    });
  });
  await batchPut('baselines', items);
  return sums;
}

/**
 * The PIP pipeline counters (officers per organisation by PIP bucket, in
 * shards) as the officer transactions would have left them: `pipelineDeltas`
 * summed over the officers loaded, each shard item written by the
 * repository's own counter Update (`pipelineCounterAction`, an ADD of the sum).
 * Call once, after every officer is loaded.
 */
export async function writePipelineCounters(officers: readonly Officer[]): Promise<void> {
  const sums = new Map<string, PipelineDelta>();
  for (const o of officers) {
    for (const d of pipelineDeltas(o.id, undefined, countedOfficer(o))) {
      const key = `${d.orgId}#${d.shard}`;
      const sum = sums.get(key) ?? { ...d, counters: {} };
      for (const [name, n] of Object.entries(d.counters)) sum.counters[name] = (sum.counters[name] ?? 0) + n;
      sums.set(key, sum);
    }
  }
  const updates = [...sums.values()].map((d) => pipelineCounterAction(d).action.Update as UpdateCommandInput);
  const progress = new Progress('pip pipeline', updates.length);
  let next = 0;
  const worker = async () => {
    while (next < updates.length) {
      await documentClient().send(new UpdateCommand(updates[next++]!));
      progress.add(1);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  progress.done();
}

export function planFor(scale: number, writesPerRoute: number): SeedPlan {
  // Each write route is driven twice (through the gateway, then in process), each request a different officer.
  const pool = 2 * writesPerRoute + 50;
  return {
    officers: Math.max(Math.round(20_000 * scale), 2 * pool + 100),
    campaigns: Math.max(Math.round(1_000 * scale), 20),
    applications: Math.round(50_000 * scale),
    applyPool: pool,
    patchPool: pool,
  };
}

/** Make the data set in memory (officers in two parts, so the impact route can be measured at a tenth and at the whole). */
export function makeDataset(plan: SeedPlan): Dataset {
  const reserved = plan.applyPool + plan.patchPool;
  const applyPool = Array.from({ length: plan.applyPool }, (_, i) => makeOfficer(i, 'nca'));
  const patchPool = Array.from({ length: plan.patchPool }, (_, i) => makeOfficer(plan.applyPool + i, 'nca'));
  const others = Array.from({ length: plan.officers - reserved }, (_, i) => makeOfficer(reserved + i));
  const campaigns = Array.from({ length: plan.campaigns }, (_, i) => makeCampaign(i));
  return {
    officers: [...applyPool, ...patchPool, ...others],
    campaigns,
    openCampaigns: campaigns.filter((c) => c.status === 'open'),
    applicants: others,
    applyPool,
    patchPool,
    applications: plan.applications,
  };
}

export async function writeOfficers(label: string, officers: readonly Officer[]): Promise<void> {
  const items: Record<string, unknown>[] = [];
  for (const o of officers) {
    items.push(officerItem(o));
    if (o.staffNumber) items.push(staffNumberClaimItem(o.homeOrgId, o.staffNumber, o.id));
    const due = officerDueItem(o);
    if (due) items.push(due);
  }
  await batchPut(label, items);
}

export async function writeCampaigns(campaigns: readonly Campaign[]): Promise<void> {
  await batchPut('campaigns', campaigns.flatMap((c) => [campaignItem(c), ...campaignMembershipItems(c)]));
}

/**
 * Applications to open and closed campaigns, spread over the applicants, at
 * most one per officer per campaign (with its `APPLICANT#` claim item, as
 * `newApplicationActions` builds them for the API's transaction).
 */
export async function writeApplications(data: Dataset): Promise<void> {
  const targets = data.campaigns.filter((c) => c.status !== 'draft');
  const seen = new Set<string>();
  const items: Record<string, unknown>[] = [];
  const applicants = data.applicants;
  if (data.applications > applicants.length * targets.length) {
    throw new Error(`${data.applications} applications do not fit ${applicants.length} applicants × ${targets.length} campaigns`);
  }
  for (let n = 0; n < data.applications; n++) {
    const officer = applicants[n % applicants.length]!;
    let c = (Math.floor(n / applicants.length) * 7 + n) % targets.length;
    while (seen.has(`${officer.id}#${targets[c]!.id}`)) c = (c + 1) % targets.length;
    const campaign = targets[c]!;
    seen.add(`${officer.id}#${campaign.id}`);
    for (const action of newApplicationActions(makeApplication(officer, campaign, n))) items.push(action.action.Put!.Item!);
  }
  await batchPut('applications', items);
}
