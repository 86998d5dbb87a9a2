import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalServer, handleHttp, type LocalServerOptions } from '../../local/gateway/server';
import { PERSONAS } from '../../local/seed/personas';
import { createLocalTokens, LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../local/tokens';

const tempRoot = mkdtempSync(join(tmpdir(), 'rocu-gateway-'));
const tokens = createLocalTokens({ keyDir: join(tempRoot, 'keys') });
const logLines: string[] = [];
const options: LocalServerOptions = {
  verify: tokens.verifyToken,
  issue: tokens.issueToken,
  // No built UI in these tests unless a test says so.
  staticDir: join(tempRoot, 'no-web-dist'),
  log: (line) => logLines.push(line),
  quiet: false,
};
let server: Server;
let base: string;

beforeAll(async () => {
  server = createLocalServer(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(tempRoot, { recursive: true, force: true });
});

function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string; details: unknown[] } };
  expect(body.error).toMatchObject({ code, message: expect.any(String), details: expect.any(Array) });
  return body.error;
}

describe('local identity routes', () => {
  it('GET /local/personas lists every seeded persona with id, name, org and roles', async () => {
    const res = await fetch(`${base}/local/personas`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Array<Record<string, unknown>> };
    expect(items).toHaveLength(PERSONAS.length);
    expect(items.length).toBeGreaterThan(0);
    for (const [i, persona] of PERSONAS.entries()) {
      expect(items[i]).toMatchObject({ id: persona.id, name: persona.name, org: persona.org, roles: [...persona.roles] });
    }
  });

  it('POST /local/token for a persona gives a token the gateway accepts, with the persona’s claims', async () => {
    const persona = PERSONAS.find((p) => p.officerId) ?? PERSONAS[0]!;
    const res = await postJson('/local/token', { sub: persona.id });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; claims: Record<string, unknown>; expiresAt: string };
    expect(body.claims).toMatchObject({ sub: persona.id, org: persona.org, roles: [...persona.roles] });
    if (persona.officerId) expect(body.claims.officerId).toBe(persona.officerId);
    expect(await tokens.verifyToken(body.token)).toMatchObject({ sub: persona.id, org: persona.org });
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('an officer persona’s token carries the officer id the seed resolved for it', async () => {
    const officer = { ...PERSONAS.find((p) => p.roles.includes('officer'))!, officerId: 'off_resolved' };
    const res = await handleHttp(
      { method: 'POST', url: '/local/token', headers: {}, body: JSON.stringify({ sub: officer.id }) },
      { ...options, personas: [officer] },
    );
    expect(res.status).toBe(200);
    const { token } = JSON.parse(String(res.body)) as { token: string };
    expect(await tokens.verifyToken(token)).toMatchObject({ sub: officer.id, roles: ['officer'], officerId: 'off_resolved' });
  });

  it('POST /local/token with a full claim set signs in a user the seed does not have', async () => {
    const claims = { sub: 'rocc-north', org: 'nca', roles: ['rocc'], regions: ['north-west', 'north-east'] };
    const res = await postJson('/local/token', claims);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string };
    expect(await tokens.verifyToken(body.token)).toMatchObject(claims);
  });

  it('POST /local/token with an unknown field, a missing org or an unknown role is a 400 naming the problem', async () => {
    const unknownField = await expectError(await postJson('/local/token', { sub: 'x', role: 'admin' }), 400, 'validation_failed');
    expect(JSON.stringify(unknownField.details)).toMatch(/role/);
    const missingOrg = await expectError(await postJson('/local/token', { sub: 'x', roles: ['admin'] }), 400, 'validation_failed');
    expect(missingOrg.details).toEqual([expect.objectContaining({ path: 'body.org' })]);
    const badRole = await expectError(
      await postJson('/local/token', { sub: 'x', org: 'nca', roles: ['superuser'] }),
      400,
      'validation_failed',
    );
    expect(badRole.details).toEqual([expect.objectContaining({ path: 'body.roles.0' })]);
  });

  it('POST /local/token with no body or broken JSON is a 400, not a 500', async () => {
    await expectError(await fetch(`${base}/local/token`, { method: 'POST' }), 400, 'validation_failed');
    await expectError(await postJson('/local/token', '{"sub":'), 400, 'validation_failed');
  });

  it('POST /local/token for a persona that does not exist is a 404', async () => {
    const error = await expectError(await postJson('/local/token', { sub: 'nobody-here' }), 404, 'not_found');
    expect(error.message).toMatch(/nobody-here/);
  });

  it('an unknown /local route is a 404 with the error shape', async () => {
    await expectError(await fetch(`${base}/local/outbox`), 404, 'not_found');
  });
});

