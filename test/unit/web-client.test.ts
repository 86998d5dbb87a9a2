import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeList } from '../../shared/api/routes';
import { routeRequest } from '../../web/src/routes';

const webSrc = join(import.meta.dirname, '..', '..', 'web', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the typed web client', () => {
  it('names every route by a key of its own, so a page calling "GET /v1/campaigns/{id}" reaches exactly one route', () => {
    const keys = routeList.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('takes only types from the server: no web module imports a value from shared/ (the bundle carries no schemas or data layer)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(webSrc)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)) {
        if (m[2]!.includes('/shared/') && !m[1]) offenders.push(`${file.slice(webSrc.length + 1)}: ${m[0]}`);
      }
      for (const m of text.matchAll(/import\(\s*'([^']*\/shared\/[^']*)'\s*\)/g)) offenders.push(`${file.slice(webSrc.length + 1)}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });

  it('fills the path parameters (encoded) and leaves empty query values out', () => {
    expect(routeRequest('GET /v1/officers/{officerId}/pip', { params: { officerId: 'off_1/2' } })).toEqual({
      method: 'GET',
      path: '/v1/officers/off_1%2F2/pip',
    });
    expect(routeRequest('GET /v1/campaigns', { query: { status: '', limit: 100, cursor: undefined } })).toEqual({
      method: 'GET',
      path: '/v1/campaigns?limit=100',
    });
  });

  it('refuses to send a request with a path parameter missing rather than call a wrong path', () => {
    expect(() => routeRequest('GET /v1/campaigns/{id}', { params: {} })).toThrow(/\{id\}/);
  });
});
