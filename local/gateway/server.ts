import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, NotFoundError } from '../../shared/errors';
import { errorResponse } from '../../shared/http/error-response';
import { handleLocalRoute } from '../local-routes';
import type { Persona } from '../seed/personas';
import type { TokenIssuer } from '../tokens';
import { dispatch, type LocalRequest, type TokenVerifier } from './dispatch';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_STATIC_DIR = join(REPO_ROOT, 'web', 'dist');

export interface LocalServerOptions {
  verify: TokenVerifier;
  issue: TokenIssuer;
  /** The demo users for `/local/*`, with officer ids resolved; see `LocalRouteOptions.personas`. */
  personas?: readonly Persona[];
  /**
   * `GET /local/outbox` reads this folder; see `LocalRouteOptions.outboxDir`. A gateway with an
   * outbox folder also delivers the table's outbox events there after each API request, as the
   * stream notifier does in AWS.
   */
  outboxDir?: string;
  /** The built web UI; `web/dist` of the repo unless given. Checked per request, so building the UI needs no restart. */
  staticDir?: string;
  maxBodyBytes?: number;
  /** No request log lines; defaults to `QUIET=1`. */
  quiet?: boolean;
  log?: (line: string) => void;
}

/** Like `LocalResponse`, but a static file may be binary. */
export interface GatewayResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

// shared/errors has no 413: only the gateway refuses a body for its size (API Gateway does the same in AWS).
class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly code = 'payload_too_large';
}

const CORS_ALLOWED_HEADERS = 'authorization, content-type, idempotency-key, if-match';
const CORS_EXPOSED_HEADERS = 'etag, location, retry-after';
const CORS_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
// The web dev server runs on some localhost port; nothing else may call the local API from a browser.
const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

function fromError(err: unknown): GatewayResponse {
  const res = errorResponse(err, randomUUID());
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers ?? {})) headers[k.toLowerCase()] = String(v);
  return { status: res.statusCode, headers, body: res.body ?? '' };
}

function tooLarge(limit: number): GatewayResponse {
  const size = limit >= 1024 * 1024 ? `${+(limit / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(limit / 1024)} KB`;
  return fromError(new PayloadTooLargeError(`The request body is larger than ${size}, the most the API accepts.`));
}

function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin || !LOCAL_ORIGIN.test(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': CORS_EXPOSED_HEADERS,
    vary: 'Origin',
  };
}

function isPreflight(req: LocalRequest): boolean {
  return req.method.toUpperCase() === 'OPTIONS' && header(req, 'access-control-request-method') !== undefined;
}

function header(req: LocalRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(req.headers)) if (k.toLowerCase() === wanted) return v;
  return undefined;
}

const notBuiltPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>ROCU workforce (local)</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>ROCU workforce: local API</h1>
<p>The web UI is not built yet (there is no <code>web/dist</code>). The API is running:</p>
<ul>
<li><a href="/v1/openapi.json">/v1/openapi.json</a>: the API description</li>
<li><a href="/local/personas">/local/personas</a>: demo users; <code>POST /local/token</code> with <code>{"sub":"&lt;id&gt;"}</code> gives a bearer token</li>
<li><a href="/local/outbox">/local/outbox</a>: the events and emails the service would have sent</li>
</ul>
</body>
</html>
`;

function fileIfPresent(path: string): Buffer | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path) : undefined;
  } catch {
    return undefined;
  }
}

function fileResponse(path: string, body: Buffer): GatewayResponse {
  const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  // index.html must be re-read after a rebuild; hashed assets could be cached, but a dev server need not bother.
  return { status: 200, headers: { 'content-type': type, 'cache-control': 'no-cache' }, body };
}

/** The built web UI, with the SPA fallback: a GET for a path without an extension is the app's own route. */
function serveStatic(req: LocalRequest, staticDir: string): GatewayResponse {
  const method = req.method.toUpperCase();
  const pathname = new URL(req.url, 'http://local').pathname;
  if (method !== 'GET' && method !== 'HEAD') return fromError(new NotFoundError(`No route ${method} ${pathname}.`));
  if (!existsSync(staticDir)) {
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }, body: notBuiltPage };
  }
  const root = resolve(staticDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return fromError(new NotFoundError(`No file ${pathname}.`));
  }
  const target = resolve(root, `.${decoded}`);
  // resolve() folds any `..`, so a path outside the folder can only mean a traversal attempt.
  if (target !== root && !target.startsWith(root + sep)) return fromError(new NotFoundError(`No file ${pathname}.`));
  const candidates = decoded.endsWith('/') || target === root ? [join(target, 'index.html')] : [target];
  for (const candidate of candidates) {
    const body = fileIfPresent(candidate);
    if (body) return fileResponse(candidate, body);
  }
  if (extname(decoded) === '') {
    const index = join(root, 'index.html');
    const body = fileIfPresent(index);
    if (body) return fileResponse(index, body);
  }
  return fromError(new NotFoundError(`No file ${pathname}.`));
}

/**
 * Route one request without a socket: CORS preflight, `/local/*` (identity for
 * local runs), `/v1/*` through the same route table and handlers as AWS, and
 * the web UI for everything else. Tests call this directly.
 */
