/**
 * Demo officers: a deterministic generator of a few hundred officers spread the
 * way a real network would be. ROCU officers mostly hold one or two of the
 * capabilities their unit runs, mostly SC-vetted, mostly PIP1–2; a smaller
 * number of NCA officers and of officers whose home is a force.
 *
 * Team sizes are chosen first, then filled: every ROCU × capability gets the
 * strength decided here, so the heatmap and the TITAN story see exactly the
 * numbers the brief names (TITAN cyber 10, nine of them SC + PIP2; ERSOU cyber
 * 12), most teams sit at or above their minimum, two are in `warning` and one
 * is `critical`.
 */
import { warningMargin } from '../../shared/domain/capability-level';
import type { PipLevel, Region, VettingLevel } from '../../shared/domain/reference';
import type { CreateOfficerInput } from '../../shared/schemas/officer.schema';
import { BASELINES, FORCES, NCA, NCA_REGIONS, ROCUS, STAFF_PREFIXES, type BaselineSeed } from './reference-data';

export type DemoOfficer = CreateOfficerInput & { staffNumber: string; email: string };

// ---------------------------------------------------------------- seeded PRNG

interface Prng {
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(weights: readonly (readonly [T, number])[]): T;
}

/** mulberry32: tiny, fast and good enough to make demo data look random but repeat exactly. */
function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T,
    weighted: <T>(weights: readonly (readonly [T, number])[]): T => {
      const total = weights.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [value, w] of weights) {
        r -= w;
        if (r < 0) return value;
      }
      return (weights[weights.length - 1] as readonly [T, number])[0];
    },
  };
}

// ---------------------------------------------------------------- names

const FIRST_NAMES = [
  'James', 'Oliver', 'Thomas', 'Daniel', 'Matthew', 'Christopher', 'Andrew', 'Mark', 'Paul', 'Stephen',
  'David', 'Michael', 'Richard', 'Robert', 'Simon', 'Gareth', 'Craig', 'Lee', 'Liam', 'Ryan',
  'Jack', 'Samuel', 'Joseph', 'Adam', 'Ben', 'Callum', 'Jamie', 'Nathan', 'Scott', 'Stuart',
  'Mohammed', 'Imran', 'Arjun', 'Rajesh', 'Kwame', 'Tunde', 'Marcus', 'Conor', 'Declan', 'Tomasz',
  'Sarah', 'Emma', 'Rebecca', 'Laura', 'Claire', 'Helen', 'Rachel', 'Nicola', 'Joanne', 'Louise',
  'Charlotte', 'Hannah', 'Sophie', 'Jessica', 'Amy', 'Katie', 'Lucy', 'Victoria', 'Kirsty', 'Gemma',
  'Zoe', 'Natalie', 'Amanda', 'Caroline', 'Fiona', 'Alison', 'Emily', 'Chloe', 'Megan', 'Abigail',
  'Priya', 'Aisha', 'Fatima', 'Sana', 'Amara', 'Chidinma', 'Grace', 'Siobhan', 'Roisin', 'Agnieszka',
] as const;

const SURNAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
  'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke',
  'Harrison', 'Lewis', 'Martin', 'Cooper', 'Hill', 'Ward', 'Hughes', 'Moore', 'Turner', 'Edwards',
  'Parker', 'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Bell', 'Bailey',
  'Kelly', 'Howard', 'Carter', 'Mitchell', 'Shaw', 'Chapman', 'Fletcher', 'Marshall', 'Holmes', 'Atkinson',
  'Kaur', 'Singh', 'Patel', 'Khan', 'Hussain', 'Ahmed', 'Begum', 'Shah', 'Chowdhury', 'Mistry',
  'Okafor', 'Mensah', 'Adeyemi', 'Campbell', 'Francis', "O'Brien", 'McCarthy', 'Gallagher', 'Kowalski', 'Nowak',
  'Fraser', 'MacDonald', 'Henderson', 'Whitfield', 'Pennington', 'Ashworth', 'Greenwood', 'Barraclough', 'Trelawny', 'Pascoe',
] as const;

