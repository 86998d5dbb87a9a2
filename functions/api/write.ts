// Parsed at load: a function missing a setting the stack provides fails its init, not its first request.
import '../../shared/config';
import { routeDispatcher } from '../../shared/http/dispatcher';

/**
 * The write function: every route that changes the table, under a role that
 * may write it and publish domain events (the routes marked `notifies`). It
 * dispatches on the API Gateway route key and loads each route's module on its
 * first request.
 */
export const { handler, preload } = routeDispatcher('write', {
  'alerts/decide-alert': () => import('../alerts/decide-alert'),
  'alerts/refer-alert': () => import('../alerts/refer-alert'),
  'alerts/respond-to-alert': () => import('../alerts/respond-to-alert'),
  'applications/accept-offer': () => import('../applications/accept-offer'),
  'applications/apply-to-campaign': () => import('../applications/apply-to-campaign'),
  'applications/make-offer': () => import('../applications/make-offer'),
  'applications/reject-application': () => import('../applications/reject-application'),
  'applications/shortlist-application': () => import('../applications/shortlist-application'),
  'applications/withdraw-application': () => import('../applications/withdraw-application'),
  'baselines/put-org-capability': () => import('../baselines/put-org-capability'),
  'campaigns/cancel-campaign': () => import('../campaigns/cancel-campaign'),
  'campaigns/close-campaign': () => import('../campaigns/close-campaign'),
  'campaigns/create-campaign': () => import('../campaigns/create-campaign'),
  'campaigns/patch-campaign': () => import('../campaigns/patch-campaign'),
  'campaigns/publish-campaign': () => import('../campaigns/publish-campaign'),
  'courses/book-course': () => import('../courses/book-course'),
  'courses/cancel-course-booking': () => import('../courses/cancel-course-booking'),
  'courses/create-course': () => import('../courses/create-course'),
  'courses/promote-course-wait-list': () => import('../courses/promote-course-wait-list'),
  'officers/create-officer': () => import('../officers/create-officer'),
  'officers/patch-officer': () => import('../officers/patch-officer'),
  'pip/patch-pip-record': () => import('../pip/patch-pip-record'),
  'pip/sign-off-pip': () => import('../pip/sign-off-pip'),
  'placements/apply-to-placement': () => import('../placements/apply-to-placement'),
  'placements/create-placement': () => import('../placements/create-placement'),
  'pool/invite-candidate': () => import('../pool/invite-candidate'),
  'pool/mark-appointable': () => import('../pool/mark-appointable'),
  'pool/set-pool-consent': () => import('../pool/set-pool-consent'),
  'reference/create-capability': () => import('../reference/create-capability'),
  'secondments/complete-secondment': () => import('../secondments/complete-secondment'),
  'secondments/decide-extension': () => import('../secondments/decide-extension'),
  'secondments/decide-secondment-as-host': () => import('../secondments/decide-secondment-as-host'),
  'secondments/decide-secondment-at-home': () => import('../secondments/decide-secondment-at-home'),
  'secondments/propose-extension': () => import('../secondments/propose-extension'),
  'secondments/withdraw-secondment': () => import('../secondments/withdraw-secondment'),
});
