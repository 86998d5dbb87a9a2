import * as z from 'zod';
import type { RouteDef } from '../http/route';
import { errorResponse } from '../schemas/common.schema';
import { routeList } from './routes';

type JsonSchema = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No content',
  400: 'The request is not valid (validation_failed)',
  401: 'No valid bearer token (unauthenticated)',
  403: 'Your role or organisation may not do this (forbidden)',
  404: 'Not found, or not visible to you (not_found)',
  409: 'Conflicts with the current state (conflict)',
  412: 'If-Match did not match (precondition_failed)',
  413: 'The request body is too large',
  415: 'Wrong Content-Type (unsupported_media_type)',
  422: 'Idempotency-Key reused with a different request',
  503: 'Briefly unavailable; retry after Retry-After (service_unavailable)',
};

/** zod → JSON Schema, with named schemas (`.meta({id})`) hoisted into components. */
function toSchema(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
  delete json.$defs;
  delete json.$schema;
  for (const [name, def] of Object.entries(defs)) components[name] ??= def;
  return JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query', components: Record<string, JsonSchema>) {
  if (!schema) return [];
  const json = toSchema(schema, 'input', components);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, propertySchema]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(propertySchema.description ? { description: propertySchema.description } : {}),
    schema: propertySchema,
  }));
}

function security(route: RouteDef) {
  return route.auth.kind === 'public' ? [] : [{ bearer: [] }];
}

function rolesNote(route: RouteDef): string {
  if (route.auth.kind === 'public') return 'Anyone; no token needed.';
  if (route.auth.kind === 'signed-in') return 'Any signed-in user.';
  return `Roles: ${route.auth.roles.join(', ')} (scoped to the caller's organisation).`;
}

/** The OpenAPI 3.1 document for every route in the route table, from the same zod schemas the handlers validate with. */
export function buildOpenApiDocument(list: readonly RouteDef[] = routeList): Record<string, unknown> {
  const components: Record<string, JsonSchema> = {};
  const errorRef = { $ref: '#/components/schemas/Error' };
  toSchema(errorResponse, 'output', components);
  const paths: Record<string, Record<string, unknown>> = {};

  for (const route of list) {
    const responses: Record<string, unknown> = {
      [route.status]: {
        description: STATUS_TEXT[route.status] ?? 'OK',
        ...(route.status === 204 ? {} : { content: { 'application/json': { schema: toSchema(route.response, 'output', components) } } }),
      },
    };
    const errorStatuses = new Set<number>([400, ...(route.auth.kind === 'public' ? [] : [401]), ...(route.auth.kind === 'roles' ? [403] : []), ...(route.errors ?? [])]);
    if (route.body) errorStatuses.add(415);
    if (route.idempotent) errorStatuses.add(422);
    for (const status of [...errorStatuses].sort()) {
      responses[status] = { description: STATUS_TEXT[status] ?? 'Error', content: { 'application/json': { schema: errorRef } } };
    }
    const headerParams = [
      ...(route.idempotent
        ? [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'A retry with the same key returns the first result and creates nothing twice.', schema: { type: 'string', maxLength: 255 } }]
        : []),
      ...(route.body && (route.method === 'PUT' || route.method === 'PATCH')
        ? [{ name: 'If-Match', in: 'header', required: false, description: 'The version you read; instead of `version` in the body. A stale one gets 412.', schema: { type: 'string' } }]
        : []),
    ];
    const operation: Record<string, unknown> = {
      operationId: route.id,
      summary: route.summary,
      description: rolesNote(route),
      tags: [route.tag],
      security: security(route),
      parameters: [...parameters(route.params, 'path', components), ...parameters(route.query, 'query', components), ...headerParams],
      responses,
    };
    if (route.body) {
      operation.requestBody = {
        required: true,
        content:
          route.bodyType === 'csv'
            ? { 'text/csv': { schema: { type: 'string' } } }
            : { 'application/json': { schema: toSchema(route.body, 'input', components) } },
      };
    }
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Joint NCA–ROCU workforce coordination API',
      version: '1.0.0',
      description:
        'Specialist recruitment, secondments and PIP training across the NCA and the ROCUs, with capability protection. Errors: `{"error":{"code","message","details"}}`.',
    },
    servers: [{ url: '/' }],
    tags: [...new Set(list.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
