/**
 * fast-check arbitraries from the JSON Schemas the API publishes (the OpenAPI document generated from
 * each route's zod schema): values of the right shape, boundary values, and hostile ones — wrong types,
 * control characters, huge numbers, far dates, long strings — mixed in at any depth.
 */
import fc from 'fast-check';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  default?: unknown;
}

export interface ArbitraryContext {
  /** Resolves `#/components/schemas/…` references. */
  components: Record<string, JsonSchema>;
  /**
   * Ids of things that exist, so that generated requests reach past "not found"; `kind` is what the
   * field or parameter names (`section` for `sectionId`, `tenderdocument` for `/tender-documents/:id`).
   */
  ids: (kind: string | undefined) => readonly string[];
}

/** Strings that have broken servers: controls, lone surrogates, markup, SQL, paths, far dates, sizes. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%00',
  '\u001b[31m',
  '\u0085',
  '\ud800',
  'x\udfffy',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '😀'.repeat(40),
  '<script>alert(1)</script>',
  '<b onmouseover=alert(1)>x</b>',
  '<![CDATA[x]]>&amp;&#0;',
  "' OR 1=1 --",
  '"; DROP TABLE x; --',
  '\\',
  '%',
  '%E0%A4%A',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '1e308',
  '99999999999999999999999',
  '9999-12-31',
  '0000-01-01',
  '2026-02-30',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00.000Z',
  '0001-01-01T00:00:00+14:00',
  'a'.repeat(300),
  'x'.repeat(20_000),
];

export const HOSTILE_NUMBERS: readonly number[] = [
  -1,
  0,
  0.5,
  -0.000001,
  2 ** 31,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  1e21,
  1e308,
  -1e308,
];

const hostileScalar = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [[[[[]]]]], { __proto__: { admin: true } }) },
);

/** A hostile value: anything but what the schema asks for (and sometimes exactly its edge). */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 50)), hostileScalar, { maxKeys: 2 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

const FAR_DATES = ['1900-01-01', '2199-12-31', '1899-12-31', '2200-01-01', '9999-12-31', '0001-01-01', '2026-02-29', '2028-02-29'];
const FAR_INSTANTS = [
  '1900-01-01T00:00:00Z',
  '2199-12-31T23:59:59+08:00',
  '1899-12-31T23:59:59Z',
  '2200-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '0000-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
];

function resolve(schema: JsonSchema, ctx: ArbitraryContext): JsonSchema {
  let s = schema;
  for (let i = 0; s.$ref && i < 10; i++) {
    const name = s.$ref.split('/').pop()!;
    s = ctx.components[name] ?? {};
  }
  return s;
}

/** `sectionIds` → `section`, `tender-documents` → `tenderdocument`. */
export function kindOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, '').replace(/ids?$/, '').replace(/s$/, '');
}

function stringArbitrary(s: JsonSchema, ctx: ArbitraryContext, name: string | undefined): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, 200);
  switch (s.format ?? '') {
    case 'uuid':
      return fc.oneof(
        {
          weight: 4,
          arbitrary: fc.constant(null).chain(() => {
            const pool = ctx.ids(name === undefined ? undefined : kindOf(name));
            return pool.length ? fc.constantFrom(...pool) : fc.uuid();
          }),
        },
        { weight: 1, arbitrary: fc.uuid() },
      );
    case 'date':
      return fc.oneof(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2060-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        fc.constantFrom(...FAR_DATES),
      );
    case 'date-time':
      return fc.oneof(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2060-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constantFrom(...FAR_INSTANTS),
      );
    case 'email':
      return fc.emailAddress();
    default:
      break;
  }
  const edges = fc.constantFrom('x'.repeat(Math.max(min, 1)), 'x'.repeat(Math.max(s.maxLength ?? 1, 1)), 'x'.repeat((s.maxLength ?? 0) + 1));
  if (s.pattern) {
    let matching: fc.Arbitrary<string> | null;
    try {
      matching = fc.stringMatching(new RegExp(s.pattern));
    } catch {
      matching = null;
    }
    if (matching) return fc.oneof({ weight: 5, arbitrary: matching }, { weight: 1, arbitrary: edges });
  }
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: Math.max(min, max), unit: 'grapheme' }) },
    { weight: 2, arbitrary: fc.string({ minLength: min, maxLength: Math.max(min, max) }) },
    { weight: 1, arbitrary: edges },
  );
}

