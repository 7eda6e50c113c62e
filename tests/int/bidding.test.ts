import type { BidReceiptResponse, BidView } from '@bidhall/contracts';
import { canonicalJson, concat, fromHex, gmSuite, publicKeyFromPem, signJson, signManifest, sm3, toHex, verifyJson } from '@bidhall/crypto';
import { checkLogReceipt } from '@bidhall/crypto/log-verify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTimestampToken } from '../../apps/server/src/platform/time/time-authority.ts';
import {
  biddingSection,
  certifiedBidder,
  defaultFiles,
  requirements,
  sealBid,
  submitBid,
  uploadPart,
  withdrawBid,
  type Bidder,
  type BiddingSection,
} from '../support/bidding-fixtures.ts';
import { api, createDocumentsTestApp, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { createPlatformUser, login, type TestApp } from '../support/test-app.ts';

let d: DocumentsTestApp;
let t: TestApp;
let s: BiddingSection;
let logKeyPem: string;

beforeAll(async () => {
  d = await createDocumentsTestApp();
  t = d.t;
  s = await biddingSection(d);
  logKeyPem = (await t.built.app.inject({ method: 'GET', url: '/api/v1/log/key' })).json().publicKeyPem;
}, 180_000);
afterAll(async () => d?.close());

const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) => api(t).call(method, url, cookie, payload);

/** The receipt's platform signature, its timestamp over the manifest SM3, its commitment and the log's inclusion proof. */
function expectVerifies(res: BidReceiptResponse) {
  const { receipt, logReceipt } = res;
  const key = publicKeyFromPem(logKeyPem);
  const { signature, ...body } = receipt;
  expect(verifyJson(body, signature, key)).toBe(true);
  expect(verifyTimestampToken(receipt.timestamp, key, receipt.manifestSm3)).toBe(true);
  const { commitment, salt, logIndex, timestamp: _t, ...core } = body;
  expect(toHex(sm3(concat(fromHex(salt), canonicalJson(core))))).toBe(commitment);
  const checked = checkLogReceipt(logReceipt, logKeyPem);
  expect(checked.ok, JSON.stringify(checked.checks)).toBe(true);
  expect(logReceipt.index).toBe(logIndex);
  // The public entry is the commitment and nothing else.
  expect(JSON.parse(logReceipt.entry)).toEqual({ type: 'sealedBidEvent', occurredAt: receipt.receivedAt, commitment, logIndex });
}

async function newBidder(): Promise<Bidder> {
  return certifiedBidder(d, s.doc.id);
}