export async function handleHttp(req: LocalRequest, options: LocalServerOptions): Promise<GatewayResponse> {
  const cors = corsHeaders(header(req, 'origin'));
  if (isPreflight(req)) {
    const allowed = Object.keys(cors).length > 0;
    return {
      status: 204,
      headers: allowed
        ? {
            ...cors,
            'access-control-allow-methods': CORS_METHODS,
            'access-control-allow-headers': CORS_ALLOWED_HEADERS,
            'access-control-max-age': '600',
          }
        : {},
      body: '',
    };
  }
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let res: GatewayResponse;
  if (req.body !== undefined && Buffer.byteLength(req.body) > limit) {
    res = tooLarge(limit);
  } else {
    const pathname = new URL(req.url, 'http://local').pathname;
    try {
      if (pathname === '/local' || pathname.startsWith('/local/')) {
        res = await handleLocalRoute(req, {
          issue: options.issue,
          ...(options.personas ? { personas: options.personas } : {}),
          ...(options.outboxDir ? { outboxDir: options.outboxDir } : {}),
        });
      } else if (pathname === '/v1' || pathname.startsWith('/v1/')) {
        res = await dispatch(req, options.verify);
        if (options.outboxDir) {
          // Loaded on first use: the entry points import the gateway before they set the environment the data layer reads.
          const { drainOutbox } = await import('../../shared/use-cases/deliver-outbox');
          await drainOutbox();
        }
      } else {
        res = serveStatic(req, options.staticDir ?? DEFAULT_STATIC_DIR);
      }
    } catch (err) {
      // dispatch catches handler errors itself; this is a handler module that would not load, or a bug here.
      console.error(`${req.method} ${pathname} failed:`, err);
      res = fromError(err);
    }
  }
  return { ...res, headers: { ...res.headers, ...cors } };
}

type BodyResult = { ok: true; body: string | undefined } | { ok: false };

/** Read the body up to `limit` bytes; past it, stop keeping it (Node drains the rest after the 413 goes out). */
function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        settled = true;
        req.off('data', onData);
        chunks.length = 0;
        resolvePromise({ ok: false });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      if (!settled) resolvePromise({ ok: true, body: size === 0 ? undefined : Buffer.concat(chunks).toString('utf8') });
    });
    req.once('error', (err) => {
      if (!settled) reject(err);
    });
  });
}

function headersOf(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  return headers;
}

function send(res: ServerResponse, out: GatewayResponse): void {
  const body = out.status === 204 || out.status === 304 ? undefined : out.body;
  const length = body === undefined ? undefined : Buffer.byteLength(body);
  res.writeHead(out.status, { ...out.headers, ...(length !== undefined ? { 'content-length': String(length) } : {}) });
  res.end(body);
}

/** The local HTTP server around `handleHttp`, with a body limit and one log line per request. */
export function createLocalServer(options: LocalServerOptions): Server {
  const quiet = options.quiet ?? process.env.QUIET === '1';
  const log = options.log ?? ((line: string) => console.log(line));
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return createServer((req, res) => {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? url;
    res.once('finish', () => {
      if (!quiet) log(`${method} ${path} ${res.statusCode} ${Math.round(performance.now() - started)}ms`);
    });
    void (async () => {
      const headers = headersOf(req);
      const declared = Number(req.headers['content-length']);
      const read: BodyResult = Number.isFinite(declared) && declared > limit ? { ok: false } : await readBody(req, limit);
      if (!read.ok) {
        const refused = tooLarge(limit);
        send(res, { ...refused, headers: { ...refused.headers, ...corsHeaders(headers.origin) } });
        return;
      }
      send(res, await handleHttp({ method, url, headers, ...(read.body !== undefined ? { body: read.body } : {}) }, options));
    })().catch((err: unknown) => {
      console.error(`${method} ${path} failed:`, err);
      if (!res.headersSent) send(res, fromError(err));
      else res.destroy();
    });
  });
}
