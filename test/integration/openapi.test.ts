import { describe, expect, it } from 'vitest';
import { routeList } from '../../shared/api/routes';
import { as } from './support/api';

describe('GET /v1/openapi.json', () => {
  it('describes every route in the route table, without a token', async () => {
    const res = await as().get('/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    for (const route of routeList) {
      const op = res.json.paths[route.path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      expect(op.operationId).toBe(route.id);
      expect(op.responses[String(route.status)]).toBeDefined();
    }
  });

  it('documents request bodies from the same schemas the handlers validate with, unknown fields refused', async () => {
    const res = await as().get('/v1/openapi.json');
    const body = res.json.paths['/v1/officers'].post.requestBody.content['application/json'].schema;
    expect(body.additionalProperties).toBe(false);
    expect(body.required).toEqual(expect.arrayContaining(['name', 'homeOrgId', 'vetting', 'region']));
    expect(body.properties.vetting.enum).toEqual(['nppv2', 'nppv3', 'sc', 'dv']);
    expect(res.json.components.schemas.Officer).toBeDefined();
    expect(res.json.components.schemas.Error).toBeDefined();
    expect(res.json.paths['/v1/health'].get.security).toEqual([]);
    expect(res.json.paths['/v1/officers'].post.security).toEqual([{ bearer: [] }]);
  });
});
