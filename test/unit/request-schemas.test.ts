import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { routeList } from '../../shared/api/routes';

/**
 * Every string a client sends, in a body, a query string or a path, is
 * bounded and clean: each string in every request schema of the route table
 * has a maximum length (or a fixed format), and refuses NUL and other
 * control characters and lone surrogates. Found by walking the schemas, so a
 * new route or field is covered without being named.
 */

interface Def {
  type: string;
  [key: string]: unknown;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (s: z.ZodType) =>
  ((defOf(s).checks as Array<{ _zod: { def: { check: string; format?: string } } }> | undefined) ?? []).map((c) => c._zod.def);

/** Each string leaf of a schema, with its path. */
function stringLeaves(schema: z.ZodType, path: string, out: { path: string; schema: z.ZodType }[], depth = 0): void {
  if (depth > 12) return;
  const def = defOf(schema);
  const next = (s: unknown, p: string) => stringLeaves(s as z.ZodType, p, out, depth + 1);
  switch (def.type) {
    case 'string':
      out.push({ path, schema });
      return;
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) next(v, path ? `${path}.${k}` : k);
      return;
    case 'array':
      return next(def.element, `${path}[]`);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return next(def.innerType, path);
    case 'pipe':
      return next(def.in, path);
    case 'union':
      for (const o of def.options as z.ZodType[]) next(o, path);
      return;
    case 'record':
      next(def.keyType, `${path}{key}`);
      return next(def.valueType, `${path}{}`);
    case 'intersection':
      next(def.left, path);
      return next(def.right, path);
    case 'lazy':
      return next((def.getter as () => z.ZodType)(), path);
    default:
      return;
  }
}

const leaves: { route: string; where: string; path: string; schema: z.ZodType }[] = [];
for (const route of routeList) {
  for (const where of ['params', 'query', 'body'] as const) {
    const schema = route[where];
    // A CSV upload is a file: its cells are checked row by row (officer-csv), each naming its row and column.
    if (!schema || (where === 'body' && route.bodyType === 'csv')) continue;
    const found: { path: string; schema: z.ZodType }[] = [];
    stringLeaves(schema, '', found);
    for (const f of found) leaves.push({ route: `${route.method} ${route.path}`, where, ...f });
  }
}

const FIXED_FORMATS = new Set(['date', 'datetime']);
const HOSTILE = ['ab\u0000cd', 'ab\u0007cd', 'ab\u001bcd', 'ab\u007fcd', 'ab\u0085cd', 'ab\ud800cd', 'ab\udc00cd', 'ab\ud83d', 'ab\uffffcd'];

describe('every string a request carries is bounded and refuses control characters and lone surrogates', () => {
  it('finds the strings of every route', () => {
    expect(leaves.length).toBeGreaterThan(50);
  });

  it('each has a maximum length or a fixed format', () => {
    const unbounded = leaves
      .filter(({ schema }) => !FIXED_FORMATS.has(String(defOf(schema).format)) && !checksOf(schema).some((c) => c.check === 'max_length' || c.check === 'length_equals'))
      .map((l) => `${l.route} ${l.where} ${l.path}`);
    expect(unbounded).toEqual([]);
  });

  it('each refuses NUL, other control characters and lone surrogates', () => {
    const accepting = leaves.flatMap((l) =>
      HOSTILE.filter((v) => l.schema.safeParse(v).success).map((v) => `${l.route} ${l.where} ${l.path} accepts ${JSON.stringify(v)}`),
    );
    expect(accepting).toEqual([]);
  });
});
