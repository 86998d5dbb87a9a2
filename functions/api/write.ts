/**
 * The write function: every route that changes the table, under a role that
 * may write it. Its domain events go to the outbox in each change's own
 * transaction; the outbox notifier, not this function, delivers them.
 */
// Parsed at load: a function missing a setting the stack provides fails its init, not its first request.
import '../../shared/config';
import { routeDispatcher, type HandlerLoaders } from '../../shared/http/dispatcher';

/** Its routes by API Gateway route key: exactly the route table's write routes (test/unit/dispatcher.test.ts). */
export const loaders: HandlerLoaders = {
  'POST /v1/campaigns/{id}/complete': () => import('../campaigns/complete-campaign'),
  'POST /v1/officers/{officerId}/transfer': () => import('../officers/propose-transfer'),
  'POST /v1/officers/{officerId}/transfer/cancel': () => import('../officers/cancel-transfer'),
  'POST /v1/officers/{officerId}/transfer/decision': () => import('../officers/decide-transfer'),
  'POST /v1/officers/{officerId}/posting/extend': () => import('../officers/extend-posting'),
  'POST /v1/alerts/{id}/decide': () => import('../alerts/decide-alert'),
  'PUT /v1/contacts/{audience}': () => import('../contacts/put-contact'),
  'POST /v1/alerts/{id}/refer': () => import('../alerts/refer-alert'),
  'POST /v1/alerts/{id}/respond': () => import('../alerts/respond-to-alert'),
  'POST /v1/applications/{id}/accept': () => import('../applications/accept-offer'),
  'POST /v1/applications/{id}/appointable': () => import('../pool/mark-appointable'),
  'POST /v1/applications/{id}/offer': () => import('../applications/make-offer'),
  'POST /v1/applications/{id}/pool-consent': () => import('../pool/set-pool-consent'),
  'POST /v1/applications/{id}/reject': () => import('../applications/reject-application'),
  'POST /v1/applications/{id}/shortlist': () => import('../applications/shortlist-application'),
  'POST /v1/applications/{id}/withdraw': () => import('../applications/withdraw-application'),
  'POST /v1/campaigns': () => import('../campaigns/create-campaign'),
  'PATCH /v1/campaigns/{id}': () => import('../campaigns/patch-campaign'),
  'POST /v1/campaigns/{id}/applications': () => import('../applications/apply-to-campaign'),
  'POST /v1/campaigns/{id}/cancel': () => import('../campaigns/cancel-campaign'),
  'POST /v1/campaigns/{id}/candidate-pool/invitations': () => import('../pool/invite-candidate'),
  'POST /v1/campaigns/{id}/close': () => import('../campaigns/close-campaign'),
  'POST /v1/campaigns/{id}/publish': () => import('../campaigns/publish-campaign'),
  'POST /v1/capabilities': () => import('../reference/create-capability'),
  'POST /v1/course-bookings/{id}/cancel': () => import('../courses/cancel-course-booking'),
  'POST /v1/courses': () => import('../courses/create-course'),
  'POST /v1/courses/{id}/bookings': () => import('../courses/book-course'),
  'POST /v1/courses/{id}/wait-list/promote': () => import('../courses/promote-course-wait-list'),
  'POST /v1/officers': () => import('../officers/create-officer'),
  'PATCH /v1/officers/{officerId}': () => import('../officers/patch-officer'),
  'PATCH /v1/officers/{officerId}/pip': () => import('../pip/patch-pip-record'),
  'POST /v1/officers/{officerId}/pip/sign-off': () => import('../pip/sign-off-pip'),
  'PUT /v1/organisations/{orgId}/capabilities/{capabilityId}': () => import('../baselines/put-org-capability'),
  'POST /v1/placements': () => import('../placements/create-placement'),
  'POST /v1/placements/{id}/applications': () => import('../placements/apply-to-placement'),
  'POST /v1/secondment-applications/{id}/complete': () => import('../secondments/complete-secondment'),
  'POST /v1/secondment-applications/{id}/extension': () => import('../secondments/propose-extension'),
  'POST /v1/secondment-applications/{id}/extension/decision': () => import('../secondments/decide-extension'),
  'POST /v1/secondment-applications/{id}/home-decision': () => import('../secondments/decide-secondment-at-home'),
  'POST /v1/secondment-applications/{id}/host-decision': () => import('../secondments/decide-secondment-as-host'),
  'POST /v1/secondment-applications/{id}/withdraw': () => import('../secondments/withdraw-secondment'),
};

export const { handler, preload } = routeDispatcher('write', loaders);
