import { defineRoute, type RouteDef } from '../../http/route';
import { secondmentFlows, secondmentFlowsQuery } from '../../schemas/secondment-flows.schema';
import { calendarQuery, campaignCalendar, capabilityHeatmap, heatmapQuery, pipelineQuery, pipPipeline } from '../../schemas/report.schema';
import { forecastParams, forecastQuery, forecastResponse, networkScenario, networkScenarioQuery } from '../../schemas/forecast.schema';

/** Reports people steer by (BRIEF.md "Secondments and PIP training", "Reports"): maintained aggregates or bounded Queries. */
export const reportRoutes = {
  getCapabilityForecast: defineRoute({
    id: 'getCapabilityForecast',
    method: 'GET',
    path: '/v1/organisations/{orgId}/forecast',
    summary: 'Each team of the organisation month by month (strength, committedOut, projected, establishment, level), the dated events behind it and its first breach of the minimum (ROCU head and HR lead of orgId, the ROCC of its region, NCA HR leads)',
    description:
      'The first month is today (its figures equal the counters); each further month is the team at the end of that month, after the moves, secondment returns, posting ends, leaving dates and funding ends dated by then. ' +
      'Round trips: 1 — GetItem organisation ∥ Query its baselines (`ORG#<orgId>`, `CAPBASE#`) ∥ Query gsi1 `ORG#<orgId>#OFFICER` (officers serving there, active) ∥ Query gsi2 `ORG#<orgId>#ARRIVING` (officers who will start counting there); each paged past 1 MB. The cost grows with the unit’s own officers, never with the national workforce.',
    tag: 'reports',
    handler: 'reports/get-capability-forecast',
    auth: { kind: 'roles', roles: ['rocu-head', 'hr-lead', 'rocc'] },
    authz: { otherOrg: 403 },
    access: 'read',
    params: forecastParams,
    query: forecastQuery,
    status: 200,
    response: forecastResponse,
    errors: [404],
  }),
  getNetworkScenario: defineRoute({
    id: 'getNetworkScenario',
    method: 'GET',
    path: '/v1/reports/network-scenario',
    summary: 'Every open campaign filled at its worst case at once, across every capability its officers hold: the ROCU teams that end below their minimum and the campaigns that together cause it (NCA HR leads; ROCCs for their regions)',
    description:
      'Each campaign’s exposure on a team is its own impact assessment’s (posts, caps, eligible holders and co-holders); together a team loses their sum, at most its projection. `onlyTogether` marks a breach no single campaign’s assessment shows. ' +
      'Round trips: 1 — Query gsi1 `CAMPAIGN#STATUS#open` ∥ Query gsi2 `CAPBASE` (every baseline, with its holder and co-holder counters) ∥ Query `REF#ORG`; each paged past 1 MB. Officers are never read.',
    tag: 'reports',
    handler: 'reports/get-network-scenario',
    auth: { kind: 'roles', roles: ['rocc', 'hr-lead'] },
    authz: { otherOrg: 403 },
    access: 'read',
    query: networkScenarioQuery,
    status: 200,
    response: networkScenario,
  }),
  getCapabilityHeatmap: defineRoute({
    id: 'getCapabilityHeatmap',
    method: 'GET',
    path: '/v1/reports/capability-heatmap',
    summary: 'ROCU × capability: strength, minimum, establishment, committed out, projected and level, today or `months` ahead (a ROCC: own regions unless `region` names another)',
    description:
      'Today (`months` 0) from the counters: round trips 1 — Query gsi2 `CAPBASE` (every baseline) ∥ Query `REF#ORG` ∥ Query `REF#CAP`. ' +
      'Ahead (`months` 1–36) each cell is its ROCU’s forecast at the end of that month (as `GET /v1/organisations/{orgId}/forecast` computes it): round trips 2 — the same, then for each ROCU shown with a baseline, in parallel, Query gsi1 `ORG#<orgId>#OFFICER` (serving there) ∥ Query gsi2 `ORG#<orgId>#ARRIVING`; the cost grows with the ROCUs’ own officers, never with the national workforce.',
    tag: 'reports',
    handler: 'reports/get-capability-heatmap',
    auth: { kind: 'roles', roles: ['rocu-head', 'hr-lead', 'rocc'] },
    authz: { otherOrg: 'not-scoped' },
    access: 'read',
    query: heatmapQuery,
    status: 200,
    response: capabilityHeatmap,
    errors: [404],
  }),
  getPipPipeline: defineRoute({
    id: 'getPipPipeline',
    method: 'GET',
    path: '/v1/reports/pip-pipeline',
    summary: 'Active officers by PIP level and status (accredited, in development, none) per organisation, with national totals (HR lead and ROCU head: own organisation; ROCC: own regions)',
    tag: 'reports',
    handler: 'reports/get-pip-pipeline',
    auth: { kind: 'roles', roles: ['hr-lead', 'rocu-head', 'rocc'] },
    authz: { otherOrg: 'filtered' },
    access: 'read',
    query: pipelineQuery,
    status: 200,
    response: pipPipeline,
  }),
  getCampaignCalendar: defineRoute({
    id: 'getCampaignCalendar',
    method: 'GET',
    path: '/v1/reports/campaign-calendar',
    summary: 'Campaigns on a timeline (`from`/`to`) with their coordination notices; officers see open campaigns, drafts only their HR leads',
    tag: 'reports',
    handler: 'reports/get-campaign-calendar',
    auth: { kind: 'signed-in' },
    authz: { otherOrg: 'filtered' },
    access: 'read',
    query: calendarQuery,
    status: 200,
    response: campaignCalendar,
  }),
  getSecondmentFlows: defineRoute({
    id: 'getSecondmentFlows',
    method: 'GET',
    path: '/v1/reports/secondment-flows',
    summary: 'Secondments by region and direction (NCA→ROCU against ROCU→NCA): confirmed, active, completed (a ROCC: own regions unless `region` names another)',
    tag: 'reports',
    handler: 'reports/get-secondment-flows',
    auth: { kind: 'roles', roles: ['hr-lead', 'rocc'] },
    authz: { otherOrg: 'not-scoped' },
    access: 'read',
    query: secondmentFlowsQuery,
    status: 200,
    response: secondmentFlows,
  }),
} satisfies Record<string, RouteDef>;
