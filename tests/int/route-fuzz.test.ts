/**
 * Every registered route, called by the callers its access admits, with parameters, queries and bodies
 * generated from the route's own schema (valid shapes, boundaries, wrong types, control characters,
 * huge numbers, far dates, long strings) and from valid requests of the fixtures with one part made
 * hostile: no request may end in a 500 (issue 9 §4).
 *
 * Deterministic: one seed (FUZZ_SEED to change it) and a bounded number of runs per route (FUZZ_RUNS).
 * A failure prints the seed, the route and the request, to replay it. FUZZ_DEBUG=<file> writes every
 * status it saw there.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { userKinds } from '@bidhall/contracts';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../apps/server/src/platform/auth/principal.ts';
import { api, bidder, createDocumentsTestApp, issuedDocument, obtain, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { arbitraryFor, hostile, HOSTILE_NUMBERS, kindOf, type ArbitraryContext, type JsonSchema } from '../support/schema-arbitrary.ts';
import { lawfulTimetable, registeredSection, setTimetable } from '../support/tendering-fixtures.ts';
import { createPlatformUser, login, type TestApp } from '../support/test-app.ts';
import { registrationBody } from '../support/registration-fixtures.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20260309);
/** Runs per route; a route with valid requests to start from gets twice as many. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/;
const UUID_ONLY = new RegExp(`^${UUID.source}$`);
const PLATFORM_KINDS = userKinds.filter((k): k is Exclude<(typeof userKinds)[number], 'entity'> => k !== 'entity');
const ROLE_ORDER: Role[] = ['agency', 'tenderer', 'bidder', 'guarantor', ...PLATFORM_KINDS];

let d: DocumentsTestApp;
let t: TestApp;

// ---- who calls ----------------------------------------------------------------------------------

/** A session per role, and how to get a new one when a generated request ended it. */
const callers = new Map<Role, { cookie: string; relogin: () => Promise<string> }>();

/** The roles to call a route as: every role its access admits that the test has a session for. */
function rolesFor(access: unknown): (Role | null)[] {
  if (!access || typeof access !== 'object' || 'public' in access) return [null];
  if ('authenticated' in access) return ['tenderer', 'staff'];
  const roles = (access as { roles: Role[] }).roles.flatMap((r) => (r === 'activeEntity' || r === 'entityMember' ? (['tenderer', 'agency', 'bidder'] as Role[]) : [r]));
  return ROLE_ORDER.filter((r) => roles.includes(r));
}

// ---- ids of things that exist -------------------------------------------------------------------

/** Ids seen in responses, by the kind of thing their field or route names (see `kindOf`). */
const ids = new Map<string, Set<string>>();
const seen = new Set<string>();
/**
 * The callers' own entities and accounts stay out of the pool: a staff request generated with one of
 * them would suspend or disable a caller the rest of the walk needs (a legitimate outcome, not a 500).
 */
const callerIds = new Set<string>();

function remember(kind: string, id: string) {
  if (callerIds.has(id) || seen.size >= 600) return;
  seen.add(id);
  if (!ids.has(kind)) ids.set(kind, new Set());
  ids.get(kind)!.add(id);
}

/** Collects the ids in a response: an `id` is of its parent's kind, or of the route's resource. */
function harvest(body: string, url: string) {
  if (!UUID.test(body)) return;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return;
  }
  const resource = kindOf(/^\/api\/v1\/(?:my\/)?([\w-]+)/.exec(url)?.[1] ?? '');
  const walk = (v: unknown, key: string | undefined) => {
    if (typeof v === 'string') {
      if (key && UUID_ONLY.test(v)) remember(key === 'id' ? resource : kindOf(key), v);
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x, key);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, k === 'id' && key && key !== 'items' ? key : k);
    }
  };
  walk(value, undefined);
}

function idsOf(kind: string | undefined): readonly string[] {
  if (kind) {
    const matching = [...ids.entries()].filter(([k]) => k && (k.endsWith(kind) || kind.endsWith(k))).flatMap(([, v]) => [...v]);
    if (matching.length) return matching;
  }
  return [...seen];
}

// ---- requests -----------------------------------------------------------------------------------

/** What a request carries: nothing, JSON, a text file (XML, a bill) or bytes (an attachment). */
type Body = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'text'; value: string; type: string } | { kind: 'bytes'; value: Uint8Array };

interface GeneratedRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: Body;
}

