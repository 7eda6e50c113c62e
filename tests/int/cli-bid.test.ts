/**
 * `bidhall bid` against a real listening server (issue 10 §1, §2, §5): certificate login, the
 * requirements, an offline composition with a text part turned into PDF, sealing
 * on the bidder's side, a resumable submission that survives a dropped connection, the
 * receipt verified, a modification that keeps unchanged parts and a withdrawal.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BiddingRequirements, BidReceiptResponse, BidView } from '@bidhall/contracts';
import { privateKeyToPem, unsealBidSummary, type SignedManifest } from '@bidhall/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../apps/cli/src/test-support/run-cli.ts';
import { biddingSection, certifiedBidder, type Bidder, type BiddingSection } from '../support/bidding-fixtures.ts';
import { api, createDocumentsTestApp, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';

let d: DocumentsTestApp;
let t: TestApp;
let s: BiddingSection;
let bidder: Bidder;
let url: string;
let proxy: Proxy;
const dir = mkdtempSync(join(tmpdir(), 'bidhall-cli-bid-'));
const bid = (...args: string[]) => runCli(dir, 'bid', ...args);
const RESIDENT = { manager: '110101199003077571', member: '11010519491231002X' };

/** A TCP proxy in front of the server that can cut a tus PATCH after some bytes, and counts PATCH bytes. */
interface Proxy {
  url: string;
  cutAfter: number | null;
  patchBytes: number;
  /** The body bytes of the PATCH that was cut that reached the server before its connection dropped. */
  cutBodyBytes: number | null;
  close(): Promise<void>;
}

