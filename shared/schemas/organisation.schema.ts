import * as z from 'zod';
import { ORG_TYPES, REGIONS } from '../domain/reference';
import { slugId } from './common.schema';

export const organisation = z
  .object({
    id: slugId,
    name: z.string(),
    type: z.enum(ORG_TYPES),
    region: z.enum(REGIONS).nullable().describe('Policing region; null for the NCA, which has offices in several.'),
    forces: z.array(slugId).describe('Constituent forces of a ROCU (ids of organisations of type force).'),
    parentOrgId: slugId.nullable().describe('For a force, the ROCU of its region.'),
    regions: z.array(z.enum(REGIONS)).describe('Regions the organisation works in (NCA branch offices).'),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof organisation>;

export const orgPathParams = z.strictObject({ orgId: slugId });