/** Welsh names, mixed in for officers of TARIAN and the Welsh forces. */
const WELSH_FIRST_NAMES = ['Rhys', 'Cerys', 'Dafydd', 'Siân', 'Gethin', 'Ffion', 'Iwan', 'Nia', 'Owain', 'Carys', 'Huw', 'Bethan'] as const;
const WELSH_SURNAMES = ['Jones', 'Davies', 'Evans', 'Williams', 'Thomas', 'Roberts', 'Griffiths', 'Rees', 'Price', 'Pritchard', 'Powell', 'Llewellyn'] as const;
const WELSH_ORGS = new Set(['tarian', 'dyfed-powys', 'south-wales', 'gwent', 'north-wales']);

// ---------------------------------------------------------------- fixed officers the personas sign in as

/** One of TITAN's nine SC + PIP2 cyber investigators; the `titan-officer` persona. */
export const TITAN_PERSONA_OFFICER = { orgId: 'titan', staffNumber: 'TIT-0001', name: 'Daniel Okafor' } as const;
/** A newly recruited NCA cyber investigator at PIP1 in the North West; the `nca-officer` persona. */
export const NCA_PERSONA_OFFICER = { orgId: 'nca', staffNumber: 'NCA-0001', name: 'Megan Hughes' } as const;

/**
 * TITAN's cyber team, by name: nine SC + PIP2 and one NPPV3 + PIP1 (the TITAN story). Like most ROCU staff,
 * six of them are force officers posted into TITAN: four postings end at the end of the financial year
 * (31 March), with the Home Office grant that funds four of the team's posts (see reference-data.ts), so the
 * forecast shows TITAN cyber falling to six against its minimum of seven that month and the daily job warns
 * the TITAN head; two run a year longer.
 */
const TITAN_CYBER_TEAM: readonly { name: string; vetting: VettingLevel; pipLevel: PipLevel; also?: readonly string[]; postedFrom?: string; postingEnds?: 'year-end' | 'next-year-end' }[] = [
  { name: TITAN_PERSONA_OFFICER.name, vetting: 'sc', pipLevel: 2 },
  { name: 'Rachel Ashworth', vetting: 'sc', pipLevel: 2, postedFrom: 'merseyside', postingEnds: 'next-year-end' },
  // Three of the story's cyber team are digital forensics examiners too: a cyber campaign puts TITAN's
  // digital forensics team (5, minimum 3) at risk through them, and the TITAN head's alert names both teams.
  { name: 'Imran Hussain', vetting: 'sc', pipLevel: 2, also: ['digital-forensics'] },
  { name: 'Siobhan Gallagher', vetting: 'sc', pipLevel: 2, also: ['digital-forensics'] },
  { name: 'Liam Fletcher', vetting: 'sc', pipLevel: 2, also: ['digital-forensics'] },
  { name: 'Priya Mistry', vetting: 'sc', pipLevel: 2, postedFrom: 'greater-manchester', postingEnds: 'year-end' },
  { name: 'Craig Whitfield', vetting: 'sc', pipLevel: 2, postedFrom: 'greater-manchester', postingEnds: 'year-end' },
  { name: 'Hannah Greenwood', vetting: 'sc', pipLevel: 2, postedFrom: 'merseyside', postingEnds: 'year-end' },
  { name: 'Tomasz Kowalski', vetting: 'sc', pipLevel: 2, postedFrom: 'lancashire', postingEnds: 'year-end' },
  { name: 'Jamie Pennington', vetting: 'nppv3', pipLevel: 1, postedFrom: 'lancashire', postingEnds: 'next-year-end' },
];

// ---------------------------------------------------------------- team sizes

const key = (orgId: string, capabilityId: string) => `${orgId}:${capabilityId}`;

