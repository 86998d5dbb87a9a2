import * as z from 'zod';
import { LEVELS } from '../domain/capability-level';
import { singleLineText, slugId, version } from './common.schema';

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
    establishment: z.number().int().describe('Funded posts, set by the HR lead.'),
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
    establishment: z.number().int().min(0).max(10_000).optional(),
    version: version.optional().describe('The version you read (or send it as If-Match); 0 to create a row that does not exist yet.'),
  })
  .refine((b) => b.minimum !== undefined || b.establishment !== undefined, {
    error: 'give minimum, establishment or both',
  });
