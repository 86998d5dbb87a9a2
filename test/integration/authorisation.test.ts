/// <reference types="vite/client" />
import { beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '../../shared/api/routes';
import { ROLES } from '../../shared/domain/reference';
import type { CaseBuilder, CrossOrg } from './authz/cross-org-case';
import { as } from './support/api';
import { seedReference, setBaseline } from './support/fixtures';

/**
 * Authorisation, driven by the route table: every protected route refuses a
 * missing token, every role-restricted route refuses the roles it does not
 * name, and every route declares (in `authz/<area>.cases.ts`) how a user of
 * another organisation is kept out of TITAN's records — the test fails when a
 * new route declares nothing.
 */

const caseFiles = import.meta.glob<{ buildCases: CaseBuilder }>('./authz/*.cases.ts', { eager: true });
const crossOrg: Record<string, CrossOrg> = {};

// Path parameters for the generic 401/403 checks: these are refused before any record is read.
const samples: Record<string, string> = { orgId: 'titan', capabilityId: 'cyber', officerId: 'off_sample', id: 'cmp_sample', audience: 'hr-lead:titan' };
// (ids of the right shape that name nothing: these checks never get as far as a read)

function samplePath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const sample = samples[name];
    if (!sample) throw new Error(`no sample value for path parameter {${name}}: add one to this test`);
    return sample;
  });
}

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 7, 12);
  for (const file of Object.values(caseFiles)) Object.assign(crossOrg, await file.buildCases());
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
    it(`${route.method} ${route.path}`, async () => {
      const declared = crossOrg[route.id];
      if (!declared || 'notScoped' in declared) return; // declared not scoped, with its reason; the test above fails an undeclared route
      const req = declared.request();
      const res = await as(declared.as).send(req.method ?? 'GET', req.url, req.body, { raw: req.raw, contentType: req.contentType });
      expect(res.status, `${declared.as.sub} → ${req.method ?? 'GET'} ${req.url}`).toBe(declared.expect);
      expect(res.json.error.code).toBe(declared.expect === 403 ? 'forbidden' : 'not_found');
    });
  }
});
