import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildApp } from '../src/app';
import { seedDemo } from '../src/db/seed/demo';
import { demoPassword } from '../src/db/seed/demo-catalog';
import { demoToday } from './harness';
import { stableOrder } from './table-order';
import { hostileStrings, jsonArbitraryFor } from './zod-arbitrary';

/**
 * Fuzz every POST, PUT and PATCH route with inputs generated from the route's own zod schemas
 * (the shared ones), plus hostile mutations of them and bodies that are not JSON at all.
 * Invariants, for every request:
 *  - never a 5xx;
 *  - every 4xx is application/problem+json with type, title and status;
 *  - a body or path the schema refuses gets 400 (413 or 415 for oversize or non-JSON bodies);
 *  - a rejected (4xx) request leaves the database exactly as it was.
 * FUZZ_SEED reproduces a run; FUZZ_TOTAL changes its size (default 10,500 requests).
 */

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const total = Number(process.env.FUZZ_TOTAL ?? 10_500);

/** Routes left out, and why. */
const skipped: Record<string, string> = {
  // Ends the caller's own session; the auth tests cover it.
  'POST /api/auth/logout': 'ends the fuzzing session',
};

interface RouteSchemas {
  method: string;
  url: string;
  params?: z.ZodType;
  body?: z.ZodType;
}

/** One fuzz case: the request as sent, and what the route's own schemas say about it. */
interface Case {
  route: RouteSchemas;
  label: string;
  url: string;
  contentType?: string;
  origin?: string;
  payload?: string | Buffer;
  /** Parsed JSON sent, when it is JSON; `undefined` when the body is not JSON at all. */
  json?: { value: unknown };
  params: Record<string, string>;
}

const hostileValues: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e21,
  2 ** 53 + 2,
  '',
  '1',
  'true',
  [],
  [1, 'a', null],
  {},
  { nested: { deeper: { deepest: [{}] } } },
  'A'.repeat(5000),
  ...hostileStrings,
];
const extraKeys = [
  'role',
  'id',
  'userId',
  'requesterId',
  'passwordHash',
  'isAdmin',
  'status',
  'version',
  'constructor',
  'toString',
  'hasOwnProperty',
  '',
  ' title',
  'TITLE',
];
const hostileIds = [
  '0',
  '-1',
  '1.5',
  'abc',
  '1e3',
  '0x10',
  ' 1',
  '99999999999999999999',
  '9007199254740993',
  '012',
  '+12',
  '12 ',
  '12.0',
  'NaN',
  'null',
  '%00',
  '😀',
  '..',
  '1;DROP TABLE requests',
];

/** Nests `depth` levels of objects or arrays, the kind of body that exhausts a recursive parser. */
const deep = (depth: number, array: boolean): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = array ? [v] : { a: v };
  return v;
};

