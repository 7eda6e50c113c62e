/**
 * A bidding "world" for the deadline-rush benchmark and the reliability tests: a data folder (blob
 * store, trust store, the platform key file), a database (PostgreSQL when DATABASE_URL is set, else
 * a PGlite data folder), and in it sections with an issued tender document and N bidder entities,
 * each with a bound certificate (its private key held here, on the "bidder's side"), the document
 * obtained and a live session. Made in-process with a test clock; the server that bids are submitted
 * to is then a real child process on the same folder and database (./server-process.ts).
 *
 * Registering an entity through the route costs one scrypt (~0.6 s); a thousand bidders are one
 * registered through the route and the rest copied from its rows with their own names, credit codes
 * and accounts. Sessions are written directly (the route would cost another scrypt per bidder).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { creditCodeCheckChar, type DocumentView } from '@bidhall/contracts';
import {
  createDemoPki,
  encodePem,
  issueDemoCrl,
  issueEntityCertificate,
  signCmsDetached,
  toBase64,
  type Certificate,
  type DemoCa,
  type PrivateKey,
} from '@bidhall/crypto';
import { ManualClock } from '@bidhall/rules';
import pg from 'pg';
import pino from 'pino';
import { sql } from 'kysely';
import { buildApp } from '../../apps/server/src/app.ts';
import { type Database, openDatabase } from '../../apps/server/src/platform/db/database.ts';
import { migrate } from '../../apps/server/src/platform/db/migrator.ts';
import { createJobQueue } from '../../apps/server/src/platform/jobs/job-queue.ts';
import { loadOrCreateSigningKey } from '../../apps/server/src/platform/keys/signing-key.ts';
import { issuedDocument, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { registrationBody } from '../support/registration-fixtures.ts';
import {
  lawfulTimetable,
  publishNotice,
  registeredSection,
  setTimetable,
  type RegisteredSection,
} from '../support/tendering-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';

const DAY = 86_400_000;

export interface WorldBidder {
  entityId: string;
  userId: string;
  name: string;
  creditCode: string;
  username: string;
  /** `bh_session=…` for the Cookie header. */
  cookie: string;
  certPem: string;
  key: PrivateKey;
}

export interface WorldSection {
  sectionId: string;
  documentId: string;
  document: DocumentView;
}

export interface World {
  dir: string;
  blobDir: string;
  trustDir: string;
  signingKeyFile: string;
  /** Where the child server keeps its own files (DATA_DIR). */
  dataDir: string;
  /** PostgreSQL URL of this world's own database, or undefined on PGlite (dataDir/pgdata). */
  databaseUrl: string | undefined;
  ca: DemoCa;
  registered: RegisteredSection;
  sections: WorldSection[];
  bidders: WorldBidder[];
  /** Runs SQL against the world's database while no server holds it (PGlite) or any time (PostgreSQL). */
  withDb<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  /** Sets a section's bid deadline directly in the database (the test's "a minute from now"). */
  setDeadline(sectionId: string, at: Date): Promise<void>;
  /** The environment of a server process on this world. */
  serverEnv(extra?: Record<string, string>): Record<string, string>;
  destroy(): Promise<void>;
}

export interface WorldOptions {
  bidders: number;
  sections?: number;
  /** Progress lines (setup of a thousand bidders takes a while). */
  log?: (line: string) => void;
  /** Called with the in-process app before it closes, for more setup (custodian keys …). */
  extraSetup?: (t: TestApp, world: Omit<World, 'withDb' | 'setDeadline' | 'serverEnv' | 'destroy'>) => Promise<unknown>;
  /** A base URL for PostgreSQL (a fresh database is made next to it); default DATABASE_URL, else PGlite. */
  postgresUrl?: string | undefined;
}