/** Valid requests per route (`GET /api/v1/…/:id`), recorded from the fixtures and from the walk itself. */
const examples = new Map<string, GeneratedRequest[]>();
let routePatterns: { key: string; pattern: RegExp; params: number }[] = [];

function routeKeyOf(method: string, pathname: string): string | undefined {
  return routePatterns.find((r) => r.key.startsWith(`${method} `) && r.pattern.test(pathname))?.key;
}

function record(opts: InjectOptions) {
  const url = new URL(String(opts.url ?? '/'), 'http://fuzz');
  const method = String(opts.method ?? 'GET').toUpperCase();
  const key = routeKeyOf(method, url.pathname);
  if (!key) return;
  const match = routePatterns.find((r) => r.key === key)!.pattern.exec(url.pathname)!;
  const payload = opts.payload;
  const type = String((opts.headers as Record<string, string> | undefined)?.['content-type'] ?? 'application/json');
  const asText = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) && !type.includes('octet-stream') ? payload.toString('utf8') : undefined;
  let body: Body;
  if (payload === undefined) body = { kind: 'none' };
  else if (asText !== undefined) {
    try {
      body = type.includes('json') ? { kind: 'json', value: JSON.parse(asText) } : { kind: 'text', value: asText, type };
    } catch {
      body = { kind: 'text', value: asText, type };
    }
  } else if (Buffer.isBuffer(payload)) body = { kind: 'bytes', value: new Uint8Array(payload) };
  else body = { kind: 'json', value: payload };
  const list = examples.get(key) ?? [];
  if (list.length < 6) list.push({ path: { ...match.groups }, query: Object.fromEntries(url.searchParams), body });
  examples.set(key, list);
}

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)).toWellFormed();

function urlOf(template: string, req: GeneratedRequest): string {
  const path = template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(text(req.path[name] ?? 'x'))).replace(/\*$/, 'x');
  const pairs: string[] = [];
  for (const [k, v] of Object.entries(req.query)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) pairs.push(`${encodeURIComponent(text(k))}=${encodeURIComponent(text(one))}`);
  }
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}

interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** `/api/v1/tender-documents/:id/attachments/:attachmentId`: `:id` names a tender document, the other an attachment. */
function pathKind(url: string, param: string): string {
  if (param !== 'id') return param;
  return /\/([\w-]+)\/:id\b/.exec(url)?.[1] ?? param;
}

function fromSchema(url: string, method: string, op: Operation | undefined, ctx: ArbitraryContext, mix: number): fc.Arbitrary<GeneratedRequest> {
  const params = op?.parameters ?? [];
  const group = (where: 'path' | 'query') => {
    const list = params.filter((p) => p.in === where);
    return fc.record(Object.fromEntries(list.map((p) => [p.name, arbitraryFor(p.schema, ctx, mix, 0, where === 'path' ? pathKind(url, p.name) : p.name)])), {
      requiredKeys: list.filter((p) => p.required || where === 'path').map((p) => p.name),
    }) as fc.Arbitrary<Record<string, unknown>>;
  };
  const jsonSchema = op?.requestBody?.content?.['application/json']?.schema;
  const body: fc.Arbitrary<Body> =
    method === 'GET'
      ? fc.constant({ kind: 'none' as const })
      : jsonSchema
        ? arbitraryFor(jsonSchema, ctx, mix).map((value) => ({ kind: 'json' as const, value }))
        : fc.oneof(
            fc.constant({ kind: 'none' as const }),
            fc.jsonValue({ maxDepth: 2 }).map((value) => ({ kind: 'json' as const, value })),
            fc.uint8Array({ maxLength: 2048 }).map((value) => ({ kind: 'bytes' as const, value })),
          );
  return fc.record({ path: group('path'), query: group('query'), body });
}

type Spot = { where: 'path' | 'query' | 'body'; at: (string | number)[] };

/** Every place of a request a value can be put: parameters, query values, each node of a JSON body. */
function spotsOf(req: GeneratedRequest): Spot[] {
  const spots: Spot[] = [
    ...Object.keys(req.path).map((k) => ({ where: 'path' as const, at: [k] })),
    ...Object.keys(req.query).map((k) => ({ where: 'query' as const, at: [k] })),
    { where: 'query', at: ['unexpected'] },
  ];
  if (req.body.kind === 'json') {
    const walk = (v: unknown, at: (string | number)[]) => {
      spots.push({ where: 'body', at });
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
        spots.push({ where: 'body', at: [...at, 'unexpected'] });
      }
    };
    walk(req.body.value, []);
  }
  if (req.body.kind === 'text') spots.push({ where: 'body', at: [] });
  return spots;
}

