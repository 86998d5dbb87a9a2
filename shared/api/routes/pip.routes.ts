import { defineRoute, type RouteDef } from '../../http/route';
import { patchPipBody, pipParams, pipRecord, signOffBody } from '../../schemas/pip.schema';

/** PIP records and sign-off (BRIEF.md "Secondments and PIP training"). */
export const pipRoutes = {
  getPipRecord: defineRoute({
    id: 'getPipRecord',
    method: 'GET',
    path: '/v1/officers/{officerId}/pip',
    summary: 'An officer’s PIP record: level, status, target, workplace assessor, evidence and sign-offs (the officer, the HR lead of the home or of a host of their secondment, the assessor)',
    tag: 'pip',
    handler: 'pip/get-pip-record',
    auth: { kind: 'roles', roles: ['officer', 'hr-lead'] },
    authz: { otherOrg: 404 },
    access: 'read',
    params: pipParams,
    status: 200,
    response: pipRecord,
    errors: [404],
  }),
  patchPipRecord: defineRoute({
    id: 'patchPipRecord',
    method: 'PATCH',
    path: '/v1/officers/{officerId}/pip',
    summary: 'Start or stop PIP development towards a level, assign the workplace assessor, add evidence (HR lead of the home, or of a host of the officer’s secondment); needs the record’s version',
    tag: 'pip',
    handler: 'pip/patch-pip-record',
    auth: { kind: 'roles', roles: ['hr-lead'] },
    authz: { otherOrg: 404 },
    access: 'write',
    params: pipParams,
    body: patchPipBody,
    status: 200,
    response: pipRecord,
    errors: [404, 409, 412],
  }),
  signOffPip: defineRoute({
    id: 'signOffPip',
    method: 'POST',
    path: '/v1/officers/{officerId}/pip/sign-off',
    summary:
      'Sign off a PIP level after a completed PIP-development secondment (the workplace assessor or the host’s HR lead; at most the placement’s target): the officer’s level, the counters and the record change together, with an audit entry',
    tag: 'pip',
    handler: 'pip/sign-off-pip',
    auth: { kind: 'roles', roles: ['officer', 'hr-lead'] },
    authz: { otherOrg: 404 },
    access: 'write',
    params: pipParams,
    body: signOffBody,
    status: 200,
    response: pipRecord,
    errors: [404, 409, 412],
  }),
} satisfies Record<string, RouteDef>;
