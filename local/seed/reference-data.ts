/**
 * Reference data the service starts with (BRIEF.md, "Reference data (seeded)"):
 * the NCA, the ten ROCUs of England and Wales with their constituent forces,
 * the capability catalogue, and each ROCU's baselines (minimum viable strength
 * and establishment). Plain typed constants: the seed writes them, tests and
 * the demo-officer generator read them.
 */
import type { Region } from '../../shared/domain/reference';
import type { Capability } from '../../shared/schemas/capability.schema';
import type { Organisation } from '../../shared/schemas/organisation.schema';

export const REGION_NAMES: Readonly<Record<Region, string>> = {
  'north-east': 'North East',
  'yorkshire-humber': 'Yorkshire and the Humber',
  'north-west': 'North West',
  wales: 'Wales',
  'west-midlands': 'West Midlands',
  'east-midlands': 'East Midlands',
  'east-of-england': 'East of England',
  'south-west': 'South West',
  london: 'London',
  'south-east': 'South East',
};

interface RocuDefinition {
  id: string;
  name: string;
  region: Region;
  /** Staff-number prefix of the demo officers (`TIT-0001`). */
  staffPrefix: string;
  forces: readonly { id: string; name: string; staffPrefix: string }[];
}

/**
 * The ten ROCUs as the 2020 inspection lists them. A force belongs to the
 * region of its ROCU here (Kent with ERSOU, North Wales with TITAN), because
 * that is the unit whose capability the service protects for it.
 */
