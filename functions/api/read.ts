// Parsed at load: a function missing a setting the stack provides fails its init, not its first request.
import '../../shared/config';
import { routeDispatcher } from '../../shared/http/dispatcher';

/**
 * The read function: every route that only reads the table (GET routes and
 * the impact preview), under a role that can only read it. It dispatches on
 * the API Gateway route key and loads each route's module on its first request.
 */
export const { handler, preload } = routeDispatcher('read', {
  'alerts/get-alert': () => import('../alerts/get-alert'),
  'alerts/list-alerts': () => import('../alerts/list-alerts'),
  'applications/get-application': () => import('../applications/get-application'),
  'applications/list-campaign-applications': () => import('../applications/list-campaign-applications'),
  'applications/list-my-applications': () => import('../applications/list-my-applications'),
  'audit/get-audit': () => import('../audit/get-audit'),
  'baselines/list-org-capabilities': () => import('../baselines/list-org-capabilities'),
  'campaigns/get-campaign': () => import('../campaigns/get-campaign'),
  'campaigns/get-campaign-impact': () => import('../campaigns/get-campaign-impact'),
  'campaigns/list-campaigns': () => import('../campaigns/list-campaigns'),
  'campaigns/preview-campaign-impact': () => import('../campaigns/preview-campaign-impact'),
  'courses/get-course': () => import('../courses/get-course'),
  'courses/get-course-booking': () => import('../courses/get-course-booking'),
  'courses/list-course-bookings': () => import('../courses/list-course-bookings'),
  'courses/list-courses': () => import('../courses/list-courses'),
  'courses/list-my-course-bookings': () => import('../courses/list-my-course-bookings'),
  'identity/get-me': () => import('../identity/get-me'),
  'officers/get-officer': () => import('../officers/get-officer'),
  'officers/list-officers': () => import('../officers/list-officers'),
  'pip/get-pip-record': () => import('../pip/get-pip-record'),
  'placements/get-placement': () => import('../placements/get-placement'),
  'placements/list-host-placements': () => import('../placements/list-host-placements'),
  'placements/list-placement-applications': () => import('../placements/list-placement-applications'),
  'placements/list-placements': () => import('../placements/list-placements'),
  'pool/list-candidate-pool': () => import('../pool/list-candidate-pool'),
  'pool/list-my-invitations': () => import('../pool/list-my-invitations'),
  'reference/list-capabilities': () => import('../reference/list-capabilities'),
  'reference/list-organisations': () => import('../reference/list-organisations'),
  'reports/get-campaign-calendar': () => import('../reports/get-campaign-calendar'),
  'reports/get-capability-heatmap': () => import('../reports/get-capability-heatmap'),
  'reports/get-pip-pipeline': () => import('../reports/get-pip-pipeline'),
  'reports/get-secondment-flows': () => import('../reports/get-secondment-flows'),
  'secondments/get-secondment-application': () => import('../secondments/get-secondment-application'),
  'secondments/list-home-secondment-applications': () => import('../secondments/list-home-secondment-applications'),
  'secondments/list-my-secondment-applications': () => import('../secondments/list-my-secondment-applications'),
  'service/get-health': () => import('../service/get-health'),
  'service/get-openapi': () => import('../service/get-openapi'),
});
