/**
 * The API's shapes as pages name them, each the answer of a route in the
 * route table (web/src/routes.ts), so a changed response field is a type
 * error here and in every page that reads it.
 */
import type { RouteBody, RouteQuery, RouteResponse } from './routes';

type Item<T> = T extends { items: readonly (infer I)[] } ? I : never;

export type AlertSummary = Item<RouteResponse<'GET /v1/alerts'>>;
export type AlertDetail = RouteResponse<'GET /v1/alerts/{id}'>;
export type Application = RouteResponse<'GET /v1/applications/{id}'>;
/** `GET /v1/me/applications`: campaign and secondment applications in one list. */
export type MyApplication = Item<RouteResponse<'GET /v1/me/applications'>>;
export type Campaign = RouteResponse<'GET /v1/campaigns/{id}'>;
export type CampaignSummary = Item<RouteResponse<'GET /v1/campaigns'>>;
export type CampaignBody = RouteBody<'POST /v1/campaigns'>;
export type PublishResult = RouteResponse<'POST /v1/campaigns/{id}/publish'>;
export type ImpactAssessment = RouteResponse<'GET /v1/campaigns/{id}/impact'>;
export type ImpactRow = ImpactAssessment['rows'][number];
export type Level = ImpactRow['level'];
export type Capability = Item<RouteResponse<'GET /v1/capabilities'>>;
export type CapabilityRow = Item<RouteResponse<'GET /v1/organisations/{orgId}/capabilities'>>;
export type Organisation = Item<RouteResponse<'GET /v1/organisations'>>;
export type Me = RouteResponse<'GET /v1/me'>;
export type Placement = RouteResponse<'GET /v1/placements/{id}'>;
export type SecondmentApplication = RouteResponse<'GET /v1/secondment-applications/{id}'>;
export type Course = RouteResponse<'GET /v1/courses/{id}'>;
export type CourseBooking = RouteResponse<'GET /v1/course-bookings/{id}'>;
export type PipRecord = RouteResponse<'GET /v1/officers/{officerId}/pip'>;
export type Officer = RouteResponse<'GET /v1/officers/{officerId}'>;
/** `POST /v1/officers/import`: counts and the per-row error report. */
export type ImportResult = RouteResponse<'POST /v1/officers/import'>;
export type CapabilityHeatmapReport = RouteResponse<'GET /v1/reports/capability-heatmap'>;
export type PipPipelineReport = RouteResponse<'GET /v1/reports/pip-pipeline'>;
export type CampaignCalendarReport = RouteResponse<'GET /v1/reports/campaign-calendar'>;
/** A region of England and Wales, as the reports filter by. */
export type Region = NonNullable<NonNullable<RouteQuery<'GET /v1/reports/capability-heatmap'>>['region']>;
export type SecondmentFlowsReport = RouteResponse<'GET /v1/reports/secondment-flows'>;
export type ForecastReport = RouteResponse<'GET /v1/organisations/{orgId}/forecast'>;
export type ForecastTeam = ForecastReport['items'][number];
export type ForecastMonth = ForecastTeam['months'][number];
export type ForecastEvent = ForecastTeam['events'][number];
export type TeamRoster = RouteResponse<'GET /v1/organisations/{orgId}/roster'>;
export type RosterOfficer = TeamRoster['officers'][number];

export type Role = Me['roles'][number];

/** What `POST /local/token` says of the signed-in user (local runs only; not a route of the API). */
export interface Claims {
  sub: string;
  org: string;
  roles: Role[];
  officerId?: string;
  regions?: string[];
}

/** `GET /local/personas` (local runs only). */
export interface Persona {
  id: string;
  name: string;
  org: string;
  roles: Role[];
  officerId?: string;
  regions?: string[];
  description?: string;
}
