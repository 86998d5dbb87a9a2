import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { courseKeys, KEY_REGISTRY, keys, pipelineKeys, pipKeys, placementKeys, poolKeys, secondmentKeys, type KeyLayout } from '../../shared/data/keys';

const DATA_DIR = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const VALUE = /^\{[^}]+\}$/;

/** A partition pattern's parts: literals (upper case) and values (`{name}`, never holding `#`). */
const parts = (pattern: string) => pattern.split('#');

/** Whether two partition patterns can name the same partition: as many parts, and where both are literal, the same literal. */
function partitionsMeet(a: string, b: string): boolean {
  const [pa, pb] = [parts(a), parts(b)];
  if (pa.length !== pb.length) return false;
  return pa.every((x, i) => {
    const y = pb[i]!;
    const [vx, vy] = [VALUE.test(x), VALUE.test(y)];
    // A value never equals a literal: values are lower case, literals upper case (see KEY_REGISTRY).
    if (vx || vy) return vx && vy;
    return x === y;
  });
}

/** A sort key pattern's literal start, up to its first value: every key of the layout begins with it. */
const sortKeyPrefix = (pattern: string) => pattern.split('{')[0]!;
const prefixesOverlap = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/** Pairs of layouts whose keys could coincide (or that one begins_with Query would read together). */
function collisions(registry: readonly KeyLayout[]): string[] {
  const out: string[] = [];
  for (const [i, a] of registry.entries()) {
    for (const b of registry.slice(i + 1)) {
      if (a.index !== b.index || !partitionsMeet(a.pk, b.pk)) continue;
      if (prefixesOverlap(sortKeyPrefix(a.sk), sortKeyPrefix(b.sk))) out.push(`${a.index}: ${a.name} (${a.pk} / ${a.sk}) and ${b.name} (${b.pk} / ${b.sk})`);
    }
  }
  return out;
}

/** Every key builder's parameter names, so it can be called with `{name}` stand-ins. */
function parameterNames(fn: (...args: never[]) => unknown): string[] {
  const source = fn.toString();
  const list = /^\(?([^)=]*)\)?\s*=>/.exec(source)?.[1] ?? '';
  return list.split(',').map((p) => p.trim()).filter(Boolean);
}

const KEY_OBJECTS = { keys, courseKeys, placementKeys, secondmentKeys, pipKeys, pipelineKeys, poolKeys } as Record<string, Record<string, unknown>>;

describe('the key registry', () => {
  it('no two layouts can give two items the same key, in the table or any index, nor share a sort-key prefix in a partition they could share', () => {
    expect(KEY_REGISTRY.length).toBeGreaterThan(40);
    expect(collisions(KEY_REGISTRY)).toEqual([]);
  });

  it('the check finds a layout that would collide: a new sort key in a partition whose prefix another uses', () => {
    const clash = (name: string, pk: string, sk: string, index: KeyLayout['index'] = 'table'): KeyLayout => ({ name, index, pk, sk, items: [name] });
    expect(collisions([...KEY_REGISTRY, clash('probe', 'ORG#{org}', 'CAPBASE#X#{id}')])).toHaveLength(1);
    expect(collisions([...KEY_REGISTRY, clash('probe', 'OFFICER#{id}', 'OFFICER')])).toHaveLength(1);
    expect(collisions([...KEY_REGISTRY, clash('probe', 'OUTBOX', '{at}#{id}')])).toHaveLength(1);
    expect(collisions([...KEY_REGISTRY, clash('probe', 'CAMPAIGN#STATUS#{status}', '{opensOn}#{id}', 'gsi1')])).toHaveLength(1);
    // Another index, or a partition of its own, does not collide.
    expect(collisions([...KEY_REGISTRY, clash('probe', 'OUTBOX', '{at}#{id}', 'gsi1')])).toEqual([]);
    expect(collisions([...KEY_REGISTRY, clash('probe', 'ORG#{org}#PROBE', '{id}')])).toEqual([]);
  });

  it('lists every layout the key builders make: each builder’s key is a registered layout, each partition or prefix one a layout uses', () => {
    const registered = new Set(KEY_REGISTRY.map((l) => `${l.index} ${l.pk} ${l.sk}`));
    const partitions = new Set(KEY_REGISTRY.map((l) => l.pk));
    const missing: string[] = [];
    for (const [objectName, object] of Object.entries(KEY_OBJECTS)) {
      for (const [name, member] of Object.entries(object)) {
        const made = typeof member === 'function' ? (member as (...a: string[]) => unknown)(...parameterNames(member as never).map((p) => `{${p}}`)) : member;
        if (typeof made === 'string') {
          // A partition to Query, a sort-key prefix, or a bound: it must belong to some layout.
          const known = partitions.has(made) || KEY_REGISTRY.some((l) => l.sk.startsWith(made)) || name === 'sortKeyThrough';
          if (!known) missing.push(`${objectName}.${name} → ${made}`);
          continue;
        }
        const key = made as Record<string, string>;
        const index = 'pk' in key ? 'table' : (['gsi1', 'gsi2', 'gsi3'].find((g) => `${g}pk` in key) as string);
        const [pk, sk] = index === 'table' ? [key.pk, key.sk] : [key[`${index}pk`], key[`${index}sk`]];
        if (!registered.has(`${index} ${pk} ${sk}`)) missing.push(`${objectName}.${name} → ${index} ${pk} / ${sk}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('no repository outside keys.ts spells a key: partitions and sort keys come from the builders', () => {
    const spelt: string[] = [];
    for (const file of readdirSync(DATA_DIR).filter((f) => f.endsWith('.ts') && f !== 'keys.ts')) {
      // The code, not its comments (which may well name a layout).
      const source = readFileSync(join(DATA_DIR, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      // A key literal: an upper-case part followed by `#` (`ORG#…`, `'DUE#MOVE'`) inside a string or template.
      for (const match of source.matchAll(/['`]([A-Z][A-Z-]+#[^'`]*)['`]/g)) spelt.push(`${file}: ${match[1]}`);
      for (const match of source.matchAll(/\b(pk|sk|gsi[123](pk|sk)):\s*['`]/g)) spelt.push(`${file}: ${match[0]}`);
    }
    expect(spelt).toEqual([]);
  });
});
