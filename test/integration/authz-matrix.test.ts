/// <reference types="vite/client" />
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalServer } from '../../local/gateway/server';
import { createLocalTokens, LOCAL_AUDIENCE, LOCAL_ISSUER, type LocalClaims } from '../../local/tokens';
import { routeList } from '../../shared/api/routes';
import { ROLES, type Role } from '../../shared/domain/reference';
import type { RouteDef } from '../../shared/http/route';
import type { CaseBuilder, CrossOrg } from './authz/cross-org-case';
import { as, type Claims } from './support/api';
import { seedReference, setBaseline } from './support/fixtures';

/**
 * The authorisation matrix, generated from the route table: every route ×
 * every role × own organisation / another organisation, and every protected
 * route × no token / expired token / token signed by another key / alg none.
 *
 * Expectations come from beside each route: `auth` says which roles get past
 * (the others get 403, in their own organisation as in another), and
 * `authz.otherOrg` what a permitted role of another organisation gets. A
 * route that declares no `authz` fails here; a declared 403/404 must agree
 * with the request its area builds in `authz/<area>.cases.ts`.
 *
 * Role and organisation cases go through the in-process dispatch (the
 * gateway's own code) with claims as the JWT authorizer hands them over;
 * token cases go over HTTP through the local gateway, where JWTs are checked.
 */

const caseFiles = import.meta.glob<{ buildCases: CaseBuilder }>('./authz/*.cases.ts', { eager: true });
const crossOrg: Record<string, CrossOrg> = {};

const OWN = 'titan';
const OTHER = 'ersou';

/** Path parameters of the right shape that name nothing: role checks come before any read. */
function samplePath(route: RouteDef): string {
  return route.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (/orgId$/i.test(name)) return OWN;
    if (/capabilityId$/i.test(name)) return 'cyber';
    if (/officerId$/i.test(name)) return 'off_sample';
    return 'xyz_sample';
  });
}

function claimsFor(role: Role, org: string): Claims {
  return {
    sub: `matrix-${role}-${org}`,
    org,
    roles: [role],
    ...(role === 'officer' ? { officerId: `off_matrix${org}` } : {}),
    ...(role === 'rocc' ? { regions: [org === OWN ? 'north-west' : 'east-of-england'] } : {}),
  } as Claims;
}

function allows(route: RouteDef, role: Role): boolean {
  return route.auth.kind !== 'roles' || route.auth.roles.includes(role);
}

const bodyFor = (route: RouteDef) => (route.method === 'GET' ? undefined : {});

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 7, 12);
  for (const file of Object.values(caseFiles)) Object.assign(crossOrg, await file.buildCases());
}, 60_000);

describe('every route declares its authorisation expectations', () => {
  it('each route has `authz.otherOrg`', () => {
    expect(routeList.filter((r) => !r.authz).map((r) => r.id)).toEqual([]);
  });

  it('a declared 403/404 has a request that proves it; a not-scoped route says why', () => {
    const mismatched: string[] = [];
    for (const route of routeList) {
      const declared = route.authz?.otherOrg;
      const c = crossOrg[route.id];
      if (!declared || !c) continue; // the test above, or authorisation.test, names it
      if ('notScoped' in c) {
        if (declared !== 'filtered' && declared !== 'not-scoped') mismatched.push(`${route.id}: declares ${declared}, its case says not scoped`);
      } else if (c.expect !== declared) {
        mismatched.push(`${route.id}: declares ${String(declared)}, its case expects ${c.expect}`);
      }
    }
    expect(mismatched).toEqual([]);
  });
});

