/** Reference vocabularies of the service: roles, organisation types, vetting and PIP levels, regions. */

export const ROLES = ['officer', 'hr-lead', 'rocu-head', 'rocc', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ORG_TYPES = ['agency', 'rocu', 'force'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

/** Ascending: a later level meets every earlier one. */
export const VETTING_LEVELS = ['nppv2', 'nppv3', 'sc', 'dv'] as const;
export type VettingLevel = (typeof VETTING_LEVELS)[number];

/** 0 = no PIP accreditation yet; 1–4 as the College of Policing defines them. */
export const PIP_LEVELS = [0, 1, 2, 3, 4] as const;
export type PipLevel = (typeof PIP_LEVELS)[number];

export const REGIONS = [
  'north-east',
  'yorkshire-humber',
  'north-west',
  'wales',
  'west-midlands',
  'east-midlands',
  'east-of-england',
  'south-west',
  'london',
  'south-east',
] as const;
export type Region = (typeof REGIONS)[number];

export const OFFICER_STATUSES = ['active', 'left'] as const;

function vettingRank(level: VettingLevel): number {
  return VETTING_LEVELS.indexOf(level);
}

/** Does `held` meet the `required` minimum? */
export function meetsVetting(held: VettingLevel, required: VettingLevel): boolean {
  return vettingRank(held) >= vettingRank(required);
}
