import { defineRoute, type RouteDef } from '../../http/route';
import { application, applicationParams } from '../../schemas/application.schema';
import { page } from '../../schemas/common.schema';
import {
  candidatePoolParams,
  candidatePoolQuery,
  inviteCandidateBody,
  listMyInvitationsQuery,
  markAppointableBody,
  myInvitation,
  poolConsentBody,
  poolEntry,
  poolInvitation,
} from '../../schemas/pool.schema';

/**
 * The candidate pool: appointable candidates who were not appointed can, with
 * their consent, be shared with the organisations that ran the campaign, for
 * their other campaigns for the same capability.
 */
export const poolRoutes = {
  markAppointable: defineRoute({
    id: 'markAppointable',
    method: 'POST',
    path: '/v1/applications/{id}/appointable',
    summary: 'Mark a shortlisted-then-rejected candidate (or a shortlisted one of an ended campaign) appointable, or take the mark back',
    tag: 'candidate pool',
    handler: 'pool/mark-appointable',
    auth: { kind: 'roles', roles: ['hr-lead'] },
    authz: { otherOrg: 404 },
    access: 'write',
    params: applicationParams,
    body: markAppointableBody,
    status: 200,
    response: application,
    errors: [404, 409],
  }),
  setPoolConsent: defineRoute({
    id: 'setPoolConsent',
    method: 'POST',
    path: '/v1/applications/{id}/pool-consent',
    summary: 'Agree (or no longer agree) to be shared into the candidate pool, on an application marked appointable (the applicant)',
    tag: 'candidate pool',
    handler: 'pool/set-pool-consent',
    auth: { kind: 'roles', roles: ['officer'] },
    authz: { otherOrg: 404 },
    access: 'write',
    params: applicationParams,
    body: poolConsentBody,
    status: 200,
    response: application,
    errors: [404, 409],
  }),
  listCandidatePool: defineRoute({
    id: 'listCandidatePool',
    method: 'GET',
    path: '/v1/campaigns/{id}/candidate-pool',
    summary: 'Pooled candidates for this campaign’s capability that your organisation may see, newest first (campaign HR leads)',
    tag: 'candidate pool',
    handler: 'pool/list-candidate-pool',
    auth: { kind: 'roles', roles: ['hr-lead'] },
    authz: { otherOrg: 404 },
    access: 'read',
    params: candidatePoolParams,
    query: candidatePoolQuery,
    status: 200,
    response: page(poolEntry),
    errors: [404],
  }),
  inviteCandidate: defineRoute({
    id: 'inviteCandidate',
    method: 'POST',
    path: '/v1/campaigns/{id}/candidate-pool/invitations',
    summary: 'Invite a pooled candidate to apply to this open campaign; once per officer per campaign',
    tag: 'candidate pool',
    handler: 'pool/invite-candidate',
    auth: { kind: 'roles', roles: ['hr-lead'] },
    authz: { otherOrg: 404 },
    access: 'write',
    // Publishes `candidate.invited` to the officer.
    notifies: true,
    params: candidatePoolParams,
    body: inviteCandidateBody,
    // A retry of the same invitation returns the first response instead of 409.
    idempotent: true,
    status: 201,
    response: poolInvitation,
    errors: [404, 409],
  }),
  listMyInvitations: defineRoute({
    id: 'listMyInvitations',
    method: 'GET',
    path: '/v1/me/invitations',
    summary: 'Campaigns that invited you to apply from the candidate pool, newest first',
    tag: 'candidate pool',
    handler: 'pool/list-my-invitations',
    auth: { kind: 'roles', roles: ['officer'] },
    authz: { otherOrg: 'filtered' },
    access: 'read',
    query: listMyInvitationsQuery,
    status: 200,
    response: page(myInvitation),
  }),
} satisfies Record<string, RouteDef>;