function put(req: GeneratedRequest, spot: Spot, value: unknown): GeneratedRequest {
  const next = structuredClone(req);
  if (spot.where !== 'body') {
    (spot.where === 'path' ? next.path : next.query)[spot.at[0] as string] = value;
    return next;
  }
  if (next.body.kind === 'text' && typeof value === 'string') {
    next.body.value = value;
    return next;
  }
  if (next.body.kind !== 'json') return next;
  if (spot.at.length === 0) {
    next.body.value = value;
    return next;
  }
  let node = next.body.value as Record<string | number, unknown>;
  for (const step of spot.at.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[spot.at.at(-1)!] = value;
  return next;
}

function valueAt(req: GeneratedRequest, spot: Spot): unknown {
  if (spot.where !== 'body') return (spot.where === 'path' ? req.path : req.query)[spot.at[0] as string];
  if (req.body.kind === 'text') return req.body.value;
  let node: unknown = req.body.kind === 'json' ? req.body.value : undefined;
  for (const step of spot.at) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[step] : undefined;
  return node;
}

/** Characters no text field can keep: C0 and C1 controls, DEL, lone surrogates. */
const UNTEXT = fc.constantFrom('\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u007f', '\u0085', '\u009f', '\ud800', '\udfff');

/** A hostile value that keeps the type of what it replaces more often than not: such values pass validation. */
function hostileFor(current: unknown): fc.Arbitrary<unknown> {
  if (typeof current === 'string') {
    const at = fc.nat({ max: current.length });
    return fc.oneof(
      { weight: 5, arbitrary: fc.tuple(at, UNTEXT).map(([i, c]) => current.slice(0, i) + c + current.slice(i)) },
      // A corrupted file or code: one character changed, or the text cut short.
      { weight: 2, arbitrary: fc.tuple(at, fc.constantFrom('A', '/', '+', '=', '0', '<', '>', '&', ';', '"', '\\')).map(([i, c]) => current.slice(0, i) + c + current.slice(i + 1)) },
      { weight: 1, arbitrary: at.map((i) => current.slice(0, i)) },
      { weight: 1, arbitrary: fc.constant(current + 'x'.repeat(5000)) },
      { weight: 1, arbitrary: fc.constantFrom(`<b>${current}</b>`, `${current}&<>"'`) },
      { weight: 2, arbitrary: hostile },
    );
  }
  if (typeof current === 'number') return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) }, { weight: 1, arbitrary: hostile });
  return hostile;
}

/** A valid request as it was, or with one part (a field, a key, a parameter) made hostile. */
function mutated(list: GeneratedRequest[]): fc.Arbitrary<GeneratedRequest> {
  return fc.constantFrom(...list).chain((ex) => {
    const spots = spotsOf(ex);
    if (!spots.length) return fc.constant(ex);
    // Mostly a leaf (a string or a number the schema accepts), sometimes a whole object or a new key.
    const leaves = spots.filter((s) => ['string', 'number', 'boolean'].includes(typeof valueAt(ex, s)));
    const spot = leaves.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...leaves) }, { weight: 1, arbitrary: fc.constantFrom(...spots) }) : fc.constantFrom(...spots);
    return fc.oneof(
      { weight: 1, arbitrary: fc.constant(ex) },
      { weight: 6, arbitrary: spot.chain((at) => hostileFor(valueAt(ex, at)).map((v) => put(ex, at, v))) },
    );
  });
}

// ---- the app and its fixtures -------------------------------------------------------------------