export const ROCU_DEFINITIONS: readonly RocuDefinition[] = [
  {
    id: 'ersou',
    name: 'ERSOU — Eastern Region Special Operations Unit',
    region: 'east-of-england',
    staffPrefix: 'ERS',
    forces: [
      { id: 'cambridgeshire', name: 'Cambridgeshire Constabulary', staffPrefix: 'CAM' },
      { id: 'bedfordshire', name: 'Bedfordshire Police', staffPrefix: 'BED' },
      { id: 'norfolk', name: 'Norfolk Constabulary', staffPrefix: 'NOR' },
      { id: 'suffolk', name: 'Suffolk Constabulary', staffPrefix: 'SUF' },
      { id: 'hertfordshire', name: 'Hertfordshire Constabulary', staffPrefix: 'HER' },
      { id: 'essex', name: 'Essex Police', staffPrefix: 'ESX' },
      { id: 'kent', name: 'Kent Police', staffPrefix: 'KEN' },
    ],
  },
  {
    id: 'emsou',
    name: 'EMSOU — East Midlands Special Operations Unit',
    region: 'east-midlands',
    staffPrefix: 'EMS',
    forces: [
      { id: 'derbyshire', name: 'Derbyshire Constabulary', staffPrefix: 'DER' },
      { id: 'nottinghamshire', name: 'Nottinghamshire Police', staffPrefix: 'NOT' },
      { id: 'lincolnshire', name: 'Lincolnshire Police', staffPrefix: 'LIN' },
      { id: 'leicestershire', name: 'Leicestershire Police', staffPrefix: 'LEI' },
      { id: 'northamptonshire', name: 'Northamptonshire Police', staffPrefix: 'NTH' },
    ],
  },
  {
    id: 'nersou',
    name: 'NERSOU — North East Regional Special Operations Unit',
    region: 'north-east',
    staffPrefix: 'NER',
    forces: [
      { id: 'northumbria', name: 'Northumbria Police', staffPrefix: 'NBR' },
      { id: 'durham', name: 'Durham Constabulary', staffPrefix: 'DUR' },
      { id: 'cleveland', name: 'Cleveland Police', staffPrefix: 'CLE' },
    ],
  },
  {
    id: 'odyssey',
    name: 'ODYSSEY — Yorkshire and the Humber Regional Organised Crime Unit',
    region: 'yorkshire-humber',
    staffPrefix: 'ODY',
    forces: [
      { id: 'north-yorkshire', name: 'North Yorkshire Police', staffPrefix: 'NYP' },
      { id: 'west-yorkshire', name: 'West Yorkshire Police', staffPrefix: 'WYP' },
      { id: 'south-yorkshire', name: 'South Yorkshire Police', staffPrefix: 'SYP' },
      { id: 'humberside', name: 'Humberside Police', staffPrefix: 'HUM' },
    ],
  },
  {
    id: 'serocu',
    name: 'SEROCU — South East Regional Organised Crime Unit',
    region: 'south-east',
    staffPrefix: 'SER',
    forces: [
      { id: 'thames-valley', name: 'Thames Valley Police', staffPrefix: 'TVP' },
      { id: 'hampshire', name: 'Hampshire and Isle of Wight Constabulary', staffPrefix: 'HAM' },
      { id: 'surrey', name: 'Surrey Police', staffPrefix: 'SUR' },
      { id: 'sussex', name: 'Sussex Police', staffPrefix: 'SUS' },
    ],
  },
  {
    id: 'tarian',
    name: 'TARIAN — Southern Wales Regional Organised Crime Unit',
    region: 'wales',
    staffPrefix: 'TAR',
    forces: [
      { id: 'dyfed-powys', name: 'Dyfed-Powys Police', staffPrefix: 'DPP' },
      { id: 'south-wales', name: 'South Wales Police', staffPrefix: 'SWP' },
      { id: 'gwent', name: 'Gwent Police', staffPrefix: 'GWE' },
    ],
  },
  {
    id: 'titan',
    name: 'TITAN — North West Regional Organised Crime Unit',
    region: 'north-west',
    staffPrefix: 'TIT',
    forces: [
      { id: 'cumbria', name: 'Cumbria Constabulary', staffPrefix: 'CUM' },
      { id: 'lancashire', name: 'Lancashire Constabulary', staffPrefix: 'LAN' },
      { id: 'greater-manchester', name: 'Greater Manchester Police', staffPrefix: 'GMP' },
      { id: 'merseyside', name: 'Merseyside Police', staffPrefix: 'MER' },
      { id: 'cheshire', name: 'Cheshire Constabulary', staffPrefix: 'CHE' },
      { id: 'north-wales', name: 'North Wales Police', staffPrefix: 'NWP' },
    ],
  },
  {
    id: 'viper',
    name: 'VIPER — West Midlands Regional Organised Crime Unit',
    region: 'west-midlands',
    staffPrefix: 'VIP',
    forces: [
      { id: 'west-mercia', name: 'West Mercia Police', staffPrefix: 'WMC' },
      { id: 'west-midlands', name: 'West Midlands Police', staffPrefix: 'WMP' },
      { id: 'staffordshire', name: 'Staffordshire Police', staffPrefix: 'STA' },
      { id: 'warwickshire', name: 'Warwickshire Police', staffPrefix: 'WAR' },
    ],
  },
  {
    id: 'zephyr',
    name: 'ZEPHYR — South West Regional Organised Crime Unit',
    region: 'south-west',
    staffPrefix: 'ZEP',
    forces: [
      { id: 'devon-and-cornwall', name: 'Devon and Cornwall Police', staffPrefix: 'DCP' },
      { id: 'dorset', name: 'Dorset Police', staffPrefix: 'DOR' },
      { id: 'avon-and-somerset', name: 'Avon and Somerset Police', staffPrefix: 'ASP' },
      { id: 'wiltshire', name: 'Wiltshire Police', staffPrefix: 'WIL' },
      { id: 'gloucestershire', name: 'Gloucestershire Constabulary', staffPrefix: 'GLO' },
    ],
  },
  {
    id: 'london',
    name: 'London Regional Organised Crime Unit',
    region: 'london',
    staffPrefix: 'LDN',
    forces: [
      { id: 'metropolitan', name: 'Metropolitan Police Service', staffPrefix: 'MET' },
      { id: 'city-of-london', name: 'City of London Police', staffPrefix: 'COL' },
      { id: 'british-transport-police', name: 'British Transport Police', staffPrefix: 'BTP' },
    ],
  },
];

/** The NCA has branch offices across England and Wales; its ROCCs cover these regions. */
export const NCA_REGIONS: readonly Region[] = [
  'north-west',
  'north-east',
  'yorkshire-humber',
  'west-midlands',
  'east-midlands',
  'wales',
  'east-of-england',
  'south-east',
  'south-west',
  'london',
];