async function startProxy(target: URL): Promise<Proxy> {
  const sockets = new Set<net.Socket>();
  const p: Proxy = { url: '', cutAfter: null, patchBytes: 0, cutBodyBytes: null, close: async () => undefined };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    let inPatch = false;
    let cut = false;
    let sent = 0;
    /** This PATCH's bytes forwarded so far, and where its body starts. */
    let patchSent = 0;
    let bodyStart = 0;
    client.on('data', (chunk: Buffer) => {
      if (cut) return;
      if (chunk.subarray(0, 6).toString('latin1') === 'PATCH ') {
        inPatch = true;
        patchSent = 0;
        bodyStart = chunk.indexOf('\r\n\r\n') + 4; // the headers come in the request's first chunk
      } else if (/^(POST|HEAD|GET|DELETE) /.test(chunk.subarray(0, 7).toString('latin1'))) inPatch = false;
      if (inPatch) {
        sent += chunk.length;
        p.patchBytes += chunk.length;
        if (p.cutAfter !== null && sent > p.cutAfter) {
          // The connection drops in the middle of the upload: the bytes before the cut reach the server.
          cut = true;
          const kept = chunk.length - (sent - p.cutAfter);
          p.cutBodyBytes = patchSent + kept - bodyStart;
          upstream.end(chunk.subarray(0, kept));
          client.destroy();
          return;
        }
        patchSent += chunk.length;
      }
      upstream.write(chunk);
    });
    upstream.pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => {
      if (!cut) upstream.destroy(); // after a cut, upstream closes once its last bytes are through
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  p.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  p.close = () =>
    new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
  return p;
}

beforeAll(async () => {
  d = await createDocumentsTestApp();
  t = d.t;
  s = await biddingSection(d);
  url = await t.built.app.listen({ port: 0, host: '127.0.0.1' });
  proxy = await startProxy(new URL(url));
  bidder = await certifiedBidder(d); // has not obtained the document: the tool does it
  writeFileSync(join(dir, 'cert.pem'), bidder.certificatePem);
  writeFileSync(join(dir, 'key.pem'), privateKeyToPem(bidder.key), { mode: 0o600 });
  // A commercial part big enough to be cut in the middle of its upload.
  writeFileSync(
    join(dir, 'commercial.pdf'),
    Buffer.concat([Buffer.from('%PDF-1.7\n<< /Producer (WPS) >>\n'), randomBytes(3 * 1024 * 1024)]),
  );
  writeFileSync(join(dir, 'technical.md'), '# 施工组织设计\n\n本工程计划工期180日历天，质量标准为合格。\n');
  writeFileSync(join(dir, 'qualification.txt'), '资格审查资料\n营业执照、资质证书、安全生产许可证。\n');
  writeFileSync(join(dir, 'bill.xml'), '<清单><项目 编码="040101001" 单价="12.50">挖一般土方</项目></清单>');
}, 240_000);

afterAll(async () => {
  await proxy?.close();
  await d?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The session the tool keeps (one live session per account, F-12: the tool's login ended the fixture's). */
const cliCookie = () => (JSON.parse(readFileSync(join(dir, '.bidhall-session.json'), 'utf8')) as { cookie: string }).cookie;
const logKey = async () =>
  (await t.built.app.inject({ method: 'GET', url: '/api/v1/log/key' })).json<{ publicKeyPem: string }>().publicKeyPem;

describe('bidhall bid against a listening server', () => {
  let req: BiddingRequirements;
  let bidId: string;
  let receiptFile: string;

  it('[A-87] logs in with the certificate, obtains the document and shows what it requires with the server time', async () => {
    const login = await bid('login', '--url', proxy.url, '--cert', 'cert.pem', '--key', 'key.pem');
    expect(login.status, login.stderr).toBe(0);
    expect(login.stdout).toContain(`logged in to ${proxy.url} as ${bidder.username}`);
    expect(statSync(join(dir, '.bidhall-session.json')).mode & 0o777).toBe(0o600);

    const r = await bid('requirements', s.r.sectionId);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/obtained the tender document \(download receipt/);
    expect(r.stdout).toContain(`Bid deadline ${s.bidDeadline} — server time ${t.clock.now().toISOString()}`);
    expect(r.stdout).toMatch(/commercial\s+商务文件/);
    expect(r.stdout).toMatch(/price\s+/);
    expect(r.stdout).toMatch(/split 2-of-3 to the opening custodians/);
    req = JSON.parse(readFileSync(join(dir, 'sections', s.r.sectionId, 'requirements.json'), 'utf8')) as BiddingRequirements;
    const direct = await api(t).call('GET', `/api/v1/sections/${s.r.sectionId}/bidding`, cliCookie());
    expect(direct.statusCode, direct.body).toBe(200);
    expect(req).toEqual({ ...(direct.json() as BiddingRequirements), serverTime: req.serverTime });
    expect(readFileSync(join(dir, 'sections', s.r.sectionId, 'tender-document.json')).length).toBeGreaterThan(100);

    const again = await bid('requirements', s.r.sectionId);
    expect(again.status).toBe(0);
    expect(again.stdout).not.toMatch(/obtained the tender document/); // one download, one receipt
  }, 120_000);

  it('[A-88] [A-89] composes offline: every problem reported, then a complete bid with yuan converted to fen and the text parts as PDF', async () => {
    expect((await bid('init')).status).toBe(0);
    const incomplete = await bid('compose', '--set', 'price=1234567.891', '--manager', '张三,110101199003077578');
    expect(incomplete.status).toBe(1);
    expect(incomplete.stdout).toMatch(/more than two decimals/);
    expect(incomplete.stdout).toMatch(/wrong check character/);
    expect(incomplete.stdout).toMatch(/商务文件 \(commercial\) is required/);

    const fields = req.document.bidSummaryFields;
    const sets = fields
      .filter((f) => f.required && f.key !== 'price')
      .map(
        (f) => `${f.key}=${f.type === 'select' ? f.options![0] : f.type === 'integer' || f.type === 'money' ? '180' : '合格'}`,
      );
    const files = {
      commercial: 'commercial.pdf',
      technical: 'technical.md',
      qualification: 'qualification.txt',
      pricedBill: 'bill.xml',
    };
    const ok = await bid(
      'compose',
      '--set',
      'price=1234567.89',
      ...sets.flatMap((x) => ['--set', x]),
      '--manager',
      `张三,${RESIDENT.manager}`,
      '--member',
      `李四,${RESIDENT.member},技术负责人`,
      ...Object.entries(files)
        .filter(([k]) => req.document.parts.some((p) => p.key === k))
        .flatMap(([k, v]) => ['--file', `${k}=${v}`]),
    );
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/1,234,567\.89 yuan \(123456789 fen\)/);
    expect(ok.stdout).toMatch(/technical\/technical\.pdf \(converted from technical\.md\)/);
    expect(ok.stdout).toMatch(/complete: ready to seal/);
  }, 120_000);

  it('[A-90] [A-95] seals on the bidder side: the manifest carries the document version and the fingerprint, the bidSummary opens only with the bidder key', async () => {
    const sealed = await bid('seal');
    expect(sealed.status, sealed.stderr).toBe(0);
    expect(sealed.stdout).toMatch(/sealed section .*: bidSummary \+ 4 file\(s\)/);
    const signed = JSON.parse(readFileSync(join(dir, 'sealed', s.r.sectionId, 'manifest.json'), 'utf8')) as SignedManifest;
    expect(signed.manifest.document).toEqual({
      id: req.document.id,
      version: req.document.version,
      contentSm3: req.document.contentSm3,
    });
    expect(signed.manifest.bidderId).toBe(bidder.entityId);
    expect(signed.manifest.preparation).toMatchObject({ tool: 'cli', deviceHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const record = JSON.parse(readFileSync(join(dir, 'sealed', s.r.sectionId, 'seal.json'), 'utf8')) as {
      parts: { sealedFile: string }[];
    };
    const summary = await unsealBidSummary(readFileSync(join(dir, 'sealed', s.r.sectionId, record.parts[0]!.sealedFile)), {
      bidderKey: bidder.key,
    });
    expect(summary.summary).toMatchObject({
      fields: { price: '123456789' },
      projectManager: { name: '张三', residentId: RESIDENT.manager },
    });
  }, 120_000);

  it('[A-101] [A-97] submits with tus: an upload cut mid-way resumes on the rerun from where the server stopped; the receipt verifies', async () => {
    const sealedSize = statSync(join(dir, 'sealed', s.r.sectionId, 'parts')).size; // (folder exists)
    expect(sealedSize).toBeGreaterThan(0);
    proxy.cutAfter = 1024 * 1024;
    const cut = await bid('submit', '--retries', '0');
    expect(cut.status, cut.stdout + cut.stderr).toBe(1);
    expect(cut.stderr).toMatch(/interrupted.*Run the same command again to resume/);
    expect(cut.stderr).not.toMatch(/\n\s+at /);
    const uploads = JSON.parse(readFileSync(join(dir, 'sealed', s.r.sectionId, 'uploads.json'), 'utf8')) as Record<
      string,
      { url: string; size: number; finished?: boolean }
    >;
    const pending = Object.values(uploads).find((u) => !u.finished)!;
    expect(pending).toBeDefined();
    // The server keeps every byte that reached it before the drop, and releases the upload at once.
    const head = await fetch(pending.url, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0', cookie: cliCookie() } });
    expect(head.status).toBe(200);
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBe(proxy.cutBodyBytes);
    expect(offset).toBeLessThan(pending.size);

    proxy.cutAfter = null;
    proxy.patchBytes = 0;
    const resumed = await bid('submit');
    expect(resumed.status, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/resuming the upload kept in uploads\.json/);
    // Only what the server did not have went up again (plus the small parts not sent before the cut).
    expect(proxy.patchBytes).toBeLessThan(pending.size - offset + 200_000);
    expect(resumed.stdout).toMatch(/submitted: bid [0-9a-f-]{36} received/);
    expect(resumed.stdout).toMatch(/receipt verified/);
    bidId = /submitted: bid ([0-9a-f-]{36})/.exec(resumed.stdout)![1]!;
    receiptFile = /receipt (\S+\.json)/.exec(resumed.stdout)![1]!;

    const view = await api(t).call('GET', `/api/v1/bids/${bidId}`, cliCookie());
    expect(view.statusCode, view.body).toBe(200);
    expect((view.json() as BidView).status).toBe('submitted');

    const verified = await bid(
      'verify-receipt',
      receiptFile,
      '--url',
      url,
      '--manifest',
      join('sealed', s.r.sectionId, 'manifest.json'),
    );
    expect(verified.status, verified.stdout + verified.stderr).toBe(0);
    for (const check of ['signature', 'commitment', 'timestamp', 'manifest', 'log', 'logEntry'])
      expect(verified.stdout).toMatch(new RegExp(`ok\\s+${check}:`));

    // An altered receipt (a later receipt time) fails, naming the signature and the commitment.
    const altered = JSON.parse(readFileSync(receiptFile, 'utf8')) as BidReceiptResponse;
    altered.receipt.receivedAt = new Date(Date.parse(altered.receipt.receivedAt) + 1000).toISOString();
    writeFileSync(join(dir, 'altered.json'), JSON.stringify(altered));
    const bad = await bid('verify-receipt', 'altered.json', '--url', url);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/FAIL signature/);
    expect(bad.stdout).toMatch(/FAIL commitment/);
    writeFileSync(join(dir, 'pinned.pem'), await logKey());
    expect((await bid('verify-receipt', receiptFile, '--log-key', 'pinned.pem')).status).toBe(0);
    expect((await bid('verify-receipt', 'cert.pem', '--url', url)).status).toBe(2);
  }, 180_000);

  it('[A-99] modifies the bid (unchanged parts kept, not uploaded again) and withdraws it, each with a verified receipt', async () => {
    writeFileSync(join(dir, 'technical.md'), '# 施工组织设计\n\n补充：冬季施工措施。\n');
    expect((await bid('compose', '--set', 'price=1230000')).status).toBe(0);
    const resealed = await bid('seal');
    expect(resealed.status, resealed.stderr).toBe(0);
    expect(resealed.stdout).toMatch(/3 unchanged file\(s\) kept/);

    const refused = await bid('submit');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`--replace ${bidId}`);

    proxy.patchBytes = 0;
    const replaced = await bid('submit', '--replace', bidId);
    expect(replaced.status, replaced.stdout + replaced.stderr).toBe(0);
    expect(replaced.stdout).toMatch(/2 uploaded, 3 kept/);
    expect(proxy.patchBytes).toBeLessThan(1024 * 1024); // the 3 MiB commercial part stayed on the server
    expect(replaced.stdout).toMatch(/receipt verified/);
    const newBid = /submitted: bid ([0-9a-f-]{36})/.exec(replaced.stdout)![1]!;
    expect(newBid).not.toBe(bidId);

    const withdrawn = await bid('withdraw', newBid);
    expect(withdrawn.status, withdrawn.stdout + withdrawn.stderr).toBe(0);
    expect(withdrawn.stdout).toMatch(/withdrawn: bid .* \(server time\)/);
    expect(withdrawn.stdout).toMatch(/receipt verified/);
    const view = await api(t).call('GET', `/api/v1/bids/${newBid}`, cliCookie());
    expect((view.json() as BidView).status).toBe('withdrawn');
  }, 180_000);

  it('bad usage is exit 2 with a message, never a stack trace', async () => {
    for (const args of [
      ['requirements'],
      ['withdraw', 'x'],
      ['submit', '--replace', 'nope'],
      ['compose', '--set', 'novalue'],
      ['login', '--url', 'ftp://x', '--cert', 'cert.pem', '--key', 'key.pem'],
    ]) {
      const r = await bid(...args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/^bidhall bid /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);
});
