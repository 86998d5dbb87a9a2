import fc from 'fast-check';
import type { z } from 'zod';
import { cursor as cursorSchema } from '../../../shared/schemas/common.schema';

/**
 * fast-check arbitraries from zod 4 schemas: values shaped like what a route
 * accepts (most of them valid, refinements aside), so fuzzed requests get past
 * validation and exercise the use cases, plus mutations and garbage.
 *
 * `known` holds real values of the running table (organisation, capability
 * and entity ids, regions): a string field with a pattern takes one of the
 * known values that satisfy it half the time, so references resolve.
 */

interface Def {
  type: string;
  [key: string]: unknown;
}
interface Check {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (s: z.ZodType): Check[] =>
  ((defOf(s).checks as Array<{ _zod: { def: Check } }> | undefined) ?? []).map((c) => c._zod.def);

export interface ArbitraryOptions {
  known: readonly string[];
  /** Cursors real lists issued: a cursor field takes them as they are, or with an attribute dropped, added or of the wrong type. */
  cursors?: readonly string[];
  /** Draw edge values now and then (dates at the calendar's ends, huge numbers, control characters, overlong text). */
  edges?: boolean;
  /** Depth guard for recursive schemas. */
  depth?: number;
}

/**
 * Dates at and past the edges of the service's calendar (1900-01-01 to
 * 2100-12-31), and valid ones so close to an edge that a date computed from
 * them (an end date months later, a release date 90 days later, a booking
 * deadline the day before) falls outside it.
 */
export const EDGE_DATES = [
  '1900-01-01', '1900-01-02', '1899-12-31', '0000-01-01', '0001-01-01',
  '2100-12-31', '2100-12-30', '2100-12-01', '2100-11-30', '2100-10-15', '2100-06-30', '2101-01-01',
  '9999-12-31', '2100-02-29', '2096-02-29', '2027-02-29',
] as const;

const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2032-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const edgeDate = fc.oneof({ weight: 2, arbitrary: isoDate }, { weight: 1, arbitrary: fc.constantFrom(...EDGE_DATES) });

/** Numbers a careless or hostile client sends where a count or a version belongs. */
export const EDGE_NUMBERS = [0, -1, 1.5, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e200, -1e200, 1e-7, -0] as const;

/**
 * Text at the edges: NUL and other control characters, lone surrogates
 * (either half, at the end), noncharacters, the separators keys are built
 * with ('#', ':'), a whole emoji, and very long strings.
 */
const EDGE_FRAGMENTS = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\ud800', '\udfff', '\ud83d', '\uffff', '\ufffe', '#', '##', ':', 'a#b:c', '😀', '\u202e', '\t', '\n', '\r\n'];
function edgeText(max: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...EDGE_FRAGMENTS), fc.string({ maxLength: 8 })).map(([a, b, c]) => `${a}${b}${c}`),
    fc.constantFrom('x'.repeat(Math.min(max, 20_000)), 'x'.repeat(Math.min(max + 1, 20_001)), '😀'.repeat(Math.min(Math.ceil(max / 2) + 1, 10_001)), 'x'.repeat(100_001)),
  );
}

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'] as const;
const KEY_VALUES = ['ORG#titan#OFFICER', 'ORG#ersou#OFFICER', 'ORG#titan', 'ORG#titan#TRANSFER-IN', 'REF#ORG', 'CAMPAIGN#STATUS#open', 'PLACEMENT#STATUS#open', 'AUDIT#campaign#cmp_x', 'INBOX#rocu-head:titan', 'OFFICER#off_x', 'x', ''];
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');

