import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gmSuite } from '../suite/suite.ts';
import { publicKeyToPem } from '../keys/pkcs8.ts';
import { leafHash } from '../merkle/hashes.ts';
import { consistencyProof, inclusionProof, memorySource, treeRoot } from '../merkle/tree.ts';
import { signTreeHead, type SignedTreeHead } from '../merkle/tree-head.ts';
import { canonicalJson } from '../sig/json-signature.ts';
import { fromUtf8, toHex, utf8 } from '../util/bytes.ts';
import { auditCommitment, auditCommittedJson, checkAuditRow, type AuditRowEvidence } from './audit.ts';
import { cosignatureNames, cosignTreeHead, verifyCosignature } from './cosign.ts';
import { judgeHeads } from './heads.ts';
import { checkLogReceipt } from './receipt.ts';
import type { LogSource } from './source.ts';
import { LogFailure, verifyWholeLog } from './whole-log.ts';
import { browserBundle } from '../test-support/browser-bundle.ts';

const key = gmSuite.generateKeyPair();
const keyPem = publicKeyToPem(key.publicKey);

/** A log in memory: entries as the platform writes them (canonical JSON with their own index). */
function memoryLog(items: object[]) {
  const entries = items.map((item, i) => fromUtf8(canonicalJson({ ...item, logIndex: i })));
  const src = () => memorySource(entries.map((e) => leafHash(utf8(e))));
  const head = async (size: number, at = 1_700_000_000_000 + size): Promise<SignedTreeHead> =>
    signTreeHead({ logId: 'test-log', treeSize: size, timestamp: at, rootHash: toHex(await treeRoot(src(), size)) }, key);
  const source = (heads: SignedTreeHead[]): LogSource => ({
    treeHead: async () => heads[heads.length - 1]!,
    treeHeads: async () => [...heads].reverse(),
    entries: async (start, end) => entries.slice(start, end).map((entry, i) => ({ index: start + i, entry })),
    consistencyProof: async (first, second) => (await consistencyProof(src(), first, second)).map(toHex),
  });
  return { entries, head, source, proof: async (a: number, b: number) => (await consistencyProof(src(), a, b)).map(toHex), src };
}

const items = (n: number, tag = 'a') => Array.from({ length: n }, (_, i) => ({ action: `${tag}.${i}` }));