/** Teams whose strength the story or the heatmap demo fixes. */
const FIXED_STRENGTHS: Readonly<Record<string, number>> = {
  [key('titan', 'cyber')]: TITAN_CYBER_TEAM.length, // 10, minimum 7: the TITAN story
  [key('ersou', 'cyber')]: 12, // minimum 4: the TITAN story
  [key('nersou', 'surveillance')]: 5, // minimum 5: warning
  [key('zephyr', 'financial-investigation')]: 4, // minimum 4: warning
  [key('tarian', 'undercover')]: 2, // minimum 3: critical
};

/** The smallest strength that is `ok` for a minimum (at or above minimum + margin). */
export function okStrength(minimum: number): number {
  return Math.ceil(minimum + warningMargin(minimum));
}

/**
 * How many of a non-TITAN cyber team may be SC + PIP2 or better: few enough
 * that a six-post SC/PIP2 campaign without a cap leaves the team `ok`, as the
 * story needs for ERSOU (exposure 6, worst case 6 ≥ 5) and every other unit,
 * so TITAN's is the only critical row.
 */
function cyberEligibleQuota(strength: number, minimum: number): number {
  return Math.max(0, Math.min(strength, strength - okStrength(minimum)));
}

function teamStrength(b: BaselineSeed, rng: Prng): number {
  const fixed = FIXED_STRENGTHS[key(b.orgId, b.capabilityId)];
  if (fixed !== undefined) return fixed;
  const ok = okStrength(b.minimum);
  const room = Math.max(0, b.establishment - ok);
  // Cyber teams run fuller, so some of each are eligible for SC/PIP2 campaigns.
  return b.capabilityId === 'cyber' ? ok + rng.int(Math.min(2, room), Math.min(4, room)) : ok + rng.int(0, Math.min(1, room));
}

/** Strength per `org:capability` the generator fills, for every seeded baseline. */
export function demoTeamStrengths(seed = DEFAULT_SEED): Map<string, number> {
  const rng = createPrng(seed);
  return new Map(BASELINES.map((b) => [key(b.orgId, b.capabilityId), teamStrength(b, rng)]));
}

// ---------------------------------------------------------------- officer profiles

/** Capabilities that commonly go together in one person. */
const PARTNERS: Readonly<Record<string, readonly string[]>> = {
  cyber: ['digital-forensics', 'undercover-online'],
  'digital-forensics': ['cyber', 'technical-surveillance'],
  'undercover-online': ['undercover', 'cyber'],
  undercover: ['undercover-online', 'surveillance'],
  surveillance: ['technical-surveillance', 'undercover'],
  'technical-surveillance': ['surveillance', 'digital-forensics'],
  'financial-investigation': ['asset-recovery', 'fraud'],
  'asset-recovery': ['financial-investigation', 'fraud'],
  fraud: ['financial-investigation', 'asset-recovery'],
  'intelligence-analysis': ['prison-intelligence', 'confidential-unit'],
  'prison-intelligence': ['intelligence-analysis', 'confidential-unit'],
  'confidential-unit': ['intelligence-analysis', 'prison-intelligence'],
  'kidnap-extortion': ['major-crime', 'undercover'],
  'protected-persons': ['surveillance'],
  'major-crime': ['kidnap-extortion', 'financial-investigation'],
};

/** Covert and sensitive work needs SC at least. */
const SC_ONLY = new Set(['undercover', 'undercover-online', 'technical-surveillance', 'confidential-unit', 'protected-persons', 'kidnap-extortion']);
/** Often police staff rather than warranted investigators: PIP 0 or 1 is common. */
const STAFF_ROLES = new Set(['intelligence-analysis', 'prison-intelligence', 'digital-forensics']);

function vettingFor(capabilities: readonly string[], rng: Prng, orgType: 'agency' | 'rocu' | 'force'): VettingLevel {
  if (capabilities.some((c) => SC_ONLY.has(c))) return rng.weighted<VettingLevel>([['sc', 75], ['dv', 25]]);
  if (orgType === 'force') return rng.weighted<VettingLevel>([['nppv2', 5], ['nppv3', 65], ['sc', 30]]);
  if (orgType === 'agency') return rng.weighted<VettingLevel>([['nppv3', 5], ['sc', 75], ['dv', 20]]);
  return rng.weighted<VettingLevel>([['nppv3', 18], ['sc', 72], ['dv', 10]]);
}