export const NCA: Organisation = {
  id: 'nca',
  name: 'National Crime Agency',
  type: 'agency',
  region: null,
  forces: [],
  parentOrgId: null,
  regions: [...NCA_REGIONS],
};
export const NCA_STAFF_PREFIX = 'NCA';

export const ROCUS: readonly Organisation[] = ROCU_DEFINITIONS.map((r) => ({
  id: r.id,
  name: r.name,
  type: 'rocu',
  region: r.region,
  forces: r.forces.map((f) => f.id),
  parentOrgId: null,
  regions: [r.region],
}));

export const FORCES: readonly Organisation[] = ROCU_DEFINITIONS.flatMap((r) =>
  r.forces.map(
    (f): Organisation => ({
      id: f.id,
      name: f.name,
      type: 'force',
      region: r.region,
      forces: [],
      parentOrgId: r.id,
      regions: [r.region],
    }),
  ),
);

/** Every organisation the seed writes: the NCA, the ten ROCUs and their 44 forces. */
export const ORGANISATIONS: readonly Organisation[] = [NCA, ...ROCUS, ...FORCES];

/** Staff-number prefix for an organisation's demo officers. */
export const STAFF_PREFIXES: Readonly<Record<string, string>> = Object.fromEntries([
  [NCA.id, NCA_STAFF_PREFIX],
  ...ROCU_DEFINITIONS.map((r) => [r.id, r.staffPrefix]),
  ...ROCU_DEFINITIONS.flatMap((r) => r.forces.map((f) => [f.id, f.staffPrefix])),
]);

export const CAPABILITIES: readonly Capability[] = [
  { id: 'cyber', name: 'Cyber-crime investigation' },
  { id: 'undercover-online', name: 'Undercover online (UCOL)' },
  { id: 'undercover', name: 'Undercover policing' },
  { id: 'surveillance', name: 'Covert surveillance' },
  { id: 'technical-surveillance', name: 'Technical surveillance' },
  { id: 'financial-investigation', name: 'Financial investigation' },
  { id: 'asset-recovery', name: 'Asset recovery' },
  { id: 'fraud', name: 'Economic crime and fraud' },
  { id: 'kidnap-extortion', name: 'Kidnap and extortion' },
  { id: 'protected-persons', name: 'Protected persons' },
  { id: 'confidential-unit', name: 'Confidential unit' },
  { id: 'intelligence-analysis', name: 'Intelligence analysis' },
  { id: 'digital-forensics', name: 'Digital forensics' },
  { id: 'prison-intelligence', name: 'Prison intelligence' },
  { id: 'major-crime', name: 'Major crime investigation' },
];

export interface BaselineSeed {
  orgId: string;
  capabilityId: string;
  minimum: number;
  establishment: number;
}

/** [capability, minimum, establishment] for one ROCU. */
type Row = readonly [string, number, number];

/**
 * What each ROCU runs, with its minimum viable strength and funded posts.
 * Every ROCU outside London runs the core regional capabilities; some also
 * run kidnap and extortion, protected persons or major crime. London was
 * still being set up at the inspection, so it has only two teams.
 * TITAN cyber (7/12) and ERSOU cyber (4/14) are the TITAN story's numbers.
 */