describe('sealed bids', () => {
  it('[A-87] a bidder that obtained the document reads what it requires and the section’s custodians; one that did not is asked to download it', async () => {
    const b = await newBidder();
    const req = await requirements(t, s.r.sectionId, b.cookie);
    expect(req.document).toMatchObject({ id: s.doc.id, version: s.doc.version, contentSm3: s.doc.contentSm3 });
    expect(req.document.parts.map((p) => p.key)).toEqual(['commercial', 'technical', 'qualification', 'pricedBill']);
    expect(req.document.requirements.find((r) => r.key === 'durationDays')).toMatchObject({ value: '180' });
    expect(req.sealing.custodians.map((c) => [c.index, c.holder])).toEqual([
      [1, 'centre'],
      [2, 'supervisor'],
      [3, 'tenderer'],
    ]);
    expect(req.sealing.threshold).toBe(2);
    const set = { threshold: 2, keys: req.sealing.custodians.map((c) => ({ index: c.index, keyId: c.keyId })) };
    expect(req.sealing.custodianSetSm3).toBe(toHex(sm3(canonicalJson(set))));
    expect(req).toMatchObject({ open: true, bidDeadline: s.bidDeadline, bond: { required: false } });

    const stranger = await certifiedBidder(d);
    const refused = await call('GET', `/api/v1/sections/${s.r.sectionId}/bidding`, stranger.cookie);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'DOWNLOAD_REQUIRED' });
  });

  it('[A-91] [A-94] [A-101] a sealed bid is checked without decrypting, stored once and answered with a signed receipt whose timestamp and log inclusion proof verify', async () => {
    const b = await newBidder();
    const req = await requirements(t, s.r.sectionId, b.cookie);
    const bid = await sealBid(req, b);
    const res = await submitBid(t, b, s.r.sectionId, bid);
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json() as BidReceiptResponse;
    expect(receipt.receipt).toMatchObject({ event: 'submitted', sectionId: s.r.sectionId, entity: { id: b.entityId }, parts: 5 });
    expect(receipt.receipt.ciphertextBytes).toBe(bid.parts.reduce((n, p) => n + p.sealed.length, 0));
    expect(receipt.receipt.manifestSm3).toBe(toHex(sm3(canonicalJson(bid.signed))));
    expectVerifies(receipt);

    // The same submission again (a lost answer, a double click) gets the same receipt; nothing is stored twice.
    const again = await call('POST', `/api/v1/sections/${s.r.sectionId}/bids`, b.cookie, {
      signedManifest: bid.signed,
      certificatePem: b.certificatePem,
      parts: bid.parts.map((p) => ({ partId: p.partId, uploadId: 'used-already' })),
    });
    expect(again.statusCode, again.body).toBe(201);
    expect((again.json() as BidReceiptResponse).receipt.receiptId).toBe(receipt.receipt.receiptId);
    const mine = (await call('GET', '/api/v1/bids/mine', b.cookie)).json() as BidView[];
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: receipt.receipt.bidId, status: 'submitted', sequence: 1, documentChanged: false, documentVersion: s.doc.version });
    expect(mine[0]!.parts.map((p) => p.name).sort()).toEqual(bid.signed.manifest.parts.map((p) => p.name).sort());
    expect(mine[0]!.receipts).toHaveLength(1);
    // The stored parts are the uploaded ciphertext, by hash in the blob store.
    const stored = await sql<{ blob_sm3: string; name: string }>`SELECT blob_sm3, name FROM bidding.bid_part WHERE bid_id = ${receipt.receipt.bidId}`.execute(t.database.db);
    for (const row of stored.rows) {
      const part = bid.parts.find((p) => p.name === row.name)!;
      expect(toHex(sm3(part.sealed))).toBe(row.blob_sm3);
    }
  });

  it('[A-99] a bid is modified (replaced with new parts) and supplemented (new parts beside kept ones) before the deadline', async () => {
    const b = await newBidder();
    const req = await requirements(t, s.r.sectionId, b.cookie);
    const first = await sealBid(req, b, { price: '1000000000' });
    const r1 = (await submitBid(t, b, s.r.sectionId, first)).json() as BidReceiptResponse;

    // Without naming the live bid a second bid is refused: one live bid per entity.
    const second = await sealBid(req, b, { price: '990000000', files: defaultFiles('v2') });
    const unnamed = await submitBid(t, b, s.r.sectionId, second);
    expect(unnamed.json()).toMatchObject({ code: 'BID_REPLACEMENT_INVALID' });

    const modified = await submitBid(t, b, s.r.sectionId, await sealBid(req, b, { price: '990000000', files: defaultFiles('v2') }), { replaces: r1.receipt.bidId });
    expect(modified.statusCode, modified.body).toBe(201);
    const r2 = modified.json() as BidReceiptResponse;
    expectVerifies(r2);

    // A supplement: a new bidSummary and technical file; the other files are kept from the bid it replaces.
    const keepFrom = (await sql<{ manifest: { manifest: typeof first.signed.manifest } }>`SELECT manifest FROM bidding.bid WHERE id = ${r2.receipt.bidId}`.execute(t.database.db)).rows[0]!.manifest.manifest.parts.filter(
      (p) => p.partKey && p.partKey !== 'technical',
    );
    expect(keepFrom).toHaveLength(3);
    const supplement = await sealBid(req, b, { files: [{ partKey: 'technical', name: '技术文件（补充）.pdf', bytes: Buffer.from('%PDF-1.7 补充') }], keep: keepFrom });
    const r3 = await submitBid(t, b, s.r.sectionId, supplement, { replaces: r2.receipt.bidId, keep: keepFrom.map((p) => p.partId) });
    expect(r3.statusCode, r3.body).toBe(201);
    expectVerifies(r3.json() as BidReceiptResponse);

    const mine = (await call('GET', '/api/v1/bids/mine', b.cookie)).json() as BidView[];
    expect(mine.map((m) => [m.sequence, m.status])).toEqual([
      [3, 'submitted'],
      [2, 'superseded'],
      [1, 'superseded'],
    ]);
    const latest = mine[0]!;
    expect(latest.replaces).toBe(r2.receipt.bidId);
    expect(latest.parts.map((p) => p.name).sort()).toEqual([...keepFrom.map((p) => p.name), 'bidSummary', '技术文件（补充）.pdf'].sort());
    // A kept part is the same ciphertext as before.
    const previous = mine[1]!.parts;
    for (const k of keepFrom) expect(latest.parts.find((p) => p.partId === k.partId)).toEqual(previous.find((p) => p.partId === k.partId));
  });

  it('[A-99] a bid is withdrawn by a signed withdrawal and a new one submitted', async () => {
    const b = await newBidder();
    const req = await requirements(t, s.r.sectionId, b.cookie);
    const r1 = (await submitBid(t, b, s.r.sectionId, await sealBid(req, b))).json() as BidReceiptResponse;

    const forged = await call('POST', `/api/v1/bids/${r1.receipt.bidId}/withdrawal`, b.cookie, {
      certificatePem: b.certificatePem,
      signature: signJson({ bidId: r1.receipt.bidId, action: 'withdraw' }, gmSuite.generateKeyPair()),
    });
    expect(forged.json()).toMatchObject({ code: 'BID_SIGNATURE_INVALID' });

    const withdrawn = await withdrawBid(t, b, r1.receipt.bidId);
    expect(withdrawn.statusCode, withdrawn.body).toBe(201);
    const w = withdrawn.json() as BidReceiptResponse;
    expect(w.receipt).toMatchObject({ event: 'withdrawn', bidId: r1.receipt.bidId });
    expectVerifies(w);
    expect(((await withdrawBid(t, b, r1.receipt.bidId)).json() as BidReceiptResponse).receipt.receiptId).toBe(w.receipt.receiptId);

    const again = await submitBid(t, b, s.r.sectionId, await sealBid(req, b, { price: '1100000000' }));
    expect(again.statusCode, again.body).toBe(201);
    const mine = (await call('GET', '/api/v1/bids/mine', b.cookie)).json() as BidView[];
    expect(mine.map((m) => m.status)).toEqual(['submitted', 'withdrawn']);
    expect(mine[1]!.withdrawnAt).not.toBeNull();
    expect(mine[1]!.receipts.map((r) => r.receipt.event)).toEqual(['submitted', 'withdrawn']);
  });

  it('[A-94] [A-96] parts sealed to other custodians or another key, bytes that are not the manifest’s, and plaintext are refused, naming the part', async () => {
    const b = await newBidder();
    const req = await requirements(t, s.r.sectionId, b.cookie);

    const others = [gmSuite.generateKeyPair(), gmSuite.generateKeyPair()].map((k) => ({ publicKey: k.publicKey, label: '别人' }));
    const wrongSet = await submitBid(t, b, s.r.sectionId, await sealBid(req, b, { custodians: others, threshold: 2 }));
    expect(wrongSet.statusCode).toBe(422);
    expect(wrongSet.json()).toMatchObject({ code: 'BID_NOT_SEALED', details: { field: 'custodians', name: 'bidSummary' } });

    const wrongKey = await submitBid(t, b, s.r.sectionId, await sealBid(req, b, { wrapTo: gmSuite.generateKeyPair() }));
    expect(wrongKey.statusCode).toBe(422);
    expect(wrongKey.json()).toMatchObject({ code: 'BID_MANIFEST_MISMATCH', details: { field: 'bidderKey' } });

    // The manifest lists other bytes than those uploaded for the technical file (signed as listed).
    const bid = await sealBid(req, b);
    const tampered = structuredClone(bid.signed.manifest);
    const technical = tampered.parts.find((p) => p.partKey === 'technical')!;
    technical.ciphertextHash = toHex(sm3(new Uint8Array([1, 2, 3])));
    const mismatch = await submitBid(t, b, s.r.sectionId, { ...bid, signed: signManifest(tampered, b.key) });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json()).toMatchObject({ code: 'BID_MANIFEST_MISMATCH', details: { field: 'ciphertext', name: technical.name } });

    // A manifest not signed by the bound certificate's key.
    const other = await sealBid(req, b);
    const unsigned = await submitBid(t, b, s.r.sectionId, { ...other, signed: signManifest(other.signed.manifest, gmSuite.generateKeyPair()) });
    expect(unsigned.json()).toMatchObject({ code: 'BID_SIGNATURE_INVALID' });

    // Plaintext never gets in: the upload refuses bytes that are not a sealed part.
    const plain = await uploadPart(t, b.cookie, s.r.sectionId, { partId: 'a'.repeat(32), name: '商务文件.pdf', sealed: Buffer.from('%PDF-1.7 plain text, not sealed') });
    expect(plain.status).toBe(422);
    expect(JSON.parse(plain.body)).toMatchObject({ code: 'BID_NOT_SEALED' });

    expect((await call('GET', '/api/v1/bids/mine', b.cookie)).json()).toEqual([]);
  });

  it('[A-94] a bid missing a part the document requires, or with a file type it does not take, is refused', async () => {
    const b = await newBidder();
    const req = await requirements(t, s.r.sectionId, b.cookie);
    const missing = await submitBid(t, b, s.r.sectionId, await sealBid(req, b, { files: defaultFiles().filter((f) => f.partKey !== 'qualification') }));
    expect(missing.json()).toMatchObject({ code: 'BID_INCOMPLETE', details: { partKey: 'qualification' } });
    const files = defaultFiles().map((f) => (f.partKey === 'technical' ? { ...f, name: '技术文件.exe' } : f));
    const wrongType = await submitBid(t, b, s.r.sectionId, await sealBid(req, b, { files }));
    expect(wrongType.json()).toMatchObject({ code: 'BID_INCOMPLETE', details: { partKey: 'technical' } });
  });

  it('[A-102] [A-104] a document that asks for a bid bond refuses a bid without it or with too little paid, naming the bond status; a deposit recorded from the bank statement in full is accepted', async () => {
    const withBond = await biddingSection(d, { instructions: { bidBondFen: '8000000' } });
    const b = await certifiedBidder(d, withBond.doc.id);
    const req = await requirements(t, withBond.r.sectionId, b.cookie);
    expect(req.bond).toEqual({ required: true, amountFen: '8000000', forms: ['deposit', 'guarantee'] });
    const none = await submitBid(t, b, withBond.r.sectionId, await sealBid(req, b));
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ code: 'BOND_NOT_MET', details: { status: 'missing' } });
    const unpaid = await submitBid(t, b, withBond.r.sectionId, await sealBid(req, b, { bond: { form: 'deposit' } }));
    expect(unpaid.statusCode).toBe(422);
    expect(unpaid.json()).toMatchObject({ code: 'BOND_NOT_MET' });
    expect((unpaid.json() as { details: { status: string } }).details.status).toBe('missing');

    // Paid into the bidder's virtual sub-account through the (sandbox) bank, imported by the centre from its statement.
    const account = (await call('POST', `/api/v1/bond-accounts/mine?sectionId=${withBond.r.sectionId}`, b.cookie)).json() as { accountNumber: string };
    const from = t.clock.now();
    const pay = async (amountFen: string) => {
      const res = await t.built.app.inject({ method: 'POST', url: '/sandbox/bank/transfers', payload: { payeeAccount: account.accountNumber, amountFen, payerAccount: '6222020200112233', payerName: b.name } });
      expect(res.statusCode, res.body).toBe(201);
      const csv = (await t.built.app.inject({ method: 'GET', url: `/sandbox/bank/statements?from=${from.toISOString()}&to=${new Date(t.clock.now().getTime() + 1000).toISOString()}&format=csv` })).body;
      const staff = await withBond.custodians.staffLogin();
      const imported = await t.built.app.inject({ method: 'POST', url: '/api/v1/bank-statements?name=statement.csv', headers: { cookie: staff, 'content-type': 'application/octet-stream' }, payload: Buffer.from(csv) });
      expect(imported.statusCode, imported.body).toBe(201);
    };
    await pay('3000000');
    const short = await submitBid(t, b, withBond.r.sectionId, await sealBid(req, b, { bond: { form: 'deposit' } }));
    expect(short.json()).toMatchObject({ code: 'BOND_NOT_MET', details: { status: 'short' } });
    t.clock.advance(60_000);
    await pay('5000000');
    const paid = await submitBid(t, b, withBond.r.sectionId, await sealBid(req, b, { bond: { form: 'deposit' } }));
    expect(paid.statusCode, paid.body).toBe(201);
    const view = (await call('GET', `/api/v1/bids/${(paid.json() as BidReceiptResponse).receipt.bidId}`, b.cookie)).json() as BidView;
    expect(view.bond).toMatchObject({ form: 'deposit', status: 'ok' });
  });

  it('[A-99] after a clarification the bidder is told its bid answers an earlier version, and confirms it; a bid sealed for the old version is refused', async () => {
    const section = await biddingSection(d);
    const b = await certifiedBidder(d, section.doc.id);
    const req = await requirements(t, section.r.sectionId, b.cookie);
    const r1 = (await submitBid(t, b, section.r.sectionId, await sealBid(req, b))).json() as BidReceiptResponse;

    const manager = await section.r.tenderer.relogin();
    const draft = await call('POST', `/api/v1/tender-documents/${section.doc.id}/clarifications`, manager, { kind: 'clarification', title: '关于工期的澄清', bodyHtml: '<p>工期不变。</p>' });
    expect(draft.statusCode, draft.body).toBe(201);
    const issued = await call('POST', `/api/v1/clarifications/${(draft.json() as { id: string }).id}/issue`, manager);
    expect(issued.statusCode, issued.body).toBe(200);

    const view = (await call('GET', `/api/v1/bids/${r1.receipt.bidId}`, b.cookie)).json() as BidView;
    expect(view).toMatchObject({ documentChanged: true, documentVersion: req.document.version, confirmedDocumentVersion: null });
    const told = await sql<{ topic: string }>`SELECT topic FROM notifications.message WHERE recipient_id = ${b.entityId} AND topic = 'bidDocumentChanged'`.execute(t.database.db);
    expect(told.rows).toHaveLength(1);

    const current = await requirements(t, section.r.sectionId, b.cookie);
    expect(current.document.version).toBe(req.document.version + 1);
    const old = await submitBid(t, b, section.r.sectionId, await sealBid(req, b, { price: '1' }), { replaces: r1.receipt.bidId });
    expect(old.statusCode).toBe(409);
    expect(old.json()).toMatchObject({ code: 'DOCUMENT_CHANGED', details: { currentVersion: current.document.version } });

    const confirmed = await call('POST', `/api/v1/bids/${r1.receipt.bidId}/confirmation`, b.cookie, {
      documentVersion: current.document.version,
      certificatePem: b.certificatePem,
      signature: signJson({ bidId: r1.receipt.bidId, documentVersion: current.document.version, documentSm3: current.document.contentSm3 }, b.key),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ documentChanged: false, confirmedDocumentVersion: current.document.version });
  });

  it('[A-107] before the opening nobody but the bidder learns that a bid exists: every other account gets not-found, the public log holds only commitments, the audit trail nothing', async () => {
    const b = await newBidder();
    const req = await requirements(t, s.r.sectionId, b.cookie);
    const auditBefore = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM platform.audit_event`.execute(t.database.db)).rows[0]!.n);
    const r = (await submitBid(t, b, s.r.sectionId, await sealBid(req, b))).json() as BidReceiptResponse;
    const bidId = r.receipt.bidId;

    // Uploading and submitting wrote no audit row (their count would be the count of bids).
    const auditAfter = await sql<{ action: string; target_id: string | null; details: unknown }>`SELECT action, target_id, details FROM platform.audit_event ORDER BY id OFFSET ${auditBefore}`.execute(t.database.db);
    expect(auditAfter.rows.filter((row) => JSON.stringify(row).includes(bidId) || JSON.stringify(row).includes(b.entityId) || row.action.startsWith('bidding.bid'))).toEqual([]);

    const others: { name: string; cookie: string }[] = [
      { name: 'staff of the city', cookie: await s.custodians.staffLogin() },
      { name: 'tenderer', cookie: await s.r.tenderer.relogin() },
      { name: 'supervisor', cookie: await s.custodians.supervisorLogin() },
      { name: 'another bidder', cookie: (await newBidder()).cookie },
    ];
    for (const kind of ['admin', 'auditor'] as const) {
      const username = `bids.${kind}.${Math.floor(Math.random() * 1e6)}`;
      await createPlatformUser(t, { username, kind, regionCode: '150600' });
      others.push({ name: kind, cookie: await login(t, username) });
    }
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const o of others) {
      for (const id of [bidId, missing]) {
        const got = await call('GET', `/api/v1/bids/${id}`, o.cookie);
        expect({ who: o.name, status: got.statusCode, code: (got.json() as { code: string }).code }).toEqual({ who: o.name, status: 404, code: 'BID_NOT_FOUND' });
        const w = await call('POST', `/api/v1/bids/${id}/withdrawal`, o.cookie, { certificatePem: b.certificatePem, signature: r.receipt.signature });
        expect({ who: o.name, code: (w.json() as { code: string }).code }).toEqual({ who: o.name, code: 'BID_NOT_FOUND' });
      }
      const mine = await call('GET', '/api/v1/bids/mine', o.cookie);
      if (mine.statusCode === 200) expect(mine.json()).toEqual([]);
      // Nothing any of them can read mentions the bid or the bidder's entity next to the section.
      for (const url of ['/api/v1/audit-events?limit=200', `/api/v1/sections/${s.r.sectionId}`, '/api/v1/notifications']) {
        const res = await call('GET', url, o.cookie);
        expect(res.body.includes(bidId), `${o.name} ${url}`).toBe(false);
      }
    }

    // The public log: every bid event is a bare commitment; no entry names the section, the bidder or its bid.
    const size = (await t.built.app.inject({ method: 'GET', url: '/api/v1/log/tree-head' })).json().treeSize as number;
    const entries = (await t.built.app.inject({ method: 'GET', url: `/api/v1/log/entries?start=0&end=${size}` })).json() as { entry: string }[];
    const sealed = entries.map((e) => JSON.parse(e.entry) as Record<string, unknown>).filter((e) => e.type === 'sealedBidEvent');
    expect(sealed.length).toBeGreaterThan(0);
    for (const e of sealed) expect(Object.keys(e).sort()).toEqual(['commitment', 'logIndex', 'occurredAt', 'type']);
    for (const e of entries) {
      expect(e.entry.includes(bidId)).toBe(false);
      if (e.entry.includes(b.entityId)) expect(JSON.parse(e.entry).action).not.toMatch(/^bidding\.bid/);
    }
  });

  it('[A-100] bids are ordered by the time the platform received them, ties included', async () => {
    const section = await biddingSection(d);
    const bidders = [await certifiedBidder(d, section.doc.id), await certifiedBidder(d, section.doc.id), await certifiedBidder(d, section.doc.id)];
    const received: string[] = [];
    const at = t.clock.now();
    for (const b of bidders) {
      t.clock.set(at);
      const req = await requirements(t, section.r.sectionId, b.cookie);
      const res = (await submitBid(t, b, section.r.sectionId, await sealBid(req, b))).json() as BidReceiptResponse;
      expect(res.receipt.receivedAt).toBe(at.toISOString());
      received.push(res.receipt.bidId);
    }
    const order = await t.built.bidding.services.views.inReceiptOrder(t.database.db, section.r.sectionId);
    expect(order.map((o) => o.id)).toEqual(received);
  });

  it('[A-91] [A-92] [A-99] one second before the deadline a bid is accepted; at it and a second after, submission, modification and withdrawal are refused', async () => {
    const section = await biddingSection(d);
    const [early, late] = [await certifiedBidder(d, section.doc.id), await certifiedBidder(d, section.doc.id)];
    const earlyReq = await requirements(t, section.r.sectionId, early.cookie);
    const r1 = (await submitBid(t, early, section.r.sectionId, await sealBid(earlyReq, early))).json() as BidReceiptResponse;
    const lateReq = await requirements(t, section.r.sectionId, late.cookie);
    const lateBid = await sealBid(lateReq, late);
    const modification = await sealBid(earlyReq, early, { price: '1' });
    const deadline = Date.parse(section.bidDeadline);

    // The sessions outlive the jump to the deadline.
    t.clock.set(new Date(deadline - 1000));
    const earlyCookie = await early.relogin();
    const lateCookie = await late.relogin();
    const e = { ...early, cookie: earlyCookie };
    const l = { ...late, cookie: lateCookie };
    const uploads: { partId: string; uploadId: string }[] = [];
    for (const part of lateBid.parts) uploads.push({ partId: part.partId, uploadId: (await uploadPart(t, lateCookie, section.r.sectionId, part)).uploadId });
    const modUploads: { partId: string; uploadId: string }[] = [];
    for (const part of modification.parts) modUploads.push({ partId: part.partId, uploadId: (await uploadPart(t, earlyCookie, section.r.sectionId, part)).uploadId });

    t.clock.set(new Date(deadline - 1000));
    const submit = (cookie: string, bid: typeof lateBid, parts: typeof uploads, b: Bidder, replaces?: string) =>
      call('POST', `/api/v1/sections/${section.r.sectionId}/bids`, cookie, { signedManifest: bid.signed, certificatePem: b.certificatePem, parts, ...(replaces ? { replaces } : {}) });
    const inTime = await submit(lateCookie, lateBid, uploads, l);
    expect(inTime.statusCode, inTime.body).toBe(201);
    expect((inTime.json() as BidReceiptResponse).receipt.receivedAt).toBe(new Date(deadline - 1000).toISOString());

    for (const at of [deadline, deadline + 1000]) {
      t.clock.set(new Date(at));
      const modified = await submit(earlyCookie, modification, modUploads, e, r1.receipt.bidId);
      expect(modified.statusCode).toBe(409);
      expect(modified.json()).toMatchObject({ code: 'BIDDING_CLOSED', details: { bidDeadline: new Date(deadline).toISOString() } });
      const withdrawn = await withdrawBid(t, e, r1.receipt.bidId);
      expect(withdrawn.json()).toMatchObject({ code: 'BIDDING_CLOSED' });
      const req = await requirements(t, section.r.sectionId, earlyCookie);
      expect(req.open).toBe(false);
    }
    const views = (await call('GET', '/api/v1/bids/mine', earlyCookie)).json() as BidView[];
    expect(views.map((v) => v.status)).toEqual(['submitted']);
  });
});