function pipFor(capabilities: readonly string[], rng: Prng): PipLevel {
  if (capabilities.length > 0 && capabilities.every((c) => STAFF_ROLES.has(c))) {
    return rng.weighted<PipLevel>([[0, 35], [1, 45], [2, 20]]);
  }
  if (capabilities.includes('major-crime')) return rng.weighted<PipLevel>([[2, 55], [3, 40], [4, 5]]);
  return rng.weighted<PipLevel>([[1, 35], [2, 48], [3, 14], [4, 3]]);
}

/** A non-TITAN cyber holder either meets SC + PIP2 (within the quota) or falls short on one of them. */
function cyberProfile(eligible: boolean, rng: Prng): { vetting: VettingLevel; pipLevel: PipLevel } {
  if (eligible) {
    return { vetting: rng.weighted<VettingLevel>([['sc', 85], ['dv', 15]]), pipLevel: rng.weighted<PipLevel>([[2, 80], [3, 20]]) };
  }
  return rng.weighted<{ vetting: VettingLevel; pipLevel: PipLevel }>([
    [{ vetting: 'sc', pipLevel: 1 }, 50],
    [{ vetting: 'nppv3', pipLevel: 2 }, 25],
    [{ vetting: 'nppv3', pipLevel: 1 }, 25],
  ]);
}

const VETTING_YEARS: Readonly<Record<VettingLevel, number>> = { nppv2: 3, nppv3: 5, sc: 7, dv: 7 };

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** An expiry within the clearance's renewal period; a few fall due in the next three months. */
function vettingExpiry(vetting: VettingLevel, asOf: Date, rng: Prng): string {
  const days = rng.chance(0.05) ? rng.int(20, 90) : rng.int(120, VETTING_YEARS[vetting] * 365);
  return isoDay(new Date(asOf.getTime() + days * 86_400_000));
}

// ---------------------------------------------------------------- generator

export const DEFAULT_SEED = 20_200_715;

interface Builder {
  rng: Prng;
  asOf: Date;
  /** The day the demo is seeded for: its postings end with the financial year after it. */
  today: Date;
  usedNames: Set<string>;
  nextNumber: Map<string, number>;
  out: DemoOfficer[];
}

function emailDomain(orgId: string): string {
  return orgId === NCA.id ? 'nca.gov.uk' : `${orgId}.police.uk`;
}

function emailOf(name: string, orgId: string): string {
  const local = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z\s-]/g, '')
    .trim()
    .split(/\s+/)
    .join('.');
  return `${local}@${emailDomain(orgId)}`;
}

function freshName(b: Builder, orgId: string): string {
  const welsh = WELSH_ORGS.has(orgId);
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = welsh && b.rng.chance(0.45) ? b.rng.pick(WELSH_FIRST_NAMES) : b.rng.pick(FIRST_NAMES);
    const last = welsh && b.rng.chance(0.5) ? b.rng.pick(WELSH_SURNAMES) : b.rng.pick(SURNAMES);
    const name = `${first} ${last}`;
    if (!b.usedNames.has(name)) return name;
  }
  throw new Error('ran out of demo names');
}