beforeAll(async () => {
  d = await createDocumentsTestApp();
  t = d.t;
  routePatterns = t.built.routes
    .filter((r) => r.method !== 'HEAD')
    .map((r) => ({
      key: `${r.method} ${r.url}`,
      pattern: new RegExp(`^${r.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, '(?<$1>[^/]+)')}$`),
      params: (r.url.match(/:/g) ?? []).length,
    }))
    .sort((a, b) => a.params - b.params);
  // Every request the fixtures make successfully is an example of a valid request to its route.
  const inject = t.built.app.inject.bind(t.built.app);
  const answers: [string, string][] = [];
  t.built.app.inject = (async (opts: InjectOptions) => {
    const res = await inject(opts);
    if (res.statusCode < 300 && !String(opts.url).includes('/auth/')) {
      record(opts);
      answers.push([res.body, new URL(String(opts.url), 'http://fuzz').pathname]);
    }
    return res;
  }) as typeof t.built.app.inject;

  // Two sections: the first's document is issued and obtained, the second's stays a draft with a bill.
  const r = await registeredSection(t, { organisation: 'agency', sections: 2 });
  await d.bindCertificate(r.tenderer);
  for (const id of r.sectionIds) await setTimetable(t, id, lawfulTimetable(t));
  const { doc } = await issuedDocument(d, r);
  const { call } = api(t);
  const draft = (await call('POST', '/api/v1/tender-documents', r.managerCookie, { sectionId: r.sectionIds[1]!, kind: 'tender' })).json() as { id: string };
  const spec = readFileSync(new URL('../../docs/boq-interface.md', import.meta.url), 'utf8');
  for (const [lang, type] of [['json', 'application/json'], ['xml', 'application/xml']] as const) {
    const bill = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(spec)![1]!;
    await t.built.app.inject({ method: 'PUT', url: `/api/v1/tender-documents/${draft.id}/bill-of-quantities?name=bill.${lang}`, headers: { cookie: r.managerCookie, 'content-type': type }, payload: bill });
  }
  await call('POST', '/api/v1/tendering-plans', r.agency!.cookie, {
    tenderingProjectId: r.tenderingProjectId,
    description: '施工招标工作计划',
    items: [{ milestone: '发布招标公告', plannedDate: '2026-03-10', sectionId: r.sectionId }],
    team: [{ name: '王五', role: '项目负责人', duties: '组织招标工作' }],
  });
  await call('POST', '/api/v1/notices', r.managerCookie, { type: 'tenderNotice', sectionIds: [r.sectionId] });
  // Into the issue period, so that the bidder obtains the documents; the sessions of before expired.
  t.clock.advance(26 * 3600_000);
  const b = await bidder(t);
  await obtain(t, doc.id, b.cookie);
  await call('POST', `/api/v1/tender-documents/${doc.id}/questions`, b.cookie, { text: '工程量清单第3项单位是否有误？' });
  const staff = (await t.database.db.selectFrom('identity.user_account').select('username').where('id', '=', r.staffUserId).executeTakeFirstOrThrow()).username;
  callers.set('tenderer', { cookie: await r.tenderer.relogin(), relogin: r.tenderer.relogin });
  callers.set('agency', { cookie: await r.agency!.relogin(), relogin: r.agency!.relogin });
  callers.set('bidder', { cookie: b.cookie, relogin: b.relogin });
  callers.set('staff', { cookie: await login(t, staff), relogin: () => login(t, staff) });
  const questions = await call('GET', `/api/v1/tender-documents/${doc.id}/questions`, callers.get('agency')!.cookie);
  await call('POST', `/api/v1/tender-documents/${doc.id}/clarifications`, callers.get('agency')!.cookie, {
    kind: 'clarification',
    title: '关于工程量清单的澄清',
    bodyHtml: '<p>清单第3项单位更正为立方米。</p>',
    questionIds: (questions.json() as { id: string }[]).map((q) => q.id),
  });
  for (const kind of PLATFORM_KINDS.filter((k) => k !== 'staff')) {
    const username = `fuzz.${kind.toLowerCase()}`;
    await createPlatformUser(t, { username, kind, regionCode: '150600' });
    callers.set(kind, { cookie: await login(t, username), relogin: () => login(t, username) });
  }
  const guarantor = registrationBody({ roles: ['guarantor'] });
  await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: guarantor });
  callers.set('guarantor', { cookie: await login(t, guarantor.account.username), relogin: () => login(t, guarantor.account.username) });
  t.built.app.inject = inject;

  const accounts = await t.database.db.selectFrom('identity.user_account').select(['id', 'entity_id']).execute();
  for (const a of accounts) for (const id of [a.id, a.entity_id]) if (id) callerIds.add(id);
  remember('section', r.sectionId);
  remember('tenderingproject', r.tenderingProjectId);
  remember('project', r.projectId);
  remember('entryform', r.entryFormId);
  remember('tenderdocument', doc.id);
  remember('tenderdocument', draft.id);
  // What the fixtures created, named by their answers.
  for (const [body, path] of answers) harvest(body, path);
}, 180_000);
afterAll(async () => d?.close());

// ---- the walk -----------------------------------------------------------------------------------