describe('the /v1 gateway', () => {
  it('a protected route without a token is a 401 with the error shape', async () => {
    await expectError(await fetch(`${base}/v1/organisations`), 401, 'unauthenticated');
  });

  it('a protected route with a token the gateway did not sign is a 401: alg none, another key, expired', async () => {
    const unsigned = new UnsecuredJWT({ org: 'nca', roles: ['admin'] })
      .setSubject('intruder')
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setExpirationTime('1h')
      .encode();
    const otherKey = await generateKeyPair('ES256');
    const foreign = await new SignJWT({ org: 'nca', roles: ['admin'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('intruder')
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setExpirationTime('1h')
      .sign(otherKey.privateKey);
    const expired = await tokens.issueToken({ sub: 'x', org: 'nca', roles: ['admin'] }, { expiresIn: -1 });
    for (const token of [unsigned, foreign, expired]) {
      const res = await fetch(`${base}/v1/organisations`, { headers: { authorization: `Bearer ${token}` } });
      await expectError(res, 401, 'unauthenticated');
    }
  });

  it('an unknown path under /v1 is a 404 with the error shape', async () => {
    await expectError(await fetch(`${base}/v1/no-such-thing`), 404, 'not_found');
  });

  it('a body over 1 MB is refused with 413 and the error shape', async () => {
    const big = JSON.stringify({ sub: 'x'.repeat(1024 * 1024 + 10) });
    await expectError(await postJson('/v1/capabilities', big), 413, 'payload_too_large');
    await expectError(await postJson('/local/token', big), 413, 'payload_too_large');
  });

  it('a streamed body (no content-length) is cut off at 1 MB with 413', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${base}/local/token`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      const chunk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 20; i++) req.write(chunk);
      req.end();
    });
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('a body over 1 MB is refused without a socket too', async () => {
    const res = await handleHttp({ method: 'POST', url: '/local/token', headers: {}, body: 'x'.repeat(1024 * 1024 + 1) }, options);
    expect(res.status).toBe(413);
  });
});

describe('browser access', () => {
  it('the web dev server on a localhost port may call the API with the headers the UI sends', async () => {
    const res = await fetch(`${base}/v1/campaigns`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization, content-type, if-match',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-methods')).toMatch(/PATCH/);
    for (const h of ['authorization', 'content-type', 'idempotency-key', 'if-match']) {
      expect(res.headers.get('access-control-allow-headers')).toContain(h);
    }
    const actual = await fetch(`${base}/local/personas`, { headers: { origin: 'http://localhost:5173' } });
    expect(actual.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('another website may not call the local API from a browser', async () => {
    const res = await fetch(`${base}/local/token`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const actual = await fetch(`${base}/local/personas`, { headers: { origin: 'https://evil.example' } });
    expect(actual.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('without a built web UI, / says so and links the API description and the personas', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toMatch(/not built/);
    expect(html).toContain('href="/v1/openapi.json"');
    expect(html).toContain('href="/local/personas"');
  });

  it('with a built web UI, files are served and app routes fall back to index.html', async () => {
    const dist = join(tempRoot, 'web-dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="app"></div>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("app")');
    const withUi = { ...options, staticDir: dist };
    const get = (url: string) => handleHttp({ method: 'GET', url, headers: {} }, withUi);

    const index = await get('/');
    expect(index.status).toBe(200);
    expect(String(index.body)).toContain('id="app"');
    const script = await get('/assets/app.js');
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(String(script.body)).toContain('console.log');
    const appRoute = await get('/campaigns/c-123?tab=impact');
    expect(appRoute.status).toBe(200);
    expect(String(appRoute.body)).toContain('id="app"');
    expect((await get('/assets/missing.js')).status).toBe(404);
    expect((await get('/..%2f..%2fetc%2fpasswd')).status).toBe(404);
    expect((await handleHttp({ method: 'POST', url: '/', headers: {} }, withUi)).status).toBe(404);
  });
});

describe('request log', () => {
  it('writes one line per request with method, path, status and duration', async () => {
    logLines.length = 0;
    await fetch(`${base}/local/personas?x=1`);
    await new Promise((r) => setTimeout(r, 20));
    expect(logLines).toHaveLength(1);
    expect(logLines[0]).toMatch(/^GET \/local\/personas 200 \d+ms$/);
  });

  it('writes nothing when quiet', async () => {
    const lines: string[] = [];
    const quiet = createLocalServer({ ...options, quiet: true, log: (l) => lines.push(l) });
    await new Promise<void>((resolve) => quiet.listen(0, '127.0.0.1', resolve));
    await fetch(`http://127.0.0.1:${(quiet.address() as AddressInfo).port}/local/personas`);
    quiet.closeAllConnections();
    await new Promise<void>((resolve) => quiet.close(() => resolve()));
    expect(lines).toEqual([]);
  });
});