type Json = Record<string, unknown>;
/** Lone surrogates cannot be percent-encoded; they become U+FFFD as a browser would send them. */
const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Mutations of a schema-shaped JSON value; each returns the value to send. */
function mutation(keys: string[]): fc.Arbitrary<{ name: string; apply: (v: unknown) => unknown }> {
  const key = keys.length ? fc.constantFrom(...keys) : fc.constant('title');
  return fc.oneof(
    fc
      .tuple(key, fc.constantFrom(...hostileValues))
      .map(([k, x]) => ({ name: `${k}=wrong value`, apply: (v: unknown) => (isObject(v) ? { ...v, [k]: x } : v) })),
    key.map((k) => ({
      name: `drop ${k}`,
      apply: (v: unknown) => (isObject(v) ? Object.fromEntries(Object.entries(v).filter(([kk]) => kk !== k)) : v),
    })),
    fc
      .tuple(fc.constantFrom(...extraKeys), fc.constantFrom(...hostileValues))
      .map(([k, x]) => ({ name: `extra key ${k}`, apply: (v: unknown) => (isObject(v) ? { ...v, [k]: x } : { [k]: x }) })),
    fc.constant({
      name: 'every value null',
      apply: (v: unknown) => (isObject(v) ? Object.fromEntries(Object.keys(v).map((k) => [k, null])) : null),
    }),
    fc
      .constantFrom<[string, unknown]>(
        ['null', null],
        ['array', []],
        ['string', 'title'],
        ['number', 42],
        ['true', true],
        ['deep object', deep(500, false)],
        ['deep array', deep(500, true)],
      )
      .map(([n, x]) => ({ name: `body ${n}`, apply: () => x })),
    fc.constant({ name: 'body wrapped in an array', apply: (v: unknown) => [v] }),
    fc
      .tuple(key, fc.constantFrom(10_001, 100_001, 600_000))
      .map(([k, n]) => ({ name: `${k} of ${n} chars`, apply: (v: unknown) => (isObject(v) ? { ...v, [k]: 'A'.repeat(n) } : v) })),
    fc.constantFrom(...hostileStrings).map((s) => ({
      name: `every string ${JSON.stringify(s).slice(0, 30)}`,
      apply: (v: unknown) => (isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? s : x])) : v),
    })),
    fc
      .tuple(key, fc.boolean())
      .map(([k, array]) => ({ name: `${k} nested 200 deep`, apply: (v: unknown) => (isObject(v) ? { ...v, [k]: deep(200, array) } : v) })),
  );
}

/** Bodies that are not well-formed JSON, or not JSON at all, or come from another site. */
const transports = (sample: string) =>
  fc.constantFrom<{ name: string; contentType?: string; payload: string | Buffer; origin?: string }>(
    { name: 'truncated JSON', contentType: 'application/json', payload: sample.slice(0, Math.max(1, sample.length - 2)) },
    { name: 'trailing comma', contentType: 'application/json', payload: sample.replace(/}$/, ',}') },
    { name: 'single quotes', contentType: 'application/json', payload: sample.replaceAll('"', "'") },
    { name: 'NaN literal', contentType: 'application/json', payload: '{"version": NaN, "minutes": NaN}' },
    {
      name: 'number overflow',
      contentType: 'application/json',
      payload: '{"version": 1e309, "minutes": 1e309, "typeId": 1e309, "title": "x"}',
    },
    {
      name: 'proto pollution',
      contentType: 'application/json',
      payload: '{"__proto__": {"role": "lead", "isAdmin": true}, "title": "x", "typeId": 1}',
    },
    {
      name: 'constructor pollution',
      contentType: 'application/json',
      payload: '{"constructor": {"prototype": {"role": "lead"}}, "title": "x"}',
    },
    { name: 'empty JSON body', contentType: 'application/json', payload: '' },
    { name: 'whitespace JSON body', contentType: 'application/json', payload: '   \n ' },
    { name: 'BOM prefix', contentType: 'application/json', payload: `\ufeff${sample}` },
    {
      name: 'invalid UTF-8',
      contentType: 'application/json',
      payload: Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d]),
    },
    {
      name: 'binary garbage',
      contentType: 'application/json',
      payload: Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37) % 256)),
    },
    { name: 'over the body limit', contentType: 'application/json', payload: `{"title":"${'A'.repeat(1_100_000)}"}` },
    { name: 'text/plain JSON', contentType: 'text/plain', payload: sample },
    { name: 'form-encoded', contentType: 'application/x-www-form-urlencoded', payload: 'title=x&typeId=1&role=lead' },
    {
      name: 'multipart',
      contentType: 'multipart/form-data; boundary=xyz',
      payload: '--xyz\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--xyz--\r\n',
    },
    { name: 'XML', contentType: 'application/xml', payload: '<request><title>x</title></request>' },
    { name: 'no content type', payload: sample },
    { name: 'garbage content type', contentType: ';;;/\u0000', payload: sample },
    { name: 'UTF-16 charset', contentType: 'application/json; charset=utf-16', payload: Buffer.from(sample, 'utf16le') },
    { name: 'foreign Origin', contentType: 'application/json', payload: sample, origin: 'https://evil.example' },
    { name: 'null Origin', contentType: 'application/json', payload: sample, origin: 'null' },
  );