describe('role × organisation', () => {
  for (const route of routeList) {
    if (route.auth.kind === 'public') continue;
    it(`${route.method} ${route.path}`, async () => {
      const failures: string[] = [];
      for (const role of ROLES) {
        for (const org of [OWN, OTHER]) {
          const res = await as(claimsFor(role, org)).send(route.method, samplePath(route), bodyFor(route));
          const who = `${role}@${org}`;
          if (!allows(route, role)) {
            if (res.status !== 403 || res.json?.error?.code !== 'forbidden') failures.push(`${who}: ${res.status}, expected 403`);
            continue;
          }
          // A permitted role is never refused for its role; records it may not see are 404/403 by the declaration below.
          if (res.status === 401 || res.status >= 500) failures.push(`${who}: ${res.status}`);
          if (org === OWN && res.status === 403 && route.authz?.otherOrg !== 403) failures.push(`${who} (own organisation): 403 ${res.json?.error?.message}`);
        }
      }
      // Another organisation's permitted roles against TITAN's records: the declared outcome, never a success.
      const c = crossOrg[route.id];
      if (c && !('notScoped' in c)) {
        const req = c.request();
        const caseRoles = route.auth.kind === 'roles' ? route.auth.roles : ROLES;
        for (const role of caseRoles) {
          const claims: Claims = role === c.as.roles[0] ? c.as : { ...claimsFor(role, c.as.org), ...(c.as.officerId && role === 'officer' ? { officerId: c.as.officerId } : {}) };
          const res = await as(claims).send(req.method ?? 'GET', req.url, req.body, { raw: req.raw, contentType: req.contentType });
          const expected = role === c.as.roles[0] ? [route.authz?.otherOrg] : [403, 404];
          if (!expected.includes(res.status as 403 | 404)) failures.push(`${role}@${claims.org} → ${req.method ?? 'GET'} ${req.url}: ${res.status}, expected ${expected.join(' or ')}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

describe('tokens, through the local gateway over HTTP', () => {
  const root = mkdtempSync(join(tmpdir(), 'authz-matrix-'));
  const tokens = createLocalTokens({ keyDir: join(root, 'keys') });
  const foreign = createLocalTokens({ keyDir: join(root, 'other-keys') });
  let server: Server;
  let base: string;
  const bad: Record<string, string> = {};

  beforeAll(async () => {
    server = createLocalServer({ verify: tokens.verifyToken, issue: tokens.issueToken, quiet: true });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const admin: LocalClaims = { sub: 'matrix-admin', org: 'nca', roles: [...ROLES] };
    bad['no token'] = '';
    bad['expired token'] = await tokens.issueToken(admin, { expiresIn: -60 });
    bad['token signed by another key'] = await foreign.issueToken(admin);
    bad['alg none'] = new UnsecuredJWT({ org: 'nca', roles: [...ROLES] })
      .setSubject('intruder')
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .encode();
    bad['garbage'] = 'not.a.jwt';
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(root, { recursive: true, force: true });
  });

  async function call(route: RouteDef, token: string) {
    const res = await fetch(`${base}${samplePath(route)}`, {
      method: route.method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(route.method === 'GET' ? {} : { 'content-type': 'application/json' }) },
      ...(route.method === 'GET' ? {} : { body: '{}' }),
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as { error?: { code: string } }) : undefined };
  }

  for (const route of routeList) {
    it(`${route.method} ${route.path}`, async () => {
      const failures: string[] = [];
      for (const [name, token] of Object.entries(bad)) {
        const res = await call(route, token);
        if (route.auth.kind === 'public') {
          if (res.status === 401 || res.status >= 500) failures.push(`${name}: ${res.status} on a public route`);
        } else if (res.status !== 401 || res.json?.error?.code !== 'unauthenticated') {
          failures.push(`${name}: ${res.status}, expected 401`);
        }
      }
      const role = route.auth.kind === 'roles' ? (route.auth.roles[0] as Role) : 'officer';
      const good = await call(route, await tokens.issueToken({ ...claimsFor(role, OWN), roles: [role] }));
      if (good.status === 401 || good.status === 403 || good.status >= 500) failures.push(`valid token as ${role}: ${good.status}`);
      expect(failures).toEqual([]);
    });
  }
});
