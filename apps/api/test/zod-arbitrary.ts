import fc from 'fast-check';
import type { z } from 'zod';

/**
 * A small zod 4 → fast-check mapper for the shapes the shared schemas use (objects, strings with
 * length, format, regex and refinement checks, numbers with bounds, enums, optional, nullable,
 * pipes and transforms). It aims near the edges: mostly values the schema accepts, plus lengths and
 * bounds just past each limit, so the server sees both sides of every rule. Whether a value is
 * valid is decided by the schema itself (safeParse), never by this mapper.
 */

// Zod 4 keeps a schema's definition in `_zod.def`; only the members read here are typed.
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
  coerce?: boolean;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strings that have broken parsers, renderers or databases somewhere. */
export const hostileStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff lone low surrogate',
  '\u202eevil RTL override',
  'zero\u200bwidth\u200d\ufeff',
  '𝕳𝖊𝖑𝖑𝖔 👩‍👩‍👧‍👦 🏳️‍🌈',
  'Ṫ̸̢͎̖̤̲ͪ͊ḧ̷͔̤̣́ͨę̳̗͍͍̀ ̵̠̀Z̡͍͕ͧ͗a̢̞̓l͈̤̓g̰̟͊o̹̐',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  "'; DROP TABLE requests; --",
  '" OR 1=1 --',
  '%s%s%n%x',
  '../../../../etc/passwd',
  '=HYPERLINK("http://evil")',
  '\r\nSet-Cookie: x=1',
  '{"__proto__":{"role":"lead"}}',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  'MKT-1',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '0000-01-01',
  '-000001-12-01',
  '+010000-01-01',
  '0x10',
  '1e3',
  'UTC',
  'Europe/Paris',
  'Europe/Kyiv',
  'Mars/Olympus_Mons',
  '2026-10-01',
  '2026-11-20',
];

/** Strings that satisfy common formats and refinements the generic generator would rarely hit. */
const hintStrings = [
  'UTC',
  'Europe/Paris',
  'America/New_York',
  'Asia/Tokyo',
  '2026-01-01',
  '2026-04-01',
  '2026-10-01',
  '2027-01-01',
  '2026-11-20',
];

/** The edges of the accepted dates (2000-01-01..2099-12-31): its ends, leap days, year ends, and just past them. */
const calendarEdges = ['2000-01-01', '2000-02-29', '2000-12-31', '2024-02-29', '2096-02-29', '2099-12-28', '2099-12-31'];
const pastTheEdges = ['1999-12-31', '2100-01-01', '0000-01-01', '9999-12-31', '-000001-12-01', '+010000-01-01', '2100-02-29'];
const isoDate = fc.oneof(
  {
    arbitrary: fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    weight: 6,
  },
  { arbitrary: fc.constantFrom(...calendarEdges), weight: 2 },
  { arbitrary: fc.constantFrom(...pastTheEdges), weight: 1 },
);

const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/),
    fc.constantFrom('example.com', 'EXAMPLE.com', 'corp.example.org'),
    fc.constantFrom('', ' ', '  '),
  )
  .map(([local, domain, pad]) => `${pad}${local}@${domain}${pad}`);