function numberArbitrary(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const exMin = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : undefined;
  const exMax = typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : undefined;
  const min = s.minimum ?? (exMin !== undefined ? exMin + (integer ? 1 : Number.EPSILON) : undefined);
  const max = s.maximum ?? (exMax !== undefined ? exMax - (integer ? 1 : Number.EPSILON) : undefined);
  const lo = min ?? -1_000_000;
  const hi = max ?? 1_000_000;
  const edges = [lo, hi, lo - 1, hi + 1, 0].filter((n) => Number.isFinite(n));
  const inRange = integer
    ? fc.integer({ min: Math.max(Math.ceil(lo), Number.MIN_SAFE_INTEGER), max: Math.min(Math.floor(hi), Number.MAX_SAFE_INTEGER) })
    : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
  return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(...edges) });
}

/** Values of the schema's shape. `mix` is the weight of a hostile value at each node (0 for none). */
export function arbitraryFor(schema: JsonSchema | undefined, ctx: ArbitraryContext, mix = 0, depth = 0, name?: string): fc.Arbitrary<unknown> {
  const shaped = shapedFor(schema, ctx, mix, depth, name);
  return mix > 0 ? fc.oneof({ weight: 10, arbitrary: shaped }, { weight: mix, arbitrary: hostile }) : shaped;
}

function shapedFor(schema: JsonSchema | undefined, ctx: ArbitraryContext, mix: number, depth: number, name?: string): fc.Arbitrary<unknown> {
  if (!schema || depth > 8) return fc.jsonValue({ maxDepth: 1 });
  const s = resolve(schema, ctx);
  const next = (child: JsonSchema | undefined, childName = name) => arbitraryFor(child, ctx, mix, depth + 1, childName);
  const nullable = s.nullable === true || (Array.isArray(s.type) && s.type.includes('null'));
  const withNull = (a: fc.Arbitrary<unknown>) => (nullable ? fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) }) : a);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return withNull(fc.constantFrom(...s.enum));
  const union = s.anyOf ?? s.oneOf;
  if (union?.length) return withNull(fc.oneof(...union.map((u) => shapedFor(u, ctx, mix, depth + 1, name))));
  if (s.allOf?.length) {
    const merged: JsonSchema = { type: 'object', properties: {}, required: [] };
    for (const part of s.allOf.map((p) => resolve(p, ctx))) {
      Object.assign(merged.properties!, part.properties);
      merged.required!.push(...(part.required ?? []));
    }
    return withNull(shapedFor(merged, ctx, mix, depth, name));
  }
  const type = (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type) ?? 'any';
  switch (type) {
    case 'string':
      return withNull(stringArbitrary(s, ctx, name));
    case 'integer':
      return withNull(numberArbitrary(s, true));
    case 'number':
      return withNull(numberArbitrary(s, false));
    case 'boolean':
      return withNull(fc.boolean());
    case 'array': {
      const minLength = s.minItems ?? 0;
      const maxLength = Math.min(s.maxItems ?? 4, Math.max(minLength, 4));
      return withNull(fc.array(next(s.items), { minLength, maxLength }));
    }
    case 'object':
    default: {
      if (!s.properties && type !== 'object') return fc.jsonValue({ maxDepth: 2 });
      const props = s.properties ?? {};
      const required = s.required ?? [];
      const record = fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, next(v, k)])), {
        requiredKeys: required.filter((k) => k in props),
      });
      const extra =
        s.additionalProperties && typeof s.additionalProperties === 'object'
          ? fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), next(s.additionalProperties), { maxKeys: 3 })
          : fc.constant({});
      return withNull(fc.tuple(record, extra).map(([a, b]) => ({ ...b, ...a })));
    }
  }
}
