import * as z from 'zod';
import type { RouteDef } from '../http/route';
import { DATE_RANGE_TEXT } from '../domain/date-range';
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

/**
 * zod → JSON Schema, with named schemas (`.meta({id})`) hoisted into
 * components. zod writes references to named schemas as `#/$defs/<id>`,
 * inside the schema and inside the named schemas themselves; every one is
 * rewritten to `#/components/schemas/<id>`, where the document keeps them. A
 * named schema that reads differently as a request than as a response
 * (defaults make fields optional on the way in) is kept twice, the request
 * form as `<id>Input`, so each reference resolves to what it describes.
 */
function toSchema(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
  delete json.$defs;
  delete json.$schema;
  const names: Record<string, string> = {};
  for (const [name, def] of Object.entries(defs)) {
    const existing = components[name];
    names[name] = existing === undefined || JSON.stringify(existing) === JSON.stringify(rewriteRefs(def, {})) ? name : `${name}Input`;
  }
  for (const [name, def] of Object.entries(defs)) components[names[name]!] ??= rewriteRefs(def, names);
  return rewriteRefs(json, names);
}

function rewriteRefs(json: JsonSchema, names: Record<string, string>): JsonSchema {
  return JSON.parse(
    JSON.stringify(json).replace(/"#\/\$defs\/([^"]+)"/g, (_m, name: string) => `"#/components/schemas/${names[name] ?? name}"`),
  ) as JsonSchema;
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

/** A write that names the version it expects (a `version` in its body) takes it as If-Match too. */
function takesVersion(route: RouteDef): boolean {
  if (!route.body || route.bodyType === 'csv') return false;
  const json = z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const properties = (json.properties ?? (json.anyOf as JsonSchema[] | undefined)?.[0]?.properties ?? {}) as Record<string, unknown>;
  return 'version' in properties;
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
      ...(takesVersion(route)
        ? [
            {
              name: 'If-Match',
              in: 'header',
              required: false,
              description:
                'The version you read (`"3"`, `W/"3"` or `3`); instead of `version` in the body. A stale one gets 412; one that is not a version (not a whole number from 0 to 9007199254740991) gets 400.',
              schema: { type: 'string', maxLength: 20, pattern: '^(?:W/)?"?[0-9]{1,16}"?$' },
            },
          ]
        : []),
    ];
    const operation: Record<string, unknown> = {
      operationId: route.id,
      summary: route.summary,
      description: route.description ? `${rolesNote(route)}\n\n${route.description}` : rolesNote(route),
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
        'Specialist recruitment, secondments and PIP training across the NCA and the ROCUs, with capability protection. Errors: `{"error":{"code","message","details"}}`; bad input is a 4xx, never a 500.\n\n' +
        `Dates are \`YYYY-MM-DD\` ${DATE_RANGE_TEXT}, in requests and in every date the service computes from them (an end date, a release date): one that would fall outside is a 400 naming the field. ` +
        'Text fields have a maximum length and refuse control characters (NUL and the rest; tab and new lines only in multi-line text such as notes and statements), lone surrogates and U+FFFE/U+FFFF, with a 400 naming the field. ' +
        'A `version` (or `If-Match`) is a whole number from 0 to 9007199254740991. A `cursor` is opaque: pass back the one a list gave you; any other is a 400. ' +
        'Moving an officer between organisations is a transfer: the home HR lead proposes it, the receiving HR lead accepts or declines it.',
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
