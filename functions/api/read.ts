/**
 * The read function: every route that only reads the table (the GETs and the
 * impact preview), under a role that can only read it.
 */
// Parsed at load: a function missing a setting the stack provides fails its init, not its first request.
import '../../shared/config';
import { routeDispatcher, type HandlerLoaders } from '../../shared/http/dispatcher';

/** Its routes by API Gateway route key: exactly the route table's read routes (test/unit/dispatcher.test.ts). */
export const loaders: HandlerLoaders = {
  'GET /v1/alerts': () => import('../alerts/list-alerts'),
  'GET /v1/alerts/{id}': () => import('../alerts/get-alert'),
  'GET /v1/alerts/{id}/context': () => import('../alerts/get-alert-context'),
  'GET /v1/applications/{id}': () => import('../applications/get-application'),
  'GET /v1/applications/{id}/offer-context': () => import('../applications/get-offer-context'),
  'GET /v1/audit': () => import('../audit/get-audit'),
  'GET /v1/campaigns': () => import('../campaigns/list-campaigns'),
  'GET /v1/campaigns/{id}': () => import('../campaigns/get-campaign'),
  'GET /v1/campaigns/{id}/applications': () => import('../applications/list-campaign-applications'),
  'GET /v1/campaigns/{id}/candidate-pool': () => import('../pool/list-candidate-pool'),
  'GET /v1/campaigns/{id}/impact': () => import('../campaigns/get-campaign-impact'),
  'POST /v1/campaigns/impact-preview': () => import('../campaigns/preview-campaign-impact'),
  'GET /v1/capabilities': () => import('../reference/list-capabilities'),
  'GET /v1/contacts': () => import('../contacts/list-contacts'),
  'GET /v1/course-bookings/{id}': () => import('../courses/get-course-booking'),
  'GET /v1/courses': () => import('../courses/list-courses'),
  'GET /v1/courses/{id}': () => import('../courses/get-course'),
  'GET /v1/courses/{id}/bookings': () => import('../courses/list-course-bookings'),
  'GET /v1/health': () => import('../service/get-health'),
  'GET /v1/me': () => import('../identity/get-me'),
  'GET /v1/organisations/{orgId}/incoming-transfers': () => import('../officers/list-incoming-transfers'),
  'GET /v1/me/applications': () => import('../applications/list-my-applications'),
  'GET /v1/me/course-bookings': () => import('../courses/list-my-course-bookings'),
  'GET /v1/me/invitations': () => import('../pool/list-my-invitations'),
  'GET /v1/me/secondment-applications': () => import('../secondments/list-my-secondment-applications'),
  'GET /v1/officers': () => import('../officers/list-officers'),
  'GET /v1/officers/{officerId}': () => import('../officers/get-officer'),
  'GET /v1/officers/{officerId}/pip': () => import('../pip/get-pip-record'),
  'GET /v1/openapi.json': () => import('../service/get-openapi'),
  'GET /v1/organisations': () => import('../reference/list-organisations'),
  'GET /v1/organisations/{orgId}/capabilities': () => import('../baselines/list-org-capabilities'),
  'GET /v1/organisations/{orgId}/forecast': () => import('../reports/get-capability-forecast'),
  'GET /v1/organisations/{orgId}/placements': () => import('../placements/list-host-placements'),
  'GET /v1/organisations/{orgId}/roster': () => import('../officers/get-team-roster'),
  'GET /v1/organisations/{orgId}/secondment-applications': () => import('../secondments/list-home-secondment-applications'),
  'GET /v1/placements': () => import('../placements/list-placements'),
  'GET /v1/placements/{id}': () => import('../placements/get-placement'),
  'GET /v1/placements/{id}/applications': () => import('../placements/list-placement-applications'),
  'GET /v1/reports/campaign-calendar': () => import('../reports/get-campaign-calendar'),
  'GET /v1/reports/capability-heatmap': () => import('../reports/get-capability-heatmap'),
  'GET /v1/reports/network-scenario': () => import('../reports/get-network-scenario'),
  'GET /v1/reports/pip-pipeline': () => import('../reports/get-pip-pipeline'),
  'GET /v1/reports/secondment-flows': () => import('../reports/get-secondment-flows'),
  'GET /v1/secondment-applications/{id}': () => import('../secondments/get-secondment-application'),
  'GET /v1/secondment-applications/{id}/home-context': () => import('../secondments/get-home-decision-context'),
};

export const { handler, preload } = routeDispatcher('read', loaders);