/** Path parameters in route order: mostly real ids, sometimes values no id can be. */
function paramsArbitrary(route: RouteSchemas, realIds: Map<string, number[]>): fc.Arbitrary<Record<string, string>> {
  const names = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  const shape = (route.params as z.ZodObject | undefined)?.shape ?? {};
  const model: Record<string, fc.Arbitrary<string>> = {};
  for (const name of names) {
    const ids = realIds.get(route.url.split(`/:${name}`)[0]!) ?? [];
    const fromSchema = shape[name] ? jsonArbitraryFor(shape[name]).map(String) : fc.string();
    model[name] = fc.oneof(
      { arbitrary: ids.length ? fc.constantFrom(...ids.map(String)) : fromSchema, weight: 10 },
      { arbitrary: fromSchema, weight: 2 },
      { arbitrary: fc.constantFrom(...hostileIds), weight: 1 },
    );
  }
  return fc.record(model);
}

/** The JSON a server-side parser would see in a raw body, if any (a leading BOM is allowed). */
function parsedJson(contentType: string | undefined, payload: string | Buffer): { value: unknown } | undefined {
  if (typeof payload !== 'string' || !contentType || !/^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(contentType)) return undefined;
  try {
    return { value: JSON.parse(payload.replace(/^\ufeff/, '')) as unknown };
  } catch {
    return undefined;
  }
}

function caseArbitrary(route: RouteSchemas, realIds: Map<string, number[]>): fc.Arbitrary<Case> {
  const bodyArb = route.body ? jsonArbitraryFor(route.body) : fc.jsonValue();
  const keys = Object.keys((route.body as z.ZodObject | undefined)?.shape ?? {});
  const label = `${route.method} ${route.url}`;
  const build = (rawParams: Record<string, string>, name: string, rest: Partial<Case>): Case => {
    const params = Object.fromEntries(Object.entries(rawParams).map(([k, v]) => [k, wellFormed(v)]));
    return {
      route,
      label: `${label} [${name}]`,
      url: route.url.replace(/:([A-Za-z]+)/g, (_, p: string) => encodeURIComponent(params[p] ?? '')),
      params,
      ...rest,
    };
  };
  const asJson = (value: unknown) => ({ contentType: 'application/json', payload: JSON.stringify(value) ?? 'null', json: { value } });
  return fc.tuple(paramsArbitrary(route, realIds), bodyArb).chain(([params, body]) =>
    fc.oneof(
      { arbitrary: fc.constant(build(params, 'schema', asJson(body))), weight: 5 },
      { arbitrary: mutation(keys).map((m) => build(params, m.name, asJson(m.apply(body)))), weight: 5 },
      {
        arbitrary: transports(JSON.stringify(body) ?? '{}').map((t) =>
          build(params, t.name, {
            contentType: t.contentType,
            payload: t.payload,
            origin: t.origin,
            json: parsedJson(t.contentType, t.payload),
          }),
        ),
        weight: 2,
      },
    ),
  );
}

