/**
 * Secrecy at rest (issue 10, Reliability; B-016, B-042, A-96): bids are submitted to a real server
 * process; before the deadline its whole state is taken — every row of every table, every file under
 * its data folder (blob store, unfinished uploads, the database files on PGlite), the platform key
 * file and every key derived from it, its configuration — and everything in it is tried against the
 * bids: every private key it holds against the bidder's wrapped key and each custodian share, every
 * 32-byte secret it holds as the content key, any custodian shares it holds combined, and the bids'
 * known plaintext searched for in every row and every byte. Nothing recovers anything.
 *
 * The same machinery recovers the bids with the keys the server does not hold (the bidder's own, or
 * two custodians'), so the test would notice a server that kept any of them.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BiddingRequirements, BidReceiptResponse } from '@bidhall/contracts';
import {
  decodePemAll,
  fromBase64,
  fromHex,
  hmacSm3,
  keyId,
  openShare,
  privateKeyFromPem,
  recoverContentKey,
  sealedHeaderOf,
  toBase64,
  unsealBytes,
  unwrapForBidder,
  utf8,
  type OpenedShare,
  type PartHeader,
  type PrivateKey,
} from '@bidhall/crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, sealBid, tusCreate, tusPatch, uploadAndSubmit } from '../reliability/bid-client.ts';
import { registerCustodians, type HeldCustodian } from '../reliability/custodians.ts';
import { startServerProcess, type ServerProcess } from '../reliability/server-process.ts';
import { createWorld, type World } from '../reliability/world.ts';

const SERVER_SRC = join(import.meta.dirname, '../../apps/server/src');

let world: World;
let server: ServerProcess | undefined;
let custodians: HeldCustodian[] = [];
const secrets: { price: string; marker: string; entityId: string; key: PrivateKey }[] = [];
let serverEnv: Record<string, string> = {};

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : e.isFile() ? [p] : [];
  });
}

/** The purposes the server derives keys for (derivedKey(signingKey, '…')), read from its source. */
function derivedPurposes(): string[] {
  const purposes = new Set<string>();
  for (const f of filesUnder(SERVER_SRC).filter((p) => p.endsWith('.ts'))) {
    for (const m of readFileSync(f, 'utf8').matchAll(/derivedKey\([^,()]+,\s*['"`]([^'"`]+)['"`]\)/g)) purposes.add(m[1]!);
  }
  return [...purposes];
}

beforeAll(async () => {
  world = await createWorld({
    bidders: 3,
    extraSetup: async (t, w) => {
      custodians = await registerCustodians(t, w);
    },
  });
  await world.setDeadline(world.sections[0]!.sectionId, new Date(Date.now() + 3_600_000));
  serverEnv = world.serverEnv();
  server = await startServerProcess(serverEnv);
  const sectionId = world.sections[0]!.sectionId;
  const req = await getJson<BiddingRequirements>(`${server.url}/api/v1/sections/${sectionId}/bidding`, world.bidders[0]!.cookie);
  for (const b of world.bidders) {
    const price = `7${randomBytes(6).readUIntBE(0, 6).toString().padStart(14, '0').slice(0, 14)}`;
    const marker = `SEALED-MARKER-${randomBytes(12).toString('hex')}`;
    secrets.push({ price, marker, entityId: b.entityId, key: b.key });
    const files = Object.fromEntries(
      req.document.parts.map((p) => [p.key, utf8(`%PDF-1.7 ${p.name} ${marker} 投标报价 ${price} 元`)]),
    );
    const bid = await sealBid(req, b, { summary: { price, durationDays: '300', quality: `合格 ${marker}` }, files });
    const answer = await uploadAndSubmit(server.url, b.cookie, sectionId, bid, b.certPem);
    expect(answer.status, answer.body.toString()).toBe(201);
    expect(answer.json<BidReceiptResponse>().receipt.bidId).toBeTruthy();
  }
  // An upload left unfinished is at rest too (in the upload folder).
  const last = world.bidders[0]!;
  const extra = await sealBid(req, last, {
    summary: { price: secrets[0]!.price },
    files: { technical: utf8(`unfinished ${secrets[0]!.marker} `.repeat(2000)) },
  });
  const part = extra.parts.find((p) => p.header.name.startsWith('technical'))!;
  const created = await tusCreate(
    server.url,
    last.cookie,
    { sectionId, partId: part.header.partId, name: part.header.name },
    part.sealed.length,
  );
  expect(created.url).toBeTruthy();
  expect((await tusPatch(created.url, last.cookie, 0, part.sealed.subarray(0, Math.floor(part.sealed.length / 2)))).status).toBe(
    204,
  );
  // The copy is taken before the deadline, with the server stopped (a consistent copy of its files).
  await server.stop();
  server = undefined;
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await world?.destroy();
});

describe('secrecy at rest', () => {
  it('[B-016][B-042][A-96] with a full copy of the database, the blob store, the uploads and every key the server holds, no bid content can be recovered', async () => {
    // 1. The full copy: every row of every table as text, and every file of the server's folders.
    const rows = await world.withDb(async (database) => {
      const tables = await sql<{ s: string; t: string }>`
        SELECT table_schema AS s, table_name AS t FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`.execute(database.db);
      const out: string[] = [];
      for (const { s, t } of tables.rows) {
        const r = await sql<{ row: string }>`SELECT x::text AS row FROM ${sql.table(`${s}.${t}`)} x`.execute(database.db);
        out.push(...r.rows.map((x) => x.row));
      }
      return out;
    });
    expect(rows.length).toBeGreaterThan(100);
    const files = [...new Set([...filesUnder(world.dataDir), ...filesUnder(world.trustDir)])];
    const fileBytes = files.map((f) => ({ f, bytes: readFileSync(f) }));
    const config = JSON.stringify(serverEnv);

    // 2. The sealed parts at rest: every file that is a sealed part (blobs; a finished upload's start).
    const headers: { file: string; header: PartHeader; bytes: Buffer }[] = [];
    for (const { f, bytes } of fileBytes) {
      if (bytes.subarray(0, 8).toString('latin1') !== 'BHSEAL01') continue;
      // An unfinished upload may end inside its header: its bytes are still searched below.
      const header = await sealedHeaderOf(bytes).catch(() => null);
      if (header) headers.push({ file: f, header, bytes });
    }
    // Every submitted part of every bid is there (bidSummary + the files), plus the half upload.
    expect(headers.length).toBeGreaterThanOrEqual(world.bidders.length * 2);

    // 3. Every private key the server holds: PEM blocks in its files, its rows and its configuration.
    const pemText = [
      ...fileBytes.filter(({ bytes }) => bytes.length < 1_000_000).map(({ bytes }) => bytes.toString('utf8')),
      ...rows,
      config,
    ].join('\n');
    const privateKeys: { from: string; key: PrivateKey }[] = [];
    const blocksOf = (text: string) => {
      try {
        return decodePemAll(text.replace(/\\n/g, '\n'));
      } catch {
        return [];
      }
    };
    for (const text of pemText.split(/(?=-----BEGIN )/)) {
      for (const block of blocksOf(text)) {
        if (!/PRIVATE KEY/.test(block.label)) continue;
        try {
          privateKeys.push({
            from: block.label,
            key: privateKeyFromPem(`-----BEGIN ${block.label}-----\n${toBase64(block.der)}\n-----END ${block.label}-----\n`),
          });
        } catch {
          // not a key this suite reads
        }
      }
    }
    // At least the platform signing key is found (the copy is complete).
    expect(privateKeys.length).toBeGreaterThanOrEqual(1);

    // 4. Every 32-byte secret it holds: the signing key's scalar, every derived key, every 32-byte value
    //    in its rows (hex or base64) and files.
    const signing = privateKeyFromPem(readFileSync(world.signingKeyFile, 'utf8'));
    const candidates = new Map<string, Uint8Array>();
    const add = (v: Uint8Array) => v.length === 32 && candidates.set(Buffer.from(v).toString('hex'), v);
    for (const k of privateKeys) add((k.key as unknown as { d: Uint8Array }).d);
    add((signing as unknown as { d: Uint8Array }).d);
    const purposes = derivedPurposes();
    expect(purposes.length).toBeGreaterThan(0);
    for (const p of purposes) add(hmacSm3((signing as unknown as { d: Uint8Array }).d, utf8(`bidhall derived key: ${p}`)));
    const everything = [...rows, config];
    for (const text of everything) {
      for (const m of text.matchAll(/[0-9a-fA-F]{64}/g)) add(fromHex(m[0].toLowerCase()));
      for (const m of text.matchAll(/[A-Za-z0-9+/_-]{43}=?/g)) {
        try {
          add(fromBase64(m[0].replace(/-/g, '+').replace(/_/g, '/').padEnd(44, '=')));
        } catch {
          // not base64
        }
      }
      for (const m of text.matchAll(/\\\\x([0-9a-f]{64})\b/g)) add(fromHex(m[1]!));
    }
    expect(candidates.size).toBeGreaterThan(10);

    // 5. Custodian shares the server might hold, in any row.
    const heldShares: OpenedShare[] = [];
    for (const text of rows) {
      for (const m of text.matchAll(/\{[^{}]*"share"\s*:\s*"[^"]+"[^{}]*\}/g)) {
        try {
          heldShares.push(JSON.parse(m[0].replace(/\\"/g, '"')) as OpenedShare);
        } catch {
          // not JSON
        }
      }
    }

    const recovered: string[] = [];
    for (const { file, header } of headers) {
      const label = `${file.split('/').slice(-1)[0]} (${header.name})`;
      for (const k of privateKeys) {
        await unwrapForBidder(header, k.key).then(
          () => recovered.push(`${label}: unwrapped with a ${k.from} the server holds`),
          () => undefined,
        );
        await openShare(header, k.key).then(
          () => recovered.push(`${label}: a custodian share opened with a ${k.from} the server holds`),
          () => undefined,
        );
      }
      const check = header.keyCheck;
      for (const [hex, key] of candidates) {
        if (toBase64(hmacSm3(key, utf8('bidhall/v1/key-check'), utf8(header.partId))) === check)
          recovered.push(`${label}: content key ${hex.slice(0, 8)}… is held by the server`);
      }
      const mine = heldShares.filter((s) => (s as unknown as { partId?: string }).partId === header.partId);
      if (mine.length) {
        await recoverContentKey(header, mine).then(
          () => recovered.push(`${label}: recovered from ${mine.length} shares the server holds`),
          () => undefined,
        );
      }
    }
    expect(recovered).toEqual([]);

    // 6. The plaintext: prices and markers nowhere in any row or any byte (UTF-8 and UTF-16).
    const found: string[] = [];
    for (const s of secrets) {
      for (const needle of [s.marker, s.price]) {
        if (rows.some((r) => r.includes(needle))) found.push(`${needle} in a database row`);
        for (const { f, bytes } of fileBytes) {
          if (bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le')))
            found.push(`${needle} in ${f}`);
        }
      }
    }
    expect(found).toEqual([]);

    // The control: the same copy opens with the keys the server does not hold.
    const summaries = headers.filter((h) => h.header.name === 'bidSummary');
    expect(summaries.length).toBeGreaterThanOrEqual(world.bidders.length);
    let opened = 0;
    for (const h of summaries) {
      const owner = secrets.find((s) => h.header.bidder.keyId === keyId(s.key.publicKey));
      if (!owner) continue;
      const { plaintext } = await unsealBytes(h.bytes, { bidderKey: owner.key });
      expect(Buffer.from(plaintext).toString('utf8')).toContain(owner.price);
      const shares = await Promise.all(custodians.slice(0, 2).map((c) => openShare(h.header, c.key)));
      const viaShares = await unsealBytes(h.bytes, { shares });
      expect(Buffer.from(viaShares.plaintext).toString('utf8')).toContain(owner.price);
      opened++;
    }
    expect(opened).toBeGreaterThanOrEqual(world.bidders.length);
  }, 180_000);
});