function addOfficer(
  b: Builder,
  o: { name?: string; homeOrgId: string; region: Region; capabilities: string[]; vetting: VettingLevel; pipLevel: PipLevel; servingOrgId?: string; servingUntil?: string },
): DemoOfficer {
  const name = o.name ?? freshName(b, o.homeOrgId);
  b.usedNames.add(name);
  const n = (b.nextNumber.get(o.homeOrgId) ?? 0) + 1;
  b.nextNumber.set(o.homeOrgId, n);
  const officer: DemoOfficer = {
    name,
    homeOrgId: o.homeOrgId,
    ...(o.servingOrgId ? { servingOrgId: o.servingOrgId, servingUntil: o.servingUntil } : {}),
    capabilities: o.capabilities,
    vetting: o.vetting,
    vettingExpiresOn: vettingExpiry(o.vetting, b.asOf, b.rng),
    pipLevel: o.pipLevel,
    region: o.region,
    staffNumber: `${STAFF_PREFIXES[o.homeOrgId] ?? o.homeOrgId.toUpperCase()}-${String(n).padStart(4, '0')}`,
    email: emailOf(name, o.homeOrgId),
  };
  b.out.push(officer);
  return officer;
}

/**
 * The end of the financial year (31 March) next after `asOf`, or `years` after that: the day the demo's
 * postings and the Home Office grant end, so the early warning is always a few months ahead of the seed.
 */
export function financialYearEnd(asOf: Date, years = 0): string {
  const today = isoDay(asOf);
  const year = asOf.getUTCFullYear() + (today < `${asOf.getUTCFullYear()}-03-31` ? 0 : 1) + years;
  return `${year}-03-31`;
}

/** Fill every team of one ROCU to its strength with officers holding one or two of its capabilities. */
function addRocuOfficers(b: Builder, rocuId: string, region: Region, strengths: Map<string, number>): void {
  const baselines = BASELINES.filter((x) => x.orgId === rocuId);
  const remaining = new Map<string, number>(baselines.map((x) => [x.capabilityId, strengths.get(key(rocuId, x.capabilityId)) ?? 0]));

  if (rocuId === 'titan') {
    // The story's team first, so its staff numbers are TIT-0001…TIT-0010 whatever else changes.
    for (const { also = [], postedFrom, postingEnds, ...m } of TITAN_CYBER_TEAM) {
      const posting = postedFrom
        ? { homeOrgId: postedFrom, servingOrgId: 'titan', servingUntil: financialYearEnd(b.today, postingEnds === 'next-year-end' ? 1 : 0) }
        : { homeOrgId: 'titan' };
      addOfficer(b, { ...m, ...posting, region, capabilities: ['cyber', ...also] });
      for (const c of also) remaining.set(c, (remaining.get(c) ?? 0) - 1);
    }
    remaining.set('cyber', 0);
  }
  const cyber = baselines.find((x) => x.capabilityId === 'cyber');
  let cyberEligibleLeft = cyber && rocuId !== 'titan' ? cyberEligibleQuota(remaining.get('cyber') ?? 0, cyber.minimum) : 0;

  for (;;) {
    // The team with most places left first, so pairs form between the larger teams.
    let primary: string | undefined;
    for (const x of baselines) {
      const left = remaining.get(x.capabilityId) ?? 0;
      if (left > 0 && (primary === undefined || left > (remaining.get(primary) ?? 0))) primary = x.capabilityId;
    }
    if (primary === undefined) break;
    const capabilities = [primary];
    // Outside the story's team nobody pairs cyber with another capability, so the walk-through's
    // cyber campaign puts no other ROCU's team at risk through co-held capabilities.
    if (b.rng.chance(0.75) && primary !== 'cyber') {
      const partners = (PARTNERS[primary] ?? []).filter((c) => c !== 'cyber' && (remaining.get(c) ?? 0) > 0);
      if (partners.length > 0) capabilities.push(b.rng.pick(partners));
    }
    for (const c of capabilities) remaining.set(c, (remaining.get(c) ?? 0) - 1);

    let profile: { vetting: VettingLevel; pipLevel: PipLevel };
    if (capabilities.includes('cyber')) {
      profile = cyberProfile(cyberEligibleLeft > 0, b.rng);
      if (cyberEligibleLeft > 0) cyberEligibleLeft--;
    } else {
      profile = { vetting: vettingFor(capabilities, b.rng, 'rocu'), pipLevel: pipFor(capabilities, b.rng) };
    }
    addOfficer(b, { homeOrgId: rocuId, region, capabilities, ...profile });
  }
}