const ROCU_BASELINES: Readonly<Record<string, readonly Row[]>> = {
  titan: [
    ['cyber', 7, 12],
    ['undercover-online', 2, 4],
    ['undercover', 3, 6],
    ['surveillance', 6, 12],
    ['technical-surveillance', 3, 6],
    ['financial-investigation', 4, 8],
    ['asset-recovery', 2, 5],
    ['intelligence-analysis', 4, 8],
    ['digital-forensics', 3, 6],
    ['prison-intelligence', 2, 4],
    ['confidential-unit', 2, 4],
    ['kidnap-extortion', 2, 4],
  ],
  ersou: [
    ['cyber', 4, 14],
    ['undercover-online', 2, 4],
    ['undercover', 3, 6],
    ['surveillance', 6, 12],
    ['technical-surveillance', 3, 5],
    ['financial-investigation', 4, 8],
    ['asset-recovery', 2, 5],
    ['fraud', 3, 6],
    ['intelligence-analysis', 4, 8],
    ['digital-forensics', 3, 6],
    ['protected-persons', 3, 6],
    ['confidential-unit', 2, 4],
  ],
  emsou: [
    ['cyber', 4, 9],
    ['undercover-online', 2, 4],
    ['undercover', 3, 5],
    ['surveillance', 6, 10],
    ['technical-surveillance', 3, 5],
    ['financial-investigation', 3, 7],
    ['asset-recovery', 2, 4],
    ['intelligence-analysis', 3, 7],
    ['digital-forensics', 2, 5],
    ['prison-intelligence', 2, 3],
    ['major-crime', 6, 12],
  ],
  nersou: [
    ['cyber', 3, 8],
    ['undercover-online', 2, 3],
    ['undercover', 3, 5],
    ['surveillance', 5, 10],
    ['technical-surveillance', 2, 4],
    ['financial-investigation', 3, 6],
    ['asset-recovery', 2, 4],
    ['intelligence-analysis', 3, 6],
    ['digital-forensics', 2, 4],
    ['prison-intelligence', 2, 3],
  ],
  odyssey: [
    ['cyber', 4, 10],
    ['undercover-online', 2, 4],
    ['undercover', 3, 6],
    ['surveillance', 6, 12],
    ['technical-surveillance', 3, 5],
    ['financial-investigation', 4, 8],
    ['asset-recovery', 2, 5],
    ['fraud', 3, 6],
    ['intelligence-analysis', 4, 8],
    ['digital-forensics', 3, 5],
    ['prison-intelligence', 2, 3],
    ['confidential-unit', 2, 4],
  ],
  serocu: [
    ['cyber', 5, 11],
    ['undercover-online', 2, 4],
    ['undercover', 3, 6],
    ['surveillance', 6, 12],
    ['technical-surveillance', 3, 6],
    ['financial-investigation', 4, 8],
    ['asset-recovery', 2, 5],
    ['fraud', 3, 7],
    ['intelligence-analysis', 4, 8],
    ['digital-forensics', 3, 6],
    ['protected-persons', 3, 5],
    ['confidential-unit', 2, 4],
  ],
  tarian: [
    ['cyber', 3, 7],
    ['undercover-online', 2, 3],
    ['undercover', 3, 5],
    ['surveillance', 5, 9],
    ['technical-surveillance', 2, 4],
    ['financial-investigation', 3, 6],
    ['asset-recovery', 2, 4],
    ['intelligence-analysis', 3, 6],
    ['digital-forensics', 2, 4],
    ['prison-intelligence', 2, 3],
  ],
  viper: [
    ['cyber', 5, 11],
    ['undercover-online', 2, 4],
    ['undercover', 3, 6],
    ['surveillance', 6, 12],
    ['technical-surveillance', 3, 6],
    ['financial-investigation', 4, 8],
    ['asset-recovery', 2, 5],
    ['fraud', 3, 6],
    ['intelligence-analysis', 4, 8],
    ['digital-forensics', 3, 6],
    ['prison-intelligence', 2, 4],
    ['kidnap-extortion', 2, 4],
  ],
  zephyr: [
    ['cyber', 4, 9],
    ['undercover-online', 2, 4],
    ['undercover', 3, 5],
    ['surveillance', 6, 10],
    ['technical-surveillance', 3, 5],
    ['financial-investigation', 4, 7],
    ['asset-recovery', 2, 4],
    ['intelligence-analysis', 3, 7],
    ['digital-forensics', 2, 5],
    ['prison-intelligence', 2, 3],
    ['confidential-unit', 2, 3],
  ],
  london: [
    ['intelligence-analysis', 3, 6],
    ['confidential-unit', 2, 4],
  ],
};

export const BASELINES: readonly BaselineSeed[] = ROCU_DEFINITIONS.flatMap((r) =>
  (ROCU_BASELINES[r.id] ?? []).map(([capabilityId, minimum, establishment]) => ({
    orgId: r.id,
    capabilityId,
    minimum,
    establishment,
  })),
);
