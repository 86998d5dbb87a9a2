import * as z from 'zod';
import { LEVELS } from '../domain/capability-level';
import { isoDate, singleLineText, slugId, storedDate, version } from './common.schema';

export const fundingLine = z
  .strictObject({
    source: singleLineText(120).describe('Who funds the posts (e.g. "Home Office ROCU grant").'),
    posts: z.number().int().min(0).max(10_000),
    until: isoDate.optional().describe('The day the funding ends: from that day its posts are no longer funded. Absent: open-ended.'),
  })
  .meta({ id: 'FundingLine' });
export type FundingLineInput = z.infer<typeof fundingLine>;

export const capability = z
  .object({ id: slugId, name: z.string().min(1).max(120) })
  .meta({ id: 'Capability' });
export type Capability = z.infer<typeof capability>;

export const createCapabilityBody = z.strictObject({
  id: slugId,
  name: singleLineText(120),
});

export const capabilityRow = z
  .object({
    orgId: slugId,
    capabilityId: slugId,
    strength: z.number().int().describe('Active holders whose home is this organisation.'),
    minimum: z.number().int().describe('Minimum viable strength, set by the ROCU head.'),
    establishment: z.number().int().describe('Funded posts today: the sum of the funding lines not yet ended, or the number the HR lead set where the team has no funding lines.'),
    funding: z
      .array(z.object({ source: z.string(), posts: z.number().int(), until: storedDate.optional() }))
      .optional()
      .describe('The funding lines of the establishment, set by the HR lead (absent: none recorded).'),
    committedOut: z.number().int().describe('Holders with an accepted move or approved secondment not yet ended.'),
    projected: z.number().int().describe('strength − committedOut: the worst point ahead.'),
    level: z.enum(LEVELS),
    version: z.number().int(),
    updatedAt: z.string().optional(),
  })
  .meta({ id: 'CapabilityRow' });
export type CapabilityRow = z.infer<typeof capabilityRow>;

export const capabilityRowParams = z.strictObject({ orgId: slugId, capabilityId: slugId });

export const putCapabilityRowBody = z
  .strictObject({
    minimum: z.number().int().min(0).max(10_000).optional(),
    establishment: z.number().int().min(0).max(10_000).optional().describe('Funded posts as one number; for posts funded by several sources or until a date, send `funding` instead.'),
    funding: z
      .array(fundingLine)
      .max(20)
      .optional()
      .describe('The establishment as funding lines (HR lead): `establishment` is then their sum on any date, and the forecast drops a line’s posts on its `until` date. An empty list clears them.'),
    version: version.optional().describe('The version you read (or send it as If-Match); 0 to create a row that does not exist yet.'),
  })
  .refine((b) => b.minimum !== undefined || b.establishment !== undefined || b.funding !== undefined, {
    error: 'give minimum, establishment or funding',
  })
  .refine((b) => b.establishment === undefined || b.funding === undefined, {
    error: 'give establishment or funding, not both: with funding lines the establishment is their sum',
    path: ['establishment'],
  });
