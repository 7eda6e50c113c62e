// The contract archive package (task 18) checked in the browser: a package both sides really signed
// passes; tampered content, a wrong signature or a swapped certificate each fail their own check.
import { CONTRACT_ARCHIVE_FORMAT, contractSigningPayload, type ContractArchive, type ContractContent } from '@bidhall/contracts';
import {
  canonicalJson,
  createDemoCa,
  encodePem,
  issueEntityCertificate,
  sha256,
  signJson,
  sm3,
  toHex,
  type Certificate,
  type PrivateKey,
} from '@bidhall/crypto';
import { describe, expect, it } from 'vitest';
import { verifyContractArchive } from './contractArchiveVerify.ts';

const sectionId = '0b6c3a8e-2f4d-4c1a-9e7b-5d2f8a1c3e40';
const contractId = '7d1e9f20-3a4b-4c5d-8e6f-a0b1c2d3e4f5';
const now = new Date('2026-11-26T10:00:00Z');
const DAY = 86_400_000;

const content: ContractContent = {
  format: 'bidhall.contract/1',
  contractId,
  sectionId,
  round: 1,
  title: '演示道路改造工程施工合同',
  project: { projectName: '演示道路改造工程', sectionCode: 'E3301000001001', sectionName: '施工一标段' },
  tenderer: { entityId: '1a2b3c4d-1111-4222-8333-944455556666', name: '演示市交通建设有限公司' },
  winner: {
    entityId: '2b3c4d5e-2222-4333-8444-a55566667777',
    name: '演示路桥工程有限公司',
    bidId: '3c4d5e6f-3333-4444-8555-b66677778888',
  },
  priceFen: '1234567800',
  durationDays: '180',
  quality: '合格',
  projectManager: '张三',
  awardNoticeAt: '2026-11-20T02:00:00.000Z',
  document: null,
  terms: { paymentTerms: '按月计量支付', specialTerms: null },
  clauses: [{ title: '第一条 工程概况', text: '道路改造，全长 2.4 公里。' }],
};

interface Party {
  cert: Certificate;
  key: PrivateKey;
  pem: string;
}

async function parties(alg: 'sm2' | 'p256') {
  const ca = await createDemoCa({
    id: 'contract',
    organisation: '演示数字认证有限公司（虚构）',
    alg,
    withIntermediate: true,
    now,
  });
  const party = async (entityName: string): Promise<Party> => {
    const { cert, key } = await issueEntityCertificate(ca, {
      entityName,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + 365 * DAY),
    });
    // The leaf followed by its chain, as a side may have sent it.
    return { cert, key, pem: encodePem('CERTIFICATE', cert.der) + encodePem('CERTIFICATE', ca.issuing.der) };
  };
  return { tenderer: await party(content.tenderer.name), winner: await party(content.winner.name) };
}

function archiveOf(p: { tenderer: Party; winner: Party }): ContractArchive {
  const contentSm3 = toHex(sm3(canonicalJson(content)));
  const payload = contractSigningPayload(sectionId, contractId, contentSm3) as ContractArchive['signatures'][number]['payload'];
  const signature = (side: 'tenderer' | 'winner') => ({
    side,
    entityName: content[side].name,
    signedAt: '2026-11-25T03:00:00.000Z',
    certificateFingerprint: toHex(sha256(p[side].cert.der)),
    certificatePem: p[side].pem,
    payload,
    signature: signJson(payload, p[side].key),
  });
  return {
    format: CONTRACT_ARCHIVE_FORMAT,
    contractId,
    sectionId,
    round: 1,
    content,
    contentSm3,
    concludedAt: '2026-11-25T03:00:00.000Z',
    publicationId: null,
    signatures: [signature('tenderer'), signature('winner')],
  };
}

const statusOf = (checks: { id: string; status: string }[], id: string) => checks.find((c) => c.id === id)?.status;
const failedIds = (checks: { id: string; status: string }[]) => checks.filter((c) => c.status !== 'ok').map((c) => c.id);