async function createPostgres(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bh_world_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Runs `fn` over items with at most `n` at once. */
export async function pool<T, R>(items: readonly T[], n: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

const pem = (c: Certificate) => encodePem('CERTIFICATE', c.der);

export async function createWorld(options: WorldOptions): Promise<World> {
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'bidhall-world-'));
  const dataDir = join(dir, 'data');
  const blobDir = join(dataDir, 'blobs');
  const trustDir = join(dir, 'trust');
  const signingKeyFile = join(dataDir, 'platform-signing-key.pem');
  mkdirSync(blobDir, { recursive: true });
  mkdirSync(trustDir);
  const postgresBase = 'postgresUrl' in options ? options.postgresUrl : process.env.DATABASE_URL;
  const postgres = postgresBase ? await createPostgres(postgresBase) : undefined;
  const target = postgres
    ? ({ kind: 'postgres', connectionString: postgres.url } as const)
    : ({ kind: 'pglite', dataDir } as const);

  // The setup runs on a test clock some weeks back, so the document's issue period lies before now.
  const start = new Date(Math.floor((Date.now() - 40 * DAY) / 60_000) * 60_000);
  const [ca] = (await createDemoPki(start)) as [DemoCa];
  writeFileSync(join(trustDir, 'gm-a-root.pem'), pem(ca.root));
  writeFileSync(join(trustDir, 'gm-a-issuing.pem'), pem(ca.issuing));
  writeFileSync(
    join(trustDir, `${ca.id}.crl`),
    encodePem('X509 CRL', (await issueDemoCrl(ca, [], start, new Date(start.getTime() + 365 * DAY))).der),
  );

  const database = await openDatabase(target);
  await migrate(database.db);
  const clock = new ManualClock(start.toISOString());
  const jobs = createJobQueue(database, pino({ level: 'silent' }));
  const signingKey = loadOrCreateSigningKey(signingKeyFile);
  const built = await buildApp({
    config: {
      bodyLimit: 64 * 1024,
      sessionTtlHours: 12,
      cookieSecure: false,
      logLevel: 'silent',
      webDist: undefined,
      exchangeSandbox: true,
      timeTrust: 'lenient',
      rateLimitScale: 100_000,
      blobDir,
      trustStoreDir: trustDir,
    },
    database,
    clock,
    jobs,
    signingKey,
    logger: false,
  });
  await built.app.ready();
  const t: TestApp = { built, database, clock, jobs, signingKey, blobDir, close: async () => undefined };
  const keys = new Map<string, { cert: Certificate; key: PrivateKey }>();
  const d: DocumentsTestApp = {
    t,
    ca,
    async bindCertificate(party) {
      const at = clock.now().getTime();
      const issued = await issueEntityCertificate(ca, {
        entityName: party.name,
        creditCode: party.creditCode,
        notBefore: new Date(at - DAY),
        notAfter: new Date(at + 365 * DAY),
      });
      const res = await built.app.inject({
        method: 'POST',
        url: '/api/v1/my/certificates',
        payload: { certificate: pem(issued.cert) + pem(ca.issuing) },
        headers: { cookie: party.cookie },
      });
      if (res.statusCode !== 201) throw new Error(`binding failed: ${res.statusCode} ${res.body}`);
      keys.set(party.entityId, issued);
    },
    sign(party, bytes) {
      const k = keys.get(party.entityId)!;
      return toBase64(signCmsDetached(bytes, { key: k.key, cert: k.cert, chain: [ca.issuing] }, { signingTime: clock.now() }));
    },
    close: async () => undefined,
  };

  let registered: RegisteredSection;
  let sections: WorldSection[];
  let bidders: WorldBidder[];
  try {
    log('setup: section, tender document');
    registered = await registeredSection(t, { sections: options.sections ?? 1 });
    await d.bindCertificate(registered.tenderer);
    sections = [];
    for (const sectionId of registered.sectionIds) {
      await setTimetable(t, sectionId, lawfulTimetable(t), registered.managerCookie);
      const { doc } = await issuedDocument(d, { ...registered, sectionId }, { issue: false });
      // The tender notice goes out (reviewed, verified) and issues the document with it.
      await publishNotice(t, { ...registered, sectionId });
      const view = await built.app.inject({
        method: 'GET',
        url: `/api/v1/tender-documents/${doc.id}`,
        headers: { cookie: registered.managerCookie },
      });
      sections.push({ sectionId, documentId: doc.id, document: view.json() as DocumentView });
    }

    log(`setup: ${options.bidders} bidders`);
    bidders = await makeBidders(t, options.bidders);
    log('setup: certificates bound');
    await pool(bidders, 4, async (b) => {
      const at = clock.now().getTime();
      const issued = await issueEntityCertificate(ca, {
        entityName: b.name,
        creditCode: b.creditCode,
        notBefore: new Date(at - DAY),
        notAfter: new Date(at + 365 * DAY),
      });
      const res = await built.app.inject({
        method: 'POST',
        url: '/api/v1/my/certificates',
        payload: { certificate: pem(issued.cert) + pem(ca.issuing) },
        headers: { cookie: b.cookie },
      });
      if (res.statusCode !== 201) throw new Error(`binding failed: ${res.statusCode} ${res.body}`);
      b.certPem = pem(issued.cert);
      b.key = issued.key;
    });
    log('setup: documents obtained');
    clock.set(new Date(Date.parse(sections[0]!.document.issueStart!) + 3_600_000));
    for (const s of sections) {
      await pool(bidders, 4, async (b) => {
        const res = await built.app.inject({
          method: 'POST',
          url: `/api/v1/tender-documents/${s.documentId}/downloads`,
          headers: { cookie: b.cookie },
          payload: {},
        });
        if (res.statusCode !== 201) throw new Error(`download failed: ${res.statusCode} ${res.body}`);
      });
    }
    if (options.extraSetup)
      await options.extraSetup(t, {
        dir,
        blobDir,
        trustDir,
        signingKeyFile,
        dataDir,
        databaseUrl: postgres?.url,
        ca,
        registered,
        sections,
        bidders,
      });
  } finally {
    await built.app.close();
    await jobs.stop(1000);
    await database.close();
  }

  const withDb = async <T>(fn: (db: Database) => Promise<T>): Promise<T> => {
    const db = await openDatabase(target);
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  };
  return {
    dir,
    blobDir,
    trustDir,
    signingKeyFile,
    dataDir,
    databaseUrl: postgres?.url,
    ca,
    registered,
    sections,
    bidders,
    withDb,
    setDeadline: (sectionId, at) =>
      withDb(async (db) => {
        await sql`UPDATE projects.section SET timetable = jsonb_set(timetable, '{bidDeadline}', to_jsonb(${at.toISOString()}::text)) WHERE id = ${sectionId}`.execute(
          db.db,
        );
      }),
    serverEnv: (extra = {}) => ({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      BLOB_DIR: blobDir,
      TRUST_STORE_DIR: trustDir,
      SIGNING_KEY_FILE: signingKeyFile,
      LOG_LEVEL: 'warn',
      JOBS: 'off',
      SANDBOX: 'on',
      TIME_TRUST: 'lenient',
      NTP_SERVERS: '127.0.0.1:9',
      RATE_LIMIT_SCALE: '100000',
      PASSWORD_COST: '10',
      ...(postgres ? { DATABASE_URL: postgres.url } : { DATABASE_URL: '' }),
      ...extra,
    }),
    async destroy() {
      await postgres?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * N active bidder entities: the first registered through the route, the others copies of its rows
 * (every column, so new columns come along) with their own ids, names, credit codes and usernames.
 */
async function makeBidders(t: TestApp, n: number): Promise<WorldBidder[]> {
  const body = registrationBody({ roles: ['bidder'] });
  const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.statusCode} ${res.body}`);
  const templateId = (res.json() as { entity: { id: string } }).entity.id;
  const db = t.database.db;
  const tag = randomBytes(3).toString('hex');
  const rows = Array.from({ length: n - 1 }, (_, i) => {
    const first17 = `91150602MA${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}${String(i).padStart(3, '0')}`.slice(
      0,
      17,
    );
    return {
      entityId: randomUUID(),
      userId: randomUUID(),
      name: `压测投标建设有限公司${tag}${i}`,
      creditCode: first17 + creditCodeCheckChar(first17),
      username: `rush${tag}x${i}`,
    };
  });
  // Credit codes must be unique: redraw the few that repeat.
  const seen = new Set<string>([body.entity.creditCode]);
  for (const r of rows) {
    while (seen.has(r.creditCode)) {
      const first17 = `91150602MB${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
      r.creditCode = first17 + creditCodeCheckChar(first17);
    }
    seen.add(r.creditCode);
  }
  const columns = async (table: string) =>
    (
      await sql<{
        column_name: string;
      }>`SELECT column_name FROM information_schema.columns WHERE table_schema = 'identity' AND table_name = ${table} ORDER BY ordinal_position`.execute(
        db,
      )
    ).rows.map((r) => r.column_name);
  const literal = (v: string) => `'${v.replace(/'/g, "''")}'`;
  /** Copies the row `where` once per element of the arrays, with `overrides` (column → n.vK) from them. */
  const copy = async (table: string, overrides: Record<string, string>, where: string, values: string[][], types: string[]) => {
    const cols = await columns(table);
    const select = cols.map((c) => overrides[c] ?? `t.${c}`).join(', ');
    const arrays = values.map((v, i) => `ARRAY[${v.map(literal).join(',')}]::${types[i]}[]`).join(', ');
    const names = values.map((_, i) => `v${i}`).join(', ');
    await sql
      .raw(
        `INSERT INTO identity.${table} (${cols.join(', ')}) SELECT ${select} FROM identity.${table} t, unnest(${arrays}) AS n(${names}) WHERE ${where}`,
      )
      .execute(db);
  };
  if (rows.length) {
    const template = await sql<{ id: string }>`SELECT id FROM identity.user_account WHERE entity_id = ${templateId}`.execute(db);
    const templateUser = template.rows[0]!.id;
    await copy(
      'market_entity',
      { id: 'n.v0', name: 'n.v1', credit_code: 'n.v2', applicant_user_id: 'n.v3' },
      `t.id = '${templateId}'`,
      [rows.map((r) => r.entityId), rows.map((r) => r.name), rows.map((r) => r.creditCode), rows.map((r) => r.userId)],
      ['uuid', 'text', 'text', 'uuid'],
    );
    await copy(
      'user_account',
      { id: 'n.v0', username: 'n.v1', entity_id: 'n.v2' },
      `t.id = '${templateUser}'`,
      [rows.map((r) => r.userId), rows.map((r) => r.username), rows.map((r) => r.entityId)],
      ['uuid', 'text', 'uuid'],
    );
  }
  const templateUser = (
    await sql<{ id: string }>`SELECT id FROM identity.user_account WHERE entity_id = ${templateId}`.execute(db)
  ).rows[0]!.id;
  const all = [
    {
      entityId: templateId,
      userId: templateUser,
      name: body.entity.name,
      creditCode: body.entity.creditCode,
      username: body.account.username,
    },
    ...rows,
  ];
  // A live session each, valid from the setup clock until a day from now (real time): the child server runs on real time.
  const now = t.clock.now();
  const expires = new Date(Date.now() + DAY);
  const tokens = all.map(() => randomBytes(32).toString('base64url'));
  for (let i = 0; i < all.length; i += 500) {
    const slice = all.slice(i, i + 500);
    await db
      .insertInto('identity.session')
      .values(
        slice.map((b, k) => ({
          token_hash: createHash('sha256')
            .update(tokens[i + k]!)
            .digest('hex'),
          user_id: b.userId,
          stage: 'active',
          created_at: now,
          expires_at: expires,
          last_seen_at: now,
          revoked_at: null,
          revoked_reason: null,
          ip: '127.0.0.1',
          user_agent: 'bidhall-world',
        })),
      )
      .execute();
  }
  return all.map((b, i) => ({ ...b, cookie: `bh_session=${tokens[i]}`, certPem: '', key: undefined as unknown as PrivateKey }));
}
