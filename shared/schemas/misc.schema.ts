import * as z from 'zod';
import { ROLES } from '../domain/reference';
import { officer } from './officer.schema';

export const health = z.object({
  status: z.literal('ok'),
  table: z.literal('reachable'),
  time: z.string(),
});

export const me = z
  .object({
    sub: z.string(),
    org: z.string(),
    roles: z.array(z.enum(ROLES)),
    officerId: z.string().optional(),
    regions: z.array(z.string()),
    officer: officer.optional().describe('For officers: their own officer record.'),
  })
  .meta({ id: 'Me' });

export const openApiDocument = z.record(z.string(), z.unknown());