describe('verifyContractArchive', () => {
  for (const alg of ['sm2', 'p256'] as const) {
    it(`passes a package both sides signed (${alg})`, async () => {
      const archive = archiveOf(await parties(alg));
      const result = await verifyContractArchive(structuredClone(archive));
      expect(failedIds(result.checks)).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.checks.map((c) => c.id)).toEqual([
        'contractArchiveFormat',
        'contractContentSm3',
        'contractContentIds',
        'contractBothSigned',
        'contractTendererPayload',
        'contractTendererCertificate',
        'contractTendererFingerprint',
        'contractTendererSignature',
        'contractWinnerPayload',
        'contractWinnerCertificate',
        'contractWinnerFingerprint',
        'contractWinnerSignature',
      ]);
    });
  }

  it('fails tampered content, a wrong signature and a swapped certificate', async () => {
    const p = await parties('sm2');
    const good = archiveOf(p);

    // The content changed after signing: it no longer hashes to the SM3 both sides signed.
    const tampered = structuredClone(good);
    tampered.content.priceFen = '1234567900';
    const t = await verifyContractArchive(tampered);
    expect(t.ok).toBe(false);
    expect(failedIds(t.checks)).toEqual(['contractContentSm3']);

    // The winner's signature is over something else (another contract's SM3).
    const wrongSig = structuredClone(good);
    wrongSig.signatures[1]!.signature = signJson(contractSigningPayload(sectionId, contractId, '00'.repeat(32)), p.winner.key);
    const w = await verifyContractArchive(wrongSig);
    expect(w.ok).toBe(false);
    expect(failedIds(w.checks)).toEqual(['contractWinnerSignature']);

    // The winner's certificate replaced by the tenderer's: neither its fingerprint nor its key fits.
    const swapped = structuredClone(good);
    swapped.signatures[1]!.certificatePem = p.tenderer.pem;
    const s = await verifyContractArchive(swapped);
    expect(s.ok).toBe(false);
    expect(failedIds(s.checks)).toEqual(['contractWinnerFingerprint', 'contractWinnerSignature']);

    // …also when the recorded fingerprint is swapped along with it: the signature still does not verify.
    const swappedBoth = structuredClone(swapped);
    swappedBoth.signatures[1]!.certificateFingerprint = good.signatures[0]!.certificateFingerprint;
    const sb = await verifyContractArchive(swappedBoth);
    expect(failedIds(sb.checks)).toEqual(['contractWinnerSignature']);
  });

  it('fails a payload that is not the contract’s, a missing side and a signature without its certificate', async () => {
    const p = await parties('sm2');
    const good = archiveOf(p);

    // A valid signature by the tenderer over another section's payload.
    const other = structuredClone(good);
    const otherPayload = { ...good.signatures[0]!.payload, sectionId: contractId };
    other.signatures[0]!.payload = otherPayload;
    other.signatures[0]!.signature = signJson(otherPayload, p.tenderer.key);
    const o = await verifyContractArchive(other);
    expect(failedIds(o.checks)).toEqual(['contractTendererPayload']);

    const oneSide = structuredClone(good);
    oneSide.signatures = [good.signatures[0]!];
    const os = await verifyContractArchive(oneSide);
    expect(os.ok).toBe(false);
    expect(statusOf(os.checks, 'contractBothSigned')).toBe('failed');
    expect(statusOf(os.checks, 'contractWinnerSignature')).toBe('skipped');

    const noCert = structuredClone(good);
    noCert.signatures[0]!.certificatePem = null;
    const nc = await verifyContractArchive(noCert);
    expect(nc.ok).toBe(false);
    expect(nc.checks.find((c) => c.id === 'contractTendererCertificate')).toMatchObject({ status: 'failed', detail: 'missing' });

    const badCert = structuredClone(good);
    badCert.signatures[0]!.certificatePem = '-----BEGIN CERTIFICATE-----\nMIIBAA==\n-----END CERTIFICATE-----\n';
    const bc = await verifyContractArchive(badCert);
    expect(statusOf(bc.checks, 'contractTendererCertificate')).toBe('failed');

    const ids = structuredClone(good);
    ids.sectionId = contractId;
    const i = await verifyContractArchive(ids);
    expect(statusOf(i.checks, 'contractContentIds')).toBe('failed');
  });
});
