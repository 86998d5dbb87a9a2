import { beforeAll, describe, expect, it } from 'vitest';
import { routeList, type RouteId } from '../../shared/api/routes';
import { ROLES } from '../../shared/domain/reference';
import type { Officer } from '../../shared/schemas/officer.schema';
import { as, users, type Claims } from './support/api';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';

/**
 * Authorisation, driven by the route table: every protected route refuses a
 * missing token, every role-restricted route refuses the roles it does not
 * name, and every route that touches one organisation's records declares how
 * a user of another organisation is kept out — the test fails when a new
 * route declares nothing.
 */

let titanOfficer: Officer;
const samples: Record<string, () => string> = {
  orgId: () => 'titan',
  capabilityId: () => 'cyber',
  officerId: () => titanOfficer.id,
};

function samplePath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const sample = samples[name];
    if (!sample) throw new Error(`no sample value for path parameter {${name}}: add one to this test`);
    return sample();
  });
}

interface CrossOrgCase {
  /** A user of another organisation, with the role the route wants. */
  as: Claims;
  request: () => { method?: string; url: string; body?: unknown; raw?: string; contentType?: string };
  expect: 403 | 404;
}

type CrossOrg = CrossOrgCase | { notScoped: string };

const crossOrg: Record<RouteId, CrossOrg> = {
  getHealth: { notScoped: 'public health check' },
  getOpenApi: { notScoped: 'public API description' },
  getMe: { notScoped: 'returns only the caller’s own claims and record' },
  listOrganisations: { notScoped: 'reference data every signed-in user reads' },
  listCapabilities: { notScoped: 'reference data every signed-in user reads' },
  createCapability: { notScoped: 'catalogue is global; admin only' },
  listOrgCapabilities: { notScoped: 'baselines are visible to every partner (campaign planning needs them)' },
  putOrgCapability: {
    as: users.ersouHead,
    request: () => ({ method: 'PUT', url: '/v1/organisations/titan/capabilities/cyber', body: { minimum: 0, version: 1 } }),
    expect: 403,
  },
  createOfficer: {
    as: users.ersouHr,
    request: () => ({
      method: 'POST',
      url: '/v1/officers',
      body: { name: 'X', homeOrgId: 'titan', capabilities: [], vetting: 'sc', pipLevel: 1, region: 'north-west' },
    }),
    expect: 403,
  },
  listOfficers: { as: users.ersouHr, request: () => ({ url: '/v1/officers?orgId=titan' }), expect: 403 },
  importOfficers: { notScoped: 'always imports into the caller’s own organisation (from the token)' },
  getOfficer: { as: users.ersouHead, request: () => ({ url: `/v1/officers/${titanOfficer.id}` }), expect: 404 },
  patchOfficer: {
    as: users.ersouHr,
    request: () => ({ method: 'PATCH', url: `/v1/officers/${titanOfficer.id}`, body: { status: 'left', version: 1 } }),
    expect: 404,
  },
};

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 7, 12);
  titanOfficer = await makeOfficer({ homeOrgId: 'titan' });
});

describe('every protected route refuses a request without a valid token', () => {
  for (const route of routeList.filter((r) => r.auth.kind !== 'public')) {
    it(`${route.method} ${route.path} → 401`, async () => {
      const res = await as().send(route.method, samplePath(route.path), route.method === 'GET' ? undefined : {});
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('unauthenticated');
    });
  }
});

describe('every role-restricted route refuses the roles it does not name', () => {
  for (const route of routeList) {
    if (route.auth.kind !== 'roles') continue;
    const allowed = route.auth.roles;
    for (const role of ROLES.filter((r) => !allowed.includes(r))) {
      it(`${route.method} ${route.path} as ${role} → 403`, async () => {
        const res = await as({ sub: `u-${role}`, org: 'titan', roles: [role] }).send(
          route.method,
          samplePath(route.path),
          route.method === 'GET' ? undefined : {},
        );
        expect(res.status).toBe(403);
        expect(res.json.error.code).toBe('forbidden');
      });
    }
  }
});

describe('a user of another organisation cannot read or change TITAN’s records', () => {
  it('every route declares its cross-organisation case', () => {
    const undeclared = routeList.filter((r) => !(r.id in crossOrg)).map((r) => r.id);
    expect(undeclared).toEqual([]);
  });

  for (const route of routeList) {
    const declared = crossOrg[route.id as RouteId];
    if (!declared || 'notScoped' in declared) continue;
    it(`${route.method} ${route.path} by ${declared.as.sub} → ${declared.expect}`, async () => {
      const req = declared.request();
      const res = await as(declared.as).send(req.method ?? 'GET', req.url, req.body, { raw: req.raw, contentType: req.contentType });
      expect(res.status).toBe(declared.expect);
      expect(res.json.error.code).toBe(declared.expect === 403 ? 'forbidden' : 'not_found');
    });
  }

  it('and nothing about the TITAN officer changed', async () => {
    const res = await as(users.titanHr).get(`/v1/officers/${titanOfficer.id}`);
    expect(res.json).toMatchObject({ status: 'active', version: 1 });
  });
});