describe('no generated request ends in a 500', () => {
  it('every route, as each role it admits, with values derived from its schema and its valid requests', async () => {
    const doc = t.built.app.swagger() as { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, JsonSchema> } };
    const ctx: ArbitraryContext = { components: doc.components?.schemas ?? {}, ids: idsOf };
    // Writes first, so that what they create is there to read; deletions and ending one's own session last.
    const order = (r: { method: string; url: string }) => (/logout|sessions/.test(r.url) ? 4 : ({ POST: 0, PUT: 0, PATCH: 0, GET: 1, DELETE: 2 } as Record<string, number>)[r.method] ?? 3);
    const routes = t.built.routes.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS').sort((a, b) => order(a) - order(b) || a.url.localeCompare(b.url));
    expect(routes.length).toBeGreaterThan(150);
    expect(examples.size, 'valid requests recorded from the fixtures').toBeGreaterThan(15);

    const failures: string[] = [];
    const statuses: string[] = [];
    const started = Date.now();
    let requests = 0;
    for (const [n, route] of routes.entries()) {
      const key = `${route.method} ${route.url}`;
      const op = doc.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      const roles = rolesFor(route.access);
      const known = examples.get(key);
      const arb = fc.oneof(
        // First, as fast-check favours the first: the valid requests made hostile reach furthest.
        ...(known?.length ? [{ weight: 9, arbitrary: mutated(known) }] : []),
        { weight: 1, arbitrary: fromSchema(route.url, route.method, op, ctx, 0) },
        { weight: 2, arbitrary: fromSchema(route.url, route.method, op, ctx, 1) },
      );
      const seed = SEED + n;
      let run = 0;
      const outcome = await fc.check(
        fc.asyncProperty(arb, async (req) => {
          const role = roles[run++ % roles.length] ?? null;
          const caller = role ? callers.get(role) : undefined;
          const headers: Record<string, string> = caller ? { cookie: caller.cookie } : {};
          let payload: string | Buffer | undefined;
          if (req.body.kind === 'json') {
            headers['content-type'] = 'application/json';
            payload = JSON.stringify(req.body.value) ?? 'null';
          } else if (req.body.kind === 'text') {
            headers['content-type'] = req.body.type;
            payload = req.body.value;
          } else if (req.body.kind === 'bytes') {
            headers['content-type'] = 'application/octet-stream';
            payload = Buffer.from(req.body.value);
          }
          const url = urlOf(route.url, req);
          const res = await t.built.app.inject({ method: route.method as 'GET', url, headers, ...(payload !== undefined ? { payload } : {}) });
          requests++;
          if (process.env.FUZZ_DEBUG) statuses.push(`${res.statusCode} ${key} ${/"code":"(\w+)"/.exec(res.body)?.[1] ?? ''}`);
          if (res.statusCode < 300) {
            harvest(res.body, route.url);
            if (route.method !== 'GET' && (examples.get(key)?.length ?? 0) < 6) examples.set(key, [...(examples.get(key) ?? []), req]);
          }
          if (caller && res.statusCode === 401) caller.cookie = await caller.relogin().catch(() => caller.cookie);
          // 503 is an honest answer (not ready, a sandbox told to fail); a 500 never is.
          if (res.statusCode >= 500 && !(res.statusCode === 503 && !res.body.includes('"INTERNAL"'))) {
            failures.push(`${route.method} ${url} as ${role ?? 'anonymous'} (seed ${seed}) → ${res.statusCode} ${res.body.slice(0, 300)}\n  body: ${(payload ?? '').toString().slice(0, 400)}`);
            if (process.env.FUZZ_DEBUG) writeFileSync(`${process.env.FUZZ_DEBUG}.${seed}.body`, payload ?? '');
            return false;
          }
          return true;
        }),
        { seed, numRuns: known?.length ? 2 * RUNS : RUNS, endOnFailure: true },
      );
      if (outcome.failed && !failures.some((f) => f.includes(`(seed ${seed})`))) failures.push(`${key} (seed ${seed}): ${String(outcome.errorInstance)}`);
    }
    if (process.env.FUZZ_DEBUG) writeFileSync(process.env.FUZZ_DEBUG, statuses.join('\n'));
    console.info(`route fuzz: ${routes.length} routes, ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s, seed ${SEED}`);
    expect(failures, `FUZZ_SEED=${SEED} replays this`).toEqual([]);
  }, 300_000);
});