describe('fuzzing every write route from its schemas', () => {
  let dir: string;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let cookie: string;
  const schemas = new Map<string, RouteSchemas>();

  beforeAll(async () => {
    // Durability is not under test here: a RAM-backed folder, when there is one, keeps commits cheap.
    dir = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'altitude-fuzz-'));
    const capture = (route: RouteOptions) => {
      const schema = route.schema as { params?: z.ZodType; body?: z.ZodType } | undefined;
      for (const method of [route.method].flat()) {
        schemas.set(`${method} ${route.url}`, { method, url: route.url, params: schema?.params, body: schema?.body });
      }
    };
    // A clock that does not move: no session is refreshed, so a read or a refusal writes nothing.
    app = await buildApp({ databasePath: path.join(dir, 'fuzz.db'), now: () => demoToday, onRoute: capture });
    await seedDemo(app.db, demoToday);
    await app.ready();
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'cmo@example.com', password: demoPassword } });
    expect(res.statusCode, res.body).toBe(200);
    cookie = `altitude_session=${res.cookies.find((c) => c.name === 'altitude_session')!.value}`;
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`sends ${total}+ generated and hostile requests: no 5xx, problem+json errors, no change on refusal`, async () => {
    const sqlite = app.db.$client;
    const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json().user as { id: number };
    const pick = (sql: string) => sqlite.prepare(sql).pluck().all() as number[];
    // Real ids per collection; never the fuzzing lead's own account, so the run cannot lock itself out.
    const realIds = new Map<string, number[]>([
      ['/api/requests', pick('select id from requests order by id')],
      ['/api/users', pick(`select id from users where id <> ${me.id} order by id`)],
      ['/api/request-types', pick('select id from request_types order by id')],
      ['/api/departments', pick('select id from departments order by id')],
    ]);
    const currentVersion = sqlite.prepare('select version from requests where id = ?').pluck();

    // Two detectors of change. Per request: PRAGMA data_version on a second connection moves when
    // any other connection commits, so a refused request that committed anything is caught. Per
    // batch: a checksum of every row of every table, before and after the batch.
    const observer = new Database(path.join(dir, 'fuzz.db'), { readonly: true });
    const dataVersion = observer.prepare('pragma data_version').pluck();
    const tables = observer.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all() as string[];
    const dumps = tables.map((t) => {
      const cols = (observer.pragma(`table_info("${t}")`) as { name: string }[]).map((c) => `quote("${c.name}")`).join(`||','||`);
      return observer
        .prepare(`select group_concat(${cols}, char(10)) from (select * from "${t}" order by ${stableOrder(observer, t)})`)
        .pluck();
    });
    const checksum = () => {
      const h = createHash('sha256');
      for (const [i, dump] of dumps.entries()) h.update(`\u0000${tables[i]}\u0000${String(dump.get())}`);
      return h.digest('hex');
    };

    const routes = [...schemas.values()].filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && r.url.startsWith('/api/'));
    const tableRoutes = app.routeTable.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method)).map((r) => `${r.method} ${r.url}`);
    // The captured routes are exactly the write routes of the route table.
    expect(routes.map((r) => `${r.method} ${r.url}`).sort()).toEqual([...tableRoutes].sort());
    const fuzzed = routes.filter((r) => !skipped[`${r.method} ${r.url}`]);
    const perRoute = Math.ceil(total / fuzzed.length);

    const failures: string[] = [];
    const stats = new Map<string, Map<number, number>>();
    let sent = 0;
    let accepted = 0;
    let commitsSeen = 0;
    const started = performance.now();

    /** Sends one case and checks the per-request invariants. */
    const send = async (c: Case, valid: boolean) => {
      const route = c.route;
      const headers: Record<string, string> = { cookie };
      if (c.contentType !== undefined) headers['content-type'] = c.contentType;
      if (c.origin) headers.origin = c.origin;
      const version = dataVersion.get();
      const res: LightMyRequestResponse = await app.inject({
        method: route.method as InjectOptions['method'],
        url: c.url,
        headers,
        ...(c.payload !== undefined ? { payload: c.payload } : {}),
      });
      const committed = dataVersion.get() !== version;
      sent++;
      const key = `${route.method} ${route.url}`;
      const byStatus = stats.get(key) ?? new Map<number, number>();
      byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
      stats.set(key, byStatus);

      const fail = (why: string) => {
        if (failures.length < 25)
          failures.push(
            `${c.label} ${c.url} → ${res.statusCode}: ${why}\n    sent ${String(c.payload ?? '').slice(0, 300)}\n    got ${res.body.slice(0, 300)}`,
          );
      };
      let problem: { type?: unknown; title?: unknown; status?: unknown; code?: unknown } = {};
      if (res.statusCode >= 500) fail('server error');
      if (res.statusCode >= 400) {
        if (!/^application\/problem\+json/.test(String(res.headers['content-type']))) fail('error is not application/problem+json');
        else {
          problem = JSON.parse(res.body) as typeof problem;
          if (typeof problem.type !== 'string' || typeof problem.title !== 'string' || problem.status !== res.statusCode)
            fail('problem lacks type, title or status');
        }
      }
      if (!valid) {
        // Refused by the schemas: 400, or 413 / 415 for the body itself, 403 for a foreign origin,
        // 404 only when a path value such as ".." led to no route at all.
        const expected = c.origin ? [403] : [400, 413, 415];
        if (!expected.includes(res.statusCode) && !(res.statusCode === 404 && problem.code === 'route.not_found')) {
          fail(`the schemas refuse this input; expected ${expected.join(' or ')}`);
        }
      }
      if (res.statusCode >= 400 && committed) fail('a refused request committed a change');
      if (sqlite.inTransaction) fail('a transaction was left open');
      if (res.statusCode < 300) accepted++;
      if (res.statusCode < 300 && committed) commitsSeen++;
    };

    for (const [r, route] of fuzzed.entries()) {
      // Changing a password checks the current one like a sign-in (a hash, a throttle row written even when wrong).
      const isLogin = route.url === '/api/auth/login' || route.url === '/api/auth/password';
      const cases = fc.sample(caseArbitrary(route, realIds), { numRuns: perRoute * (isLogin ? 3 : 1), seed: seed + r });
      const refused: Case[] = [];
      const open: Case[] = [];
      for (const c of cases) {
        // Half the bodies that carry a version get the request's current one, so writes can land.
        const body = c.json?.value;
        if (
          isObject(body) &&
          typeof body.version === 'number' &&
          body.version % 2 === 0 &&
          route.url.startsWith('/api/requests/:id') &&
          /^\d+$/.test(c.params.id ?? '')
        ) {
          const v = currentVersion.get(Number(c.params.id)) as number | undefined;
          if (v !== undefined && c.contentType === 'application/json' && !c.origin) {
            c.json = { value: { ...body, version: v } };
            c.payload = JSON.stringify(c.json.value);
          }
        }
        // What the route's own schemas say; the server must agree.
        const paramsOk = route.params ? route.params.safeParse(c.params).success : true;
        const bodyOk = c.json ? (route.body ? route.body.safeParse(c.json.value).success : true) : false;
        (paramsOk && bodyOk && !c.origin ? open : refused).push(c);
      }
      // A sign-in the schema accepts costs a password hash and writes a throttle row: only refusals there.
      if (isLogin) open.length = 0;
      const batch = [...refused.slice(0, perRoute), ...open.slice(0, Math.max(0, perRoute - refused.length))];

      // Everything the schemas refuse, as one batch between two checksums.
      const before = checksum();
      for (const c of batch.filter((x) => refused.includes(x))) await send(c, false);
      expect(checksum(), `${route.method} ${route.url}: the refused batch changed the database`).toBe(before);
      // What the schemas accept: the handler decides, and a refusal must still commit nothing.
      for (const c of batch.filter((x) => !refused.includes(x))) await send(c, true);
    }
    const seconds = (performance.now() - started) / 1000;
    observer.close();

    const table = [...stats.entries()].map(
      ([route, byStatus]) =>
        `  ${route.padEnd(44)} ${[...byStatus.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}`,
    );
    console.log(
      `fuzz: ${sent} requests over ${fuzzed.length} write routes in ${seconds.toFixed(1)} s (seed ${seed}; ${accepted} accepted)\n${table.join('\n')}`,
    );
    expect(failures, `seed ${seed}: reproduce with FUZZ_SEED=${seed}`).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(total);
    // The generator reaches the handlers, not only the validator, and the commit detector sees commits.
    expect(accepted).toBeGreaterThan(sent / 20);
    expect(commitsSeen).toBeGreaterThan(0);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  }, 180_000);
});
