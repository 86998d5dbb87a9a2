import * as z from 'zod';
import { FLOW_SIDES } from '../domain/secondment-rules';
import { region } from './common.schema';

export const secondmentFlowsQuery = z.strictObject({
  region: region.optional().describe('Only this region. A ROCC sees their own regions unless they name one; an HR lead sees every region.'),
});

const counts = z.object({
  confirmed: z.number().int().describe('Confirmed, not started yet (upcoming).'),
  active: z.number().int().describe('Under way.'),
  completed: z.number().int().describe('Ended (by date or by the host), ever.'),
});

export const secondmentFlows = z
  .object({
    regions: z.array(
      z.object({
        region: z.string(),
        flows: z
          .array(counts.extend({ from: z.enum(FLOW_SIDES), to: z.enum(FLOW_SIDES) }))
          .describe('One per direction with any secondment in this region: the home organisation’s type → the host’s.'),
        ncaToRocu: counts.describe('NCA officers seconded into ROCUs.'),
        rocuToNca: counts.describe('ROCU officers seconded into the NCA.'),
      }),
    ),
    totals: z.object({ ncaToRocu: counts, rocuToNca: counts }).describe('Over the regions shown.'),
    scope: z.enum(['all-regions', 'own-regions', 'region']).describe('Which regions are shown: every one, a ROCC’s own, or the one named.'),
  })
  .meta({ id: 'SecondmentFlows' });
export type SecondmentFlows = z.infer<typeof secondmentFlows>;
