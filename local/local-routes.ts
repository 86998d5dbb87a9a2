import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import * as z from 'zod';
import { REGIONS, ROLES } from '../shared/domain/reference';
import { NotFoundError, ValidationError } from '../shared/errors';
import { errorResponse, zodDetails } from '../shared/http/error-response';
import { readOutbox } from '../shared/notify/file-outbox';
import type { LocalRequest, LocalResponse } from './gateway/dispatch';
import { PERSONAS, type Persona } from './seed/personas';
import type { LocalClaims, TokenIssuer } from './tokens';

export interface LocalRouteOptions {
  issue: TokenIssuer;
  /**
   * The demo users. Officer personas get their `officerId` only once the seed
   * has made their officer records (`resolvePersonas()`), so `npm start` passes
   * the resolved list; without it, the static `PERSONAS` (no officer ids).
   */
  personas?: readonly Persona[];
  /** Where the notifier appends what it would send (`npm start`: `DATA_DIR/outbox`); `OUTBOX_DIR` otherwise. */
  outboxDir?: string;
}

/**
 * `{sub}` alone picks a persona; anything more is a full claim set for a user
 * the seed does not have. Strict, so a typo such as `role` is an error rather
 * than a token silently missing its roles.
 */
const tokenRequest = z
  .strictObject({
    sub: z.string().trim().min(1).max(200),
    org: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'An organisation id is a lower-case slug such as titan.').optional(),
    roles: z.array(z.enum(ROLES)).min(1).optional(),
    officerId: z.string().trim().min(1).max(200).optional(),
    regions: z.array(z.enum(REGIONS)).optional(),
    name: z.string().trim().min(1).max(120).optional(),
  })
  .superRefine((body, ctx) => {
    const fullClaimSet = body.org !== undefined || body.roles !== undefined || body.officerId !== undefined || body.regions !== undefined;
    if (!fullClaimSet) return;
    for (const field of ['org', 'roles'] as const) {
      if (body[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: `A full claim set needs ${field}; send only {sub} to sign in as a persona.` });
      }
    }
  });

const outboxQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});

/** What the service would have put on the bus and emailed, newest first. */
async function outbox(req: LocalRequest, options: LocalRouteOptions): Promise<LocalResponse> {
  const dir = options.outboxDir ?? process.env.OUTBOX_DIR;
  if (!dir) throw new NotFoundError('No outbox: events are kept in memory. npm start sets OUTBOX_DIR to DATA_DIR/outbox.');
  const parsed = outboxQuery.safeParse(Object.fromEntries(new URL(req.url, 'http://local').searchParams));
  if (!parsed.success) throw new ValidationError('The query is not valid.', zodDetails(parsed.error, 'query'));
  return json(200, await readOutbox(dir, parsed.data.limit));
}

function json(status: number, body: unknown): LocalResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function fail(err: unknown): LocalResponse {
  const res = errorResponse(err, randomUUID());
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers ?? {})) headers[k.toLowerCase()] = String(v);
  return { status: res.statusCode, headers, body: res.body ?? '' };
}

function personaSummary(p: Persona) {
  return {
    id: p.id,
    name: p.name,
    org: p.org,
    roles: p.roles,
    ...(p.officerId ? { officerId: p.officerId } : {}),
    ...(p.regions ? { regions: p.regions } : {}),
    description: p.description,
  };
}

function parseJsonBody(raw: string | undefined): unknown {
  if (raw === undefined || raw.trim() === '') {
    throw new ValidationError('Send a JSON body: {"sub":"<persona id>"} or a full claim set.');
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new ValidationError('The request body is not valid JSON.');
  }
}

async function issueFor(body: unknown, options: LocalRouteOptions): Promise<LocalResponse> {
  const parsed = tokenRequest.safeParse(body);
  if (!parsed.success) throw new ValidationError('The request body is not valid.', zodDetails(parsed.error, 'body'));
  const req = parsed.data;
  let claims: LocalClaims;
  if (req.org !== undefined && req.roles !== undefined) {
    claims = {
      sub: req.sub,
      org: req.org,
      roles: req.roles,
      ...(req.officerId ? { officerId: req.officerId } : {}),
      ...(req.regions ? { regions: req.regions } : {}),
      ...(req.name ? { name: req.name } : {}),
    };
  } else {
    const personas = options.personas ?? PERSONAS;
    const persona = personas.find((p) => p.id === req.sub);
    if (!persona) {
      throw new NotFoundError(`No persona "${req.sub}". GET /local/personas lists them, or send a full claim set.`);
    }
    claims = {
      sub: persona.id,
      org: persona.org,
      roles: [...persona.roles],
      ...(persona.officerId ? { officerId: persona.officerId } : {}),
      ...(persona.regions ? { regions: [...persona.regions] } : {}),
      name: persona.name,
    };
  }
  const token = await options.issue(claims);
  const { exp } = decodeJwt(token);
  return json(200, { token, claims, ...(exp ? { expiresAt: new Date(exp * 1000).toISOString() } : {}) });
}

/**
 * The local-only routes (API.md, "Local-only routes"): the demo personas and a
 * token for one of them, or for any claim set; and the outbox of domain events
 * and emails a local run would have sent. The deployed stack has none of them:
 * Cognito issues its tokens, and EventBridge and SES deliver.
 */
export async function handleLocalRoute(req: LocalRequest, options: LocalRouteOptions): Promise<LocalResponse> {
  const path = new URL(req.url, 'http://local').pathname.replace(/\/+$/, '');
  const method = req.method.toUpperCase();
  try {
    if (path === '/local/personas' && method === 'GET') {
      const personas = options.personas ?? PERSONAS;
      return json(200, { items: personas.map(personaSummary) });
    }
    if (path === '/local/token' && method === 'POST') {
      return await issueFor(parseJsonBody(req.body), options);
    }
    if (path === '/local/outbox' && method === 'GET') {
      return await outbox(req, options);
    }
    throw new NotFoundError(`No local route ${method} ${path}. There are GET /local/personas, POST /local/token and GET /local/outbox.`);
  } catch (err) {
    return fail(err);
  }
}