/** A real cursor with one attribute dropped, added, or of the wrong type; or its inbox positions mangled. */
function mutatedCursor(real: string): fc.Arbitrary<string> {
  let key: Record<string, unknown>;
  try {
    key = JSON.parse(Buffer.from(real, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return fc.constant(real);
  }
  const names = Object.keys(key);
  if (names.length === 0) return fc.constant(real);
  return fc
    .tuple(fc.nat({ max: names.length - 1 }), fc.constantFrom('drop', 'add', 'number', 'object', 'empty', 'null', 'keep'), fc.constantFrom(...KEY_ATTRIBUTES, 'status', 'extra'))
    .map(([i, how, extra]) => {
      const name = names[i]!;
      const out: Record<string, unknown> = { ...key };
      if (how === 'drop') delete out[name];
      else if (how === 'add') out[extra in out ? `${extra}2` : extra] = 'x';
      else if (how === 'number') out[name] = 5;
      else if (how === 'object') out[name] = typeof out[name] === 'object' && out[name] !== null ? { pk: 1 } : { S: out[name] };
      else if (how === 'empty') out[name] = '';
      else if (how === 'null') out[name] = null;
      return b64(out);
    });
}

/** Hand-made cursors: keys with some key attributes (or none, or extra ones), values of any type. */
const forgedCursor: fc.Arbitrary<string> = fc.oneof(
  fc
    .dictionary(fc.constantFrom(...KEY_ATTRIBUTES, 'status', 'id'), fc.oneof(fc.constantFrom(...KEY_VALUES), fc.integer(), fc.constant(null), fc.constant({ S: 'x' })), { maxKeys: 5 })
    .map(b64),
  fc.dictionary(fc.constantFrom('rocu-head:titan', 'hr-lead:nca', 'rocc:north-west', 'x'), fc.oneof(fc.constant(null), fc.constant({ pk: 'INBOX#rocu-head:titan' }), fc.constant({ pk: 'INBOX#rocu-head:titan', sk: 'x', extra: 1 })), { maxKeys: 3 }).map(b64),
  fc.constantFrom(b64([]), b64('x'), b64(null), b64(1), '!!', '=', 'a'.repeat(5000)),
);

function cursorArb(opts: ArbitraryOptions): fc.Arbitrary<string> {
  const real = (opts.cursors ?? []).slice(-50);
  return real.length
    ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...real) }, { weight: 3, arbitrary: fc.constantFrom(...real).chain(mutatedCursor) }, { weight: 2, arbitrary: forgedCursor })
    : forgedCursor;
}
const isoDateTime = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2032-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

function stringArb(schema: z.ZodType, opts: ArbitraryOptions): fc.Arbitrary<string> {
  const def = defOf(schema);
  const checks = checksOf(schema);
  let min = 0;
  let max = 40;
  let pattern: RegExp | undefined;
  let format = typeof def.format === 'string' ? def.format : undefined;
  if (def.pattern instanceof RegExp && format && format !== 'regex') pattern = undefined;
  for (const c of checks) {
    if (c.check === 'min_length' && c.minimum !== undefined) min = c.minimum;
    if (c.check === 'max_length' && c.maximum !== undefined) max = Math.min(c.maximum, 200);
    if (c.check === 'length_equals' && c.value !== undefined) min = max = c.value;
    if (c.check === 'string_format') {
      if (c.format === 'regex' && c.pattern) pattern = c.pattern;
      else if (c.format) format = c.format;
    }
  }
  if (schema === cursorSchema) return cursorArb(opts);
  let base: fc.Arbitrary<string>;
  if (format === 'date') return opts.edges ? edgeDate : isoDate;
  else if (format === 'datetime') base = isoDateTime;
  // Mostly plain addresses (zod's email check is stricter than RFC 5322, which fc.emailAddress follows), now and then an odd one.
  else if (format === 'email')
    base = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/), fc.constantFrom('police.uk', 'nca.gov.uk', 'example.org')).map(([l, d]) => `${l.replace(/\.\.+/g, '.')}@${d}`) },
      { weight: 1, arbitrary: fc.emailAddress() },
    );
  else if (format === 'uuid' || format === 'guid') base = fc.uuid();
  else if (format === 'url') base = fc.webUrl();
  else if (pattern) base = fc.stringMatching(pattern).filter((s) => s.length >= min && s.length <= Math.max(max, min));
  else base = fc.string({ minLength: min, maxLength: Math.max(min, max) });
  const fits = opts.known.filter((v) => schema.safeParse(v).success);
  const shaped = fits.length ? fc.oneof(fc.constantFrom(...fits), base) : base;
  if (!opts.edges) return shaped;
  // Now and then the edges: control characters, lone surrogates, separators, past the maximum length.
  const edges = fits.length
    ? fc.oneof(edgeText(max), fc.tuple(fc.constantFrom(...fits), fc.constantFrom('#', ':', '#x', ':x', '\u0000', '\ud800')).map(([v, sep]) => `${v}${sep}`))
    : edgeText(max);
  return fc.oneof({ weight: 9, arbitrary: shaped }, { weight: 1, arbitrary: edges });
}

function numberArb(schema: z.ZodType, edges = false): fc.Arbitrary<number> {
  let min = -1000;
  let max = 1000;
  let int = false;
  let bounded = false;
  for (const c of checksOf(schema)) {
    if (c.check === 'number_format' && c.format && /int/.test(c.format)) int = true;
    if (c.check === 'greater_than' && c.value !== undefined) min = c.inclusive ? c.value : c.value + (int ? 1 : 1e-6);
    if (c.check === 'less_than' && c.value !== undefined) max = c.inclusive ? c.value : c.value - (int ? 1 : 1e-6);
    if (c.check === 'greater_than' || c.check === 'less_than') bounded = true;
  }
  if (max < min) max = min;
  // A number the schema leaves unbounded is usually small in this domain (a PIP level, a count): mostly small ones, so refinements pass.
  const shaped =
    !bounded && int
      ? fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 5 }) }, { weight: 1, arbitrary: fc.integer({ min, max }) })
      : int || (Number.isInteger(min) && Number.isInteger(max) && max - min < 200)
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  if (!edges) return shaped;
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: fc.constantFrom(...EDGE_NUMBERS, Math.floor(max) + 1, Math.ceil(min) - 1) });
}