/** A string of exactly `n` UTF-16 units, built from a repeated unit so it is cheap. */
const ofLength = (n: number) => fc.constantFrom('x', 'é', ' ').map((c) => c.repeat(Math.max(0, n)));

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const min = Math.max(0, ...checks.filter((c) => c.check === 'min_length').map((c) => c.minimum ?? 0));
  const maxes = checks.filter((c) => c.check === 'max_length').map((c) => c.maximum ?? Infinity);
  const max = maxes.length ? Math.min(...maxes) : Infinity;
  const pattern = checks.find((c) => c.check === 'regex')?.pattern;
  const format = def.format ?? checks.find((c) => c.check === 'string_format')?.format;

  const arbs: fc.WeightedArbitrary<string>[] = [];
  if (format === 'date') arbs.push({ arbitrary: isoDate, weight: 8 });
  else if (format === 'email') arbs.push({ arbitrary: email, weight: 8 });
  else if (pattern) arbs.push({ arbitrary: fc.stringMatching(pattern), weight: 8 });
  else {
    const typicalMax = Math.min(Number.isFinite(max) ? max : 80, 80);
    arbs.push({ arbitrary: fc.string({ minLength: Math.min(min, typicalMax), maxLength: Math.max(typicalMax, min) }), weight: 5 });
    arbs.push({ arbitrary: fc.string({ unit: 'grapheme', minLength: Math.min(min, 20), maxLength: Math.max(min, 20) }), weight: 2 });
    arbs.push({ arbitrary: fc.string({ unit: 'binary', minLength: Math.min(min, 20), maxLength: Math.max(min, 20) }), weight: 1 });
  }
  arbs.push({ arbitrary: fc.constantFrom(...hintStrings), weight: 1 });
  arbs.push({ arbitrary: fc.constantFrom(...hostileStrings), weight: 1 });
  // The edges of each length rule: at the limit is accepted, one past it is not.
  if (Number.isFinite(max)) arbs.push({ arbitrary: fc.constantFrom(max, max + 1).chain(ofLength), weight: 1 });
  if (min > 0) arbs.push({ arbitrary: fc.constantFrom(min - 1, min).chain(ofLength), weight: 1 });
  return fc.oneof(...arbs);
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const isInt = checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
  let lo = -1e6;
  let hi = 1e6;
  for (const c of checks) {
    const v = Number(c.value);
    if (c.check === 'greater_than') lo = c.inclusive ? v : isInt ? v + 1 : v + 1e-6;
    if (c.check === 'less_than') hi = c.inclusive ? v : isInt ? v - 1 : v - 1e-6;
  }
  const inRange = isInt
    ? fc.oneof(
        { arbitrary: fc.integer({ min: Math.max(lo, Math.min(1, hi)), max: Math.min(hi, Math.max(lo, 20)) }), weight: 4 },
        { arbitrary: fc.integer({ min: lo, max: hi }), weight: 2 },
      )
    : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
  const edges = fc.constantFrom(lo, lo - 1, hi, hi + 1, 0, -1, 0.5, 1.5, 2 ** 53, -(2 ** 53), 1e21, Number.MAX_VALUE);
  return fc.oneof({ arbitrary: inRange, weight: 6 }, { arbitrary: edges, weight: 1 });
}

/** Values shaped by `schema`: mostly accepted by it, sometimes just outside a limit. */
export function arbitraryFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArbitrary(def);
    case 'number':
      return def.coerce ? fc.oneof(numberArbitrary(def), numberArbitrary(def).map(String)) : numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'enum':
      return fc.oneof(
        { arbitrary: fc.constantFrom(...Object.values(def.entries ?? {})), weight: 8 },
        { arbitrary: fc.constantFrom('', 'LEAD', 'unknown', 'in progress'), weight: 1 },
      );
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return arbitraryFor(def.innerType!);
    case 'nullable':
      return fc.oneof({ arbitrary: arbitraryFor(def.innerType!), weight: 4 }, { arbitrary: fc.constant(null), weight: 1 });
    case 'pipe':
      // A transform's input is what the client sends; the output side is the server's business.
      // A pipe such as trim-then-email: the output's rules are the ones worth aiming at.
      if (defOf(def.in!).type === 'transform') return arbitraryFor(def.out!);
      if (defOf(def.out!).type === 'transform') return arbitraryFor(def.in!);
      return fc.oneof({ arbitrary: arbitraryFor(def.out!), weight: 3 }, { arbitrary: arbitraryFor(def.in!), weight: 1 });
    case 'transform':
      return fc.string();
    case 'union':
      return fc.oneof(...(def.options ?? []).map(arbitraryFor));
    case 'array':
      return fc.array(arbitraryFor(def.element!), { maxLength: 5 });
    case 'object': {
      const shape = def.shape ?? {};
      const model = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, arbitraryFor(v)]));
      const requiredKeys = Object.entries(shape)
        .filter(([, v]) => !['optional', 'default', 'prefault'].includes(defOf(v).type))
        .map(([k]) => k);
      return fc.record(model, { requiredKeys });
    }
    default:
      return fc.anything();
  }
}

/** The JSON value a client would send for the schema's input (strict objects included). */
export const jsonArbitraryFor = (schema: z.ZodType) => arbitraryFor(schema).map((v) => JSON.parse(JSON.stringify(v ?? null)) as unknown);
