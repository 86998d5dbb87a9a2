/**
 * What a draft needs before it can be published (pure). An HR lead saves a
 * draft with only its title and capability and fills the rest in over days;
 * publishing, the impact assessment and everything after them need the whole
 * campaign. `missingForPublish` says what is left, in the order of the form,
 * and `ready` gives the rest of the code a campaign whose fields are all there.
 */
import type { ImpactCampaign } from './impact';
import type { VettingLevel } from './reference';

/** The fields a draft may leave out (null, or an empty list). */
export interface DraftFields {
  regions: readonly string[];
  posts: number | null;
  opensOn: string | null;
  closesOn: string | null;
  roleProfile: {
    jobDescription: string | null;
    terms: string | null;
    grade: string | null;
    salaryBand: string | null;
    vetting: VettingLevel | null;
    minPipLevel: number;
    locations: readonly string[];
  };
}

/** A campaign with every field a publication needs. */
export type Ready<C extends DraftFields> = Omit<C, 'posts' | 'opensOn' | 'closesOn' | 'roleProfile'> & {
  posts: number;
  opensOn: string;
  closesOn: string;
  roleProfile: {
    [K in keyof C['roleProfile']]: K extends 'locations' | 'minPipLevel' ? C['roleProfile'][K] : Exclude<C['roleProfile'][K], null>;
  };
};

const NEEDED: readonly { field: string; message: string; missing: (c: DraftFields) => boolean }[] = [
  { field: 'regions', message: 'Choose the regions the campaign recruits in', missing: (c) => c.regions.length === 0 },
  { field: 'posts', message: 'Add the number of posts', missing: (c) => c.posts === null },
  { field: 'roleProfile.vetting', message: 'Choose the minimum vetting level', missing: (c) => c.roleProfile.vetting === null },
  { field: 'opensOn', message: 'Add the date applications open', missing: (c) => c.opensOn === null },
  { field: 'closesOn', message: 'Add the date applications close', missing: (c) => c.closesOn === null },
  { field: 'roleProfile.grade', message: 'Add the grade', missing: (c) => c.roleProfile.grade === null },
  { field: 'roleProfile.salaryBand', message: 'Add the salary band', missing: (c) => c.roleProfile.salaryBand === null },
  { field: 'roleProfile.locations', message: 'Add at least one location', missing: (c) => c.roleProfile.locations.length === 0 },
  { field: 'roleProfile.jobDescription', message: 'Add the job description', missing: (c) => c.roleProfile.jobDescription === null },
  { field: 'roleProfile.terms', message: 'Add the terms and conditions', missing: (c) => c.roleProfile.terms === null },
];

/** What the campaign still needs before it can be published, in the order of the form; empty when it is complete. */
export function missingForPublish(c: DraftFields): { field: string; message: string }[] {
  return NEEDED.filter((n) => n.missing(c)).map(({ field, message }) => ({ field, message }));
}

export function isReady<C extends DraftFields>(c: C): c is C & Ready<C> {
  return missingForPublish(c).length === 0;
}

/**
 * The campaign as a complete one. Only a draft can be incomplete (publishing
 * refuses one that is), so an incomplete campaign past its draft is a broken
 * record: an error, not a 4xx.
 */
export function ready<C extends DraftFields>(c: C): Ready<C> {
  if (!isReady(c)) throw new Error(`Campaign is incomplete: ${missingForPublish(c).map((m) => m.field).join(', ')}`);
  return c as unknown as Ready<C>;
}

/** What the impact assessment still needs (the posts and the vetting level); empty once it can run. */
export function impactInputMissing(c: DraftFields): { field: string; message: string }[] {
  return missingForPublish(c).filter((m) => m.field === 'posts' || m.field === 'roleProfile.vetting');
}

/** The campaign as the impact assessment reads it, once it has its posts and vetting level (a draft may have them before the rest). */
export function impactInput<C extends DraftFields & Omit<ImpactCampaign, 'posts' | 'roleProfile'>>(c: C): ImpactCampaign | undefined {
  if (c.posts === null || c.roleProfile.vetting === null) return undefined;
  return { ...c, posts: c.posts, roleProfile: { vetting: c.roleProfile.vetting, minPipLevel: c.roleProfile.minPipLevel } };
}