/** An arbitrary of values shaped by `schema`. */
export function arbitraryOf(schema: z.ZodType, opts: ArbitraryOptions): fc.Arbitrary<unknown> {
  const depth = opts.depth ?? 0;
  if (depth > 6) return fc.constant(undefined);
  const next = { ...opts, depth: depth + 1 };
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArb(schema, opts);
    case 'number':
    case 'int':
      return numberArb(schema, opts.edges);
    case 'bigint':
      return fc.bigInt({ min: -1000n, max: 1000n });
    case 'boolean':
      return fc.boolean();
    case 'date':
      return fc.date({ noInvalidDate: true });
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'optional':
      return fc.option(arbitraryOf(def.innerType as z.ZodType, next), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(arbitraryOf(def.innerType as z.ZodType, next), { nil: null, freq: 3 });
    case 'default':
    case 'prefault':
      return fc.option(arbitraryOf(def.innerType as z.ZodType, next), { nil: undefined, freq: 2 });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
    case 'success':
      return arbitraryOf(def.innerType as z.ZodType, next);
    case 'pipe':
      return arbitraryOf(def.in as z.ZodType, next);
    case 'lazy':
      return arbitraryOf((def.getter as () => z.ZodType)(), next);
    case 'array': {
      const checks = checksOf(schema);
      const minLength = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const maxLength = Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? 5, minLength + 5);
      return fc.array(arbitraryOf(def.element as z.ZodType, next), { minLength, maxLength });
    }
    case 'tuple':
      return fc.tuple(...(def.items as z.ZodType[]).map((i) => arbitraryOf(i, next)));
    case 'set':
      return fc.array(arbitraryOf(def.valueType as z.ZodType, next), { maxLength: 4 }).map((a) => new Set(a));
    case 'record':
      return fc.dictionary(
        arbitraryOf(def.keyType as z.ZodType, next).map(String),
        arbitraryOf(def.valueType as z.ZodType, next),
        { maxKeys: 4 },
      );
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const parts: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(shape)) parts[k] = arbitraryOf(v, next);
      return fc.record(parts).map((o) => {
        // Optional fields drawn as undefined are left out, as a client would.
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
        return out;
      });
    }
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((o) => arbitraryOf(o, next)));
    case 'intersection':
      return fc
        .tuple(arbitraryOf(def.left as z.ZodType, next), arbitraryOf(def.right as z.ZodType, next))
        .map(([a, b]) => (isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : a));
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Anything a careless or hostile client might put in a JSON field. */
export const garbageValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 300 }),
  fc.constantFrom(null, '', ' ', -1, 0, 1e308, -0, '__proto__', 'constructor', '../../etc/passwd', '<script>', "' OR 1=1 --", '\u0000', '😀'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.string({ minLength: 3000, maxLength: 5000 }),
);

type Mutation =
  | { kind: 'drop'; pick: number }
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'add'; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: garbageValue }),
  fc.record({ kind: fc.constant('add' as const), key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'version', 'id', 'orgId', 'status')), value: garbageValue }),
);

function mutate(value: unknown, mutations: Mutation[]): unknown {
  if (!isPlainObject(value)) return mutations.length ? (mutations[0] as { value?: unknown }).value ?? value : value;
  const out: Record<string, unknown> = { ...value };
  for (const m of mutations) {
    const keys = Object.keys(out);
    if (m.kind === 'add') {
      Object.defineProperty(out, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
      continue;
    }
    if (!keys.length) continue;
    const key = keys[m.pick % keys.length] as string;
    if (m.kind === 'drop') delete out[key];
    else out[key] = m.value;
  }
  return out;
}

/**
 * Valid-shaped values (most draws), the same drawing edge values now and then
 * (see `edges`), the same with one or two mutations, or garbage.
 */
export function fuzzedValueOf(schema: z.ZodType | undefined, opts: ArbitraryOptions): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: garbageValue });
  const shaped = arbitraryOf(schema, { ...opts, edges: false });
  return fc.oneof(
    { weight: 4, arbitrary: shaped },
    { weight: 2, arbitrary: arbitraryOf(schema, { ...opts, edges: true }) },
    { weight: 4, arbitrary: fc.tuple(shaped, fc.array(mutation, { minLength: 1, maxLength: 2 })).map(([v, ms]) => mutate(v, ms)) },
    { weight: 1, arbitrary: garbageValue },
  );
}