/** NCA specialisms: the National Cyber Crime Unit, kidnap and extortion, protected persons, economic crime… */
const NCA_CAPABILITY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['cyber', 9],
  ['undercover-online', 3],
  ['kidnap-extortion', 4],
  ['protected-persons', 4],
  ['financial-investigation', 5],
  ['fraud', 3],
  ['intelligence-analysis', 6],
  ['digital-forensics', 3],
  ['surveillance', 4],
];
const NCA_OFFICERS = 30;

function addNcaOfficers(b: Builder): void {
  addOfficer(b, {
    name: NCA_PERSONA_OFFICER.name,
    homeOrgId: NCA.id,
    region: 'north-west',
    capabilities: ['cyber'],
    vetting: 'sc',
    pipLevel: 1,
  });
  for (let i = 1; i < NCA_OFFICERS; i++) {
    const capabilities = [b.rng.weighted(NCA_CAPABILITY_WEIGHTS)];
    const first = capabilities[0] as string;
    if (b.rng.chance(0.25)) {
      const partner = b.rng.pick(PARTNERS[first] ?? []);
      if (partner && partner !== first) capabilities.push(partner);
    }
    // NCA officers join at PIP1 and look to a ROCU secondment for PIP2, so PIP1 is common.
    const pipLevel = b.rng.weighted<PipLevel>([[1, 45], [2, 40], [3, 13], [4, 2]]);
    addOfficer(b, {
      homeOrgId: NCA.id,
      region: b.rng.pick(NCA_REGIONS),
      capabilities,
      vetting: vettingFor(capabilities, b.rng, 'agency'),
      pipLevel,
    });
  }
}

/** Force officers: candidates for ROCU vacancies and secondments, not members of any ROCU team. */
const FORCE_OFFICERS: Readonly<Record<string, number>> = {
  'greater-manchester': 4,
  merseyside: 3,
  lancashire: 2,
  metropolitan: 4,
  'west-midlands': 3,
  'west-yorkshire': 3,
  'avon-and-somerset': 2,
  essex: 2,
  'south-wales': 2,
  'thames-valley': 2,
};
const FORCE_CAPABILITIES = ['financial-investigation', 'intelligence-analysis', 'digital-forensics', 'surveillance', 'major-crime', 'fraud'] as const;

function addForceOfficers(b: Builder): void {
  for (const force of FORCES) {
    const count = FORCE_OFFICERS[force.id] ?? 0;
    for (let i = 0; i < count; i++) {
      const capabilities = b.rng.chance(0.8) ? [b.rng.pick(FORCE_CAPABILITIES)] : [];
      addOfficer(b, {
        homeOrgId: force.id,
        region: force.region as Region,
        capabilities,
        vetting: vettingFor(capabilities, b.rng, 'force'),
        pipLevel: capabilities.length === 0 ? b.rng.weighted<PipLevel>([[0, 30], [1, 70]]) : pipFor(capabilities, b.rng),
      });
    }
  }
}

/**
 * The demo officers, in the order the seed creates them. Deterministic for a
 * given seed (and day: `today` dates the postings' ends); `asOf` only moves the vetting expiry dates so they stay in the
 * future whenever the seed runs.
 */
export function generateDemoOfficers(options: { seed?: number; asOf?: Date; today?: Date } = {}): DemoOfficer[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const strengths = demoTeamStrengths(seed);
  const b: Builder = {
    rng: createPrng(seed ^ 0x5eed),
    asOf: options.asOf ?? new Date(),
    today: options.today ?? new Date(),
    usedNames: new Set([...TITAN_CYBER_TEAM.map((m) => m.name), NCA_PERSONA_OFFICER.name]),
    nextNumber: new Map(),
    out: [],
  };
  for (const rocu of ROCUS) addRocuOfficers(b, rocu.id, rocu.region as Region, strengths);
  addNcaOfficers(b);
  addForceOfficers(b);
  return b.out;
}
