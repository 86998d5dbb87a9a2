import { defineRoute, type RouteDef } from '../../http/route';
import { calendarQuery, campaignCalendar, capabilityHeatmap, heatmapQuery, pipelineQuery, pipPipeline } from '../../schemas/report.schema';

/** Reports people steer by (BRIEF.md "Secondments and PIP training", "Reports"): maintained aggregates or bounded Queries. */
export const reportRoutes = {
  getCapabilityHeatmap: defineRoute({
    id: 'getCapabilityHeatmap',
    method: 'GET',
    path: '/v1/reports/capability-heatmap',
    summary: 'ROCU × capability: strength, minimum, establishment, committed out, projected and level (a ROCC: own regions unless `region` names another)',
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
} satisfies Record<string, RouteDef>;
