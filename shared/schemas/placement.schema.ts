import * as z from 'zod';
import { ORG_TYPES } from '../domain/reference';
import { PLACEMENT_STATUSES } from '../domain/secondment-rules';
import { entityId, isoDate, multiLineText, pageQuery, pipLevel, region, singleLineText, slugId, storedDate, vettingLevel } from './common.schema';

export const placementEligibilityInput = z.strictObject({
  homeOrgTypes: z
    .array(z.enum(ORG_TYPES))
    .min(1)
    .max(ORG_TYPES.length)
    .describe('Home organisation types whose officers may apply: `agency` (the NCA), `rocu`, `force`.'),
  vetting: vettingLevel.describe('Minimum vetting level'),
  minPipLevel: pipLevel.default(0),
});

export const createPlacementBody = z.strictObject({
  title: singleLineText(200),
  hostOrgId: slugId.describe('The host organisation: yours.'),
  capabilityId: slugId.describe('The capability (or development area) the placement is in.'),
  description: multiLineText(10_000).optional(),
  places: z.number().int().min(1).max(100),
  startDate: isoDate,
  durationMonths: z.number().int().min(1).max(36),
  region,
  eligibility: placementEligibilityInput,
  pipDevelopmentLevel: pipLevel
    .nullable()
    .default(null)
    .describe('The PIP level the placement develops (above eligibility.minPipLevel); null when it develops none.'),
  closesOn: isoDate.describe('Last day applications are taken; on or before the start date.'),
});
export type CreatePlacementInput = z.infer<typeof createPlacementBody>;

export const eligibility = z
  .object({
    ok: z.boolean(),
    reasons: z.array(z.object({ code: z.string(), message: z.string() })).describe('Every reason you may not apply; empty when you may.'),
  })
  .meta({ id: 'PlacementEligibility' });
export type Eligibility = z.infer<typeof eligibility>;

export const placement = z
  .object({
    id: entityId,
    title: z.string(),
    hostOrgId: slugId,
    capabilityId: slugId,
    description: z.string().nullable(),
    places: z.number().int(),
    confirmed: z.number().int().describe('Places confirmed (never more than places).'),
    placesLeft: z.number().int().describe('Places not yet confirmed: places − confirmed.'),
    startDate: storedDate,
    durationMonths: z.number().int(),
    endDate: storedDate.describe('The day the secondee returns home: startDate + durationMonths.'),
    region: z.string(),
    eligibility: z.object({ homeOrgTypes: z.array(z.enum(ORG_TYPES)), vetting: vettingLevel, minPipLevel: z.number().int() }),
    pipDevelopmentLevel: z.number().int().nullable(),
    closesOn: storedDate,
    status: z.enum(PLACEMENT_STATUSES),
    takingApplications: z
      .boolean()
      .describe('Officers can apply today: open, closesOn not passed (it is the last day), and a place still free. False after closesOn or when every place is taken.'),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    eligible: eligibility.optional().describe('For an officer: whether you may apply, and why not.'),
  })
  .meta({ id: 'Placement' });
export type Placement = z.infer<typeof placement>;

export const placementParams = z.strictObject({ id: entityId });

export const listPlacementsQuery = pageQuery.extend({
  region: region.optional(),
  capabilityId: slugId.optional(),
  hostOrgId: slugId.optional(),
  pipDevelopment: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only placements that develop a PIP level; false: only those that do not.'),
  includeOwnOrganisation: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe(
      'Officers: placements in your own organisation (which you cannot apply for: a secondment is to another one) are left out unless this is true or hostOrgId names your organisation. Ignored for other roles, who see every open placement.',
    ),
});

export const hostPlacementsParams = z.strictObject({ orgId: slugId });
export const listHostPlacementsQuery = pageQuery;