describe('log verifier', () => {
  it('bundles for the browser with no Node built-in: the web app and the CLI run this one verifier', async () => {
    const bundle = await browserBundle(fileURLToPath(new URL('./index.ts', import.meta.url)));
    expect(bundle.nodeInputs).toEqual([]);
    expect(bundle.inputs.some((i) => i.includes('/log-verify/'))).toBe(true);
  });

  it('holds a newer head to a saved one: extension passes; rollback, fork and a rewritten history fail', async () => {
    const log = memoryLog(items(11));
    const saved = await log.head(6);
    expect(judgeHeads(saved, await log.head(11), await log.proof(6, 11), key.publicKey)).toMatchObject({ ok: true, grown: true });
    expect(judgeHeads(saved, await log.head(6, 5), [], key.publicKey)).toMatchObject({ ok: true, grown: false });
    expect(judgeHeads(saved, await log.head(4), [], key.publicKey)).toMatchObject({ ok: false, reason: 'rollback' });

    const other = memoryLog([...items(5), { action: 'forged' }, ...items(5, 'b')]);
    expect(judgeHeads(saved, await other.head(6), [], key.publicKey)).toMatchObject({ ok: false, reason: 'fork' });
    expect(judgeHeads(saved, await other.head(11), await other.proof(6, 11), key.publicKey)).toMatchObject({
      ok: false,
      reason: 'badProof',
    });

    const stranger = gmSuite.generateKeyPair();
    const forgedHead = signTreeHead({ ...(await log.head(11)) }, stranger);
    expect(judgeHeads(saved, forgedHead, await log.proof(6, 11), key.publicKey)).toMatchObject({
      ok: false,
      reason: 'currentSignature',
    });
  });

  it('checks a receipt offline, and names the failing step', async () => {
    const log = memoryLog(items(7));
    const head = await log.head(7);
    const auditPath = (await inclusionProof(log.src(), 3, 7)).map(toHex);
    const receipt = { index: 3, entry: log.entries[3]!, treeHead: head, auditPath };
    const result = checkLogReceipt(receipt, keyPem);
    // No timestamp in this receipt: every other step passes, the timestamp is missing.
    expect(result.checks.filter((c) => c.status !== 'ok').map((c) => [c.id, c.detail])).toEqual([['timestamp', 'missing']]);
    const forged = checkLogReceipt({ ...receipt, entry: receipt.entry.replace('a.3', 'a.x') }, keyPem);
    expect(forged.checks.find((c) => c.id === 'inclusion')).toMatchObject({ status: 'failed' });
  });

  it('re-hashes the whole log against every head and names a changed entry', async () => {
    const log = memoryLog(items(9));
    const heads = [await log.head(4), await log.head(9)];
    await expect(verifyWholeLog(log.source(heads), key.publicKey)).resolves.toMatchObject({ entries: 9, heads: 2 });
    const changed = memoryLog(items(9));
    changed.entries[2] = changed.entries[2]!.replace('a.2', 'a.9');
    const failure = await verifyWholeLog({ ...changed.source(heads) }, key.publicKey).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LogFailure);
    expect(failure).toMatchObject({ reason: 'rootMismatch', values: { size: 4 } });
  });

  it('recomputes an audit commitment from the row and finds a changed detail', async () => {
    const salt = Uint8Array.from({ length: 16 }, (_, i) => i);
    const committed = { actorId: null, actorLabel: 'system', details: { reason: '到期', n: 2 } };
    const commitment = auditCommitment(salt, auditCommittedJson(committed));
    const at = '2026-03-02T02:00:00.000Z';
    const log = memoryLog([
      {
        type: 'auditEvent',
        occurredAt: at,
        action: 'x.y.z',
        targetType: 't',
        targetId: '1',
        regionCode: null,
        actorKind: 'system',
        commitment,
      },
    ]);
    const head = await log.head(1);
    const receipt = { index: 0, entry: log.entries[0]!, treeHead: head, auditPath: [] };
    const row: AuditRowEvidence = {
      ...committed,
      occurredAt: at,
      actorKind: 'system',
      action: 'x.y.z',
      targetType: 't',
      targetId: '1',
      regionCode: null,
      logIndex: 0,
      commitmentSalt: toHex(salt),
      committedJson: auditCommittedJson(committed),
    };
    const ok = checkAuditRow(row, receipt, keyPem);
    expect(ok.checks.filter((c) => c.status !== 'ok').map((c) => c.id)).toEqual(['timestamp']);
    const changed = { ...row, details: { reason: '到期', n: 3 } };
    const served = { ...changed, committedJson: auditCommittedJson(changed) };
    expect(checkAuditRow(served, receipt, keyPem).checks.find((c) => c.id === 'auditCommitment')?.status).toBe('failed');
    // The server shows changed details but serves the original committed JSON: the page sees it.
    expect(checkAuditRow(changed, receipt, keyPem).checks.find((c) => c.id === 'auditDetails')?.status).toBe('failed');
  });

  it('co-signs a head and verifies the co-signature over exactly that head', async () => {
    const head = await memoryLog(items(3)).head(3);
    const witness = gmSuite.generateKeyPair();
    const c = cosignTreeHead(head, witness, new Date('2026-03-02T02:00:00Z'));
    expect(verifyCosignature(c)).toMatch(/^[0-9a-f]{64}$/);
    expect(cosignatureNames(c, head)).toBe(true);
    expect(() => verifyCosignature({ ...c, treeSize: 4 })).toThrow(/co-signature/);
    expect(cosignatureNames({ ...c, timestamp: c.timestamp + 1 }, head)).toBe(false);
  });
});
