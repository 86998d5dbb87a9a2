import * as z from 'zod';
import { LEVELS } from '../domain/capability-level';
import { CAMPAIGN_STATUSES } from '../domain/campaign-rules';
import { isoDate, region, slugId, storedDate } from './common.schema';

const levelCounts = z.object(Object.fromEntries(LEVELS.map((l) => [l, z.number().int()])) as Record<(typeof LEVELS)[number], z.ZodNumber>);

// ---------------------------------------------------------------- capability heatmap

export const heatmapQuery = z.strictObject({
  region: region.optional().describe('Only the ROCU of this region. A ROCC sees their own regions unless they name one.'),
  capabilityId: slugId.optional().describe('Only this capability.'),
  months: z.coerce
    .number()
    .int()
    .min(0)
    .max(36)
    .default(0)
    .describe('When: 0 (the default) is today, from the counters; n is the end of the n-th month after this one, from each ROCU’s forecast (the moves, secondment returns, posting ends, leaving dates and funding ends dated by then).'),
});

export const heatmapCell = z.object({
  capabilityId: z.string(),
  strength: z.number().int(),
  minimum: z.number().int(),
  establishment: z.number().int(),
  committedOut: z.number().int(),
  projected: z.number().int(),
  level: z.enum(LEVELS),
});

export const capabilityHeatmap = z
  .object({
    capabilities: z.array(z.object({ id: z.string(), name: z.string() })).describe('The columns: capabilities any ROCU shown has a baseline for.'),
    rows: z.array(
      z.object({
        orgId: z.string(),
        orgName: z.string(),
        region: z.string().nullable(),
        cells: z.array(heatmapCell).describe('One per capability the ROCU has a baseline for.'),
        worstLevel: z.enum(LEVELS),
      }),
    ),
    counts: levelCounts.describe('Cells at each level.'),
    regions: z.array(z.string()).describe('The regions shown (all when empty).'),
    months: z.number().int().describe('The `months` asked for: 0 is today.'),
    at: storedDate.describe('The day the figures are for: today, or the last day of the month `months` ahead.'),
  })
  .meta({ id: 'CapabilityHeatmap' });
export type CapabilityHeatmap = z.infer<typeof capabilityHeatmap>;

// ---------------------------------------------------------------- PIP pipeline

/** The pipeline takes no parameters: its scope comes from the caller. */
export const pipelineQuery = z.strictObject({});

const pipelineRow = z.object({
  levels: z.array(z.object({ level: z.number().int(), accredited: z.number().int(), inDevelopment: z.number().int() })),
  notAccredited: z.number().int().describe('Active officers with no PIP level and none in development.'),
  accredited: z.number().int(),
  inDevelopment: z.number().int().describe('Counted at the level they are developing towards.'),
  officers: z.number().int().describe('Active officers: every one counts once.'),
});

export const pipPipeline = z
  .object({
    organisations: z.array(pipelineRow.extend({ orgId: z.string(), orgName: z.string(), type: z.string(), region: z.string().nullable() })),
    totals: pipelineRow.describe('Every organisation in the service, including those not shown to you.'),
    scope: z.enum(['own-organisation', 'own-regions']).describe('Which organisations you see: an HR lead or ROCU head their own, a ROCC those in their regions.'),
  })
  .meta({ id: 'PipPipeline' });
export type PipPipeline = z.infer<typeof pipPipeline>;

// ---------------------------------------------------------------- campaign calendar

export const calendarQuery = z
  .strictObject({
    from: isoDate.optional().describe('Start of the window (default: 90 days ago).'),
    to: isoDate.optional().describe('End of the window (default: a year from today); at most two years after `from`.'),
    capabilityId: slugId.optional(),
    region: region.optional(),
  });

export const calendarCampaign = z.object({
  id: z.string(),
  title: z.string(),
  capabilityId: z.string(),
  ownerOrgId: z.string(),
  partnerOrgIds: z.array(z.string()),
  regions: z.array(z.string()),
  posts: z.number().int().nullable().describe('Null for a draft that has its dates but not yet its number of posts.'),
  status: z.enum(CAMPAIGN_STATUSES),
  opensOn: z.string(),
  closesOn: z.string(),
  coordination: z.array(z.object({ campaignId: z.string(), title: z.string(), ownerOrgId: z.string() })).describe('Overlapping campaigns for the same capability and region (the coordination notices raised on publication).'),
});

export const campaignCalendar = z
  .object({
    from: storedDate,
    to: storedDate,
    campaigns: z.array(calendarCampaign).describe('In opening order.'),
    notices: z
      .array(z.object({ campaignIds: z.array(z.string()), capabilityId: z.string(), titles: z.array(z.string()) }))
      .describe('Each pair of campaigns on this calendar that a coordination notice joined, once.'),
    truncated: z.boolean().describe('The window held more campaigns than one calendar shows: narrow it.'),
  })
  .meta({ id: 'CampaignCalendar' });
export type CampaignCalendar = z.infer<typeof campaignCalendar>;
