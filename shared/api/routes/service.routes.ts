import { defineRoute, type RouteDef } from '../../http/route';
import { health, me, openApiDocument } from '../../schemas/misc.schema';

export const serviceRoutes = {
  getHealth: defineRoute({
    id: 'getHealth',
    method: 'GET',
    path: '/v1/health',
    summary: 'Service health, including whether the table is reachable',
    tag: 'service',
    handler: 'service/get-health',
    auth: { kind: 'public' },
    access: 'read',
    status: 200,
    response: health,
    errors: [503],
  }),
  getOpenApi: defineRoute({
    id: 'getOpenApi',
    method: 'GET',
    path: '/v1/openapi.json',
    summary: 'This API described as OpenAPI 3.1',
    tag: 'service',
    handler: 'service/get-openapi',
    auth: { kind: 'public' },
    access: 'none',
    status: 200,
    response: openApiDocument,
  }),
  getMe: defineRoute({
    id: 'getMe',
    method: 'GET',
    path: '/v1/me',
    summary: 'The caller’s claims and, for officers, their officer record',
    tag: 'identity',
    handler: 'identity/get-me',
    auth: { kind: 'signed-in' },
    access: 'read',
    status: 200,
    response: me,
  }),
} satisfies Record<string, RouteDef>;
