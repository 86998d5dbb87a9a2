import * as z from 'zod';
import { LEVELS } from '../domain/capability-level';
import { FORECAST_EVENT_KINDS } from '../domain/forecast';
import { region, slugId, storedDate } from './common.schema';

export const forecastParams = z.strictObject({ orgId: slugId });

export const forecastQuery = z.strictObject({
  months: z.coerce.number().int().min(1).max(36).default(24).describe('Month ends after the current month (1–36; default 24).'),
  capabilityId: slugId.optional().describe('Only this team.'),
});

export const forecastMonth = z
  .object({
    month: z.string().describe('`YYYY-MM`.'),
    at: storedDate.describe('The day the figures are for: today in the first month (equal to the counters), the month’s last day after.'),
    strength: z.number().int(),
    committedOut: z.number().int(),
    projected: z.number().int(),
    establishment: z.number().int(),
    level: z.enum(LEVELS),
  })
  .meta({ id: 'ForecastMonth' });

export const forecastEvent = z
  .object({
    date: storedDate,
    kind: z.enum(FORECAST_EVENT_KINDS),
    officerId: z.string().optional(),
    officerName: z.string().optional(),
    delta: z.number().int().describe('The change in `projected` (for `funding-end`: in `establishment`). A move-out or a secondment’s start moves nothing: the commitment is counted out since it was made.'),
    strengthDelta: z.number().int(),
    committedOutDelta: z.number().int(),
    source: z.string().describe('What causes it, in words.'),
  })
  .meta({ id: 'ForecastEvent' });

export const forecastItem = z
  .object({
    capabilityId: slugId,
    minimum: z.number().int(),
    months: z.array(forecastMonth),
    events: z.array(forecastEvent).describe('The dated changes within the horizon, oldest first: the roster of who leaves, returns or arrives when.'),
    firstBreach: z
      .object({ month: z.string(), monthsAhead: z.number().int(), projected: z.number().int(), minimum: z.number().int() })
      .nullable()
      .describe('The first month whose projection is below the minimum (monthsAhead 0: today); null when none.'),
  })
  .meta({ id: 'ForecastItem' });

export const forecastResponse = z
  .object({
    orgId: slugId,
    asOf: storedDate,
    items: z.array(forecastItem),
  })
  .meta({ id: 'CapabilityForecast' });
export type ForecastResponse = z.infer<typeof forecastResponse>;

export const networkScenarioQuery = z.strictObject({
  region: region
    .optional()
    .describe('Only the ROCUs of this region (a ROCC: one of their own; by default a ROCC sees their regions, an NCA HR lead every ROCU).'),
});

export const networkScenarioTeam = z
  .object({
    orgId: slugId,
    capabilityId: slugId,
    strength: z.number().int(),
    minimum: z.number().int(),
    committedOut: z.number().int(),
    projected: z.number().int(),
    totalExposure: z.number().int().describe('Officers the campaigns together could take: the sum of their exposures, at most the projection.'),
    worstCase: z.number().int(),
    level: z.enum(LEVELS),
    onlyTogether: z.boolean().describe('True when no campaign alone takes the team below its minimum: each one’s own assessment looks acceptable.'),
    campaigns: z.array(
      z.object({
        campaignId: z.string(),
        title: z.string(),
        ownerOrgId: slugId,
        exposure: z.number().int(),
        worstCaseAlone: z.number().int(),
        levelAlone: z.enum(LEVELS),
      }),
    ),
  })
  .meta({ id: 'NetworkScenarioTeam' });

export const networkScenario = z
  .object({
    asOf: storedDate,
    campaigns: z.number().int().describe('Open campaigns filled at once.'),
    regions: z.array(z.string()).describe('The regions shown; empty for every ROCU.'),
    items: z.array(networkScenarioTeam).describe('The teams that end below their minimum, furthest below first.'),
  })
  .meta({ id: 'NetworkScenario' });
export type NetworkScenarioResponse = z.infer<typeof networkScenario>;
