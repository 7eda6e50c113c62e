// Checks a concluded contract's archive package (task 18) in the browser, trusting nothing the platform
// says beyond the package itself: the content hashes to the SM3 both sides signed, each side signed
// exactly {action: 'signContract', sectionId, contractId, contentSm3}, and each signature verifies with
// the key of the certificate it names (whose SHA-256 fingerprint is the one the platform recorded when
// it accepted the signature). The crypto code loads only when this runs.
import { CONTRACT_ARCHIVE_FORMAT, contractSigningPayload, type ContractArchive, type ContractParty } from '@bidhall/contracts';
import { failed, passed, shortHex, skipped, type Check } from '../../../trust/checks.ts';

export interface ContractArchiveCheckResult {
  ok: boolean;
  checks: Check[];
}

type Signature = ContractArchive['signatures'][number];

/** The per-side check ids: `contractTendererPayload`, `contractWinnerSignature`, … */
const SIDE_IDS: Record<ContractParty, { payload: string; certificate: string; fingerprint: string; signature: string }> = {
  tenderer: {
    payload: 'contractTendererPayload',
    certificate: 'contractTendererCertificate',
    fingerprint: 'contractTendererFingerprint',
    signature: 'contractTendererSignature',
  },
  winner: {
    payload: 'contractWinnerPayload',
    certificate: 'contractWinnerCertificate',
    fingerprint: 'contractWinnerFingerprint',
    signature: 'contractWinnerSignature',
  },
};

export async function verifyContractArchive(archive: ContractArchive): Promise<ContractArchiveCheckResult> {
  const { canonicalJson, equalBytes, fromBase64, parseCertificates, sha256, sm3, toHex, verifyJson } =
    await import('@bidhall/crypto/browser');
  const checks: Check[] = [];

  checks.push(
    archive.format === CONTRACT_ARCHIVE_FORMAT
      ? passed('contractArchiveFormat', { format: archive.format })
      : failed('contractArchiveFormat', 'failed', { format: String(archive.format), expected: CONTRACT_ARCHIVE_FORMAT }),
  );

  const claimed = archive.contentSm3.toLowerCase();
  try {
    const digest = toHex(sm3(canonicalJson(archive.content)));
    checks.push(
      digest === claimed
        ? passed('contractContentSm3', { sm3: shortHex(digest) })
        : failed('contractContentSm3', 'failed', { sm3: shortHex(digest), claimed: shortHex(claimed) }),
    );
  } catch (err) {
    checks.push(failed('contractContentSm3', 'failed', { sm3: '—', claimed: shortHex(claimed) }, err));
  }

  const content = archive.content as Partial<ContractArchive['content']> | undefined;
  checks.push(
    content?.contractId === archive.contractId && content.sectionId === archive.sectionId
      ? passed('contractContentIds', { contractId: shortHex(archive.contractId) })
      : failed('contractContentIds', 'failed', { contractId: shortHex(archive.contractId) }),
  );

  const bySide = (side: ContractParty) => archive.signatures.filter((s) => s.side === side);
  const tenderer = bySide('tenderer');
  const winner = bySide('winner');
  checks.push(
    tenderer.length === 1 && winner.length === 1 && archive.signatures.length === 2
      ? passed('contractBothSigned', { tenderer: tenderer[0]!.entityName, winner: winner[0]!.entityName })
      : failed('contractBothSigned', 'failed', { tenderer: tenderer.length, winner: winner.length }),
  );

  const expected = canonicalJson(contractSigningPayload(archive.sectionId, archive.contractId, archive.contentSm3));
  const certificatesOf = (text: string) => {
    const trimmed = text.trim();
    // PEM (the leaf, possibly followed by its chain), else base64 DER: as the server reads it.
    return parseCertificates(trimmed.includes('-----BEGIN') ? trimmed : fromBase64(trimmed));
  };

  const checkSide = (side: ContractParty, sig: Signature | undefined) => {
    const ids = SIDE_IDS[side];
    if (!sig) {
      checks.push(skipped(ids.payload), skipped(ids.certificate), skipped(ids.fingerprint), skipped(ids.signature));
      return;
    }
    const entity = sig.entityName;

    let samePayload: boolean;
    try {
      samePayload = equalBytes(canonicalJson(sig.payload), expected);
    } catch {
      samePayload = false;
    }
    checks.push(
      samePayload
        ? passed(ids.payload, { entity, sm3: shortHex(archive.contentSm3) })
        : failed(ids.payload, 'failed', { entity }),
    );

    if (!sig.certificatePem) {
      checks.push(failed(ids.certificate, 'missing', { entity }), skipped(ids.fingerprint), skipped(ids.signature));
      return;
    }
    let leaf;
    try {
      leaf = certificatesOf(sig.certificatePem)[0];
      if (!leaf) throw new Error('no certificate found');
    } catch (err) {
      checks.push(failed(ids.certificate, 'failed', { entity }, err), skipped(ids.fingerprint), skipped(ids.signature));
      return;
    }
    checks.push(passed(ids.certificate, { entity, subject: leaf.subject.text, serial: shortHex(leaf.serialNumber) }));

    // As the server records it (identity/certificate-check.ts fingerprintSha256): hex SHA-256 of the leaf's DER.
    const fingerprint = toHex(sha256(leaf.der));
    checks.push(
      fingerprint === sig.certificateFingerprint.toLowerCase()
        ? passed(ids.fingerprint, { fingerprint: shortHex(fingerprint) })
        : failed(ids.fingerprint, 'failed', {
            fingerprint: shortHex(fingerprint),
            claimed: shortHex(sig.certificateFingerprint),
          }),
    );

    if (!leaf.publicKey) {
      checks.push(failed(ids.signature, 'unsupportedKey', { entity, keyAlg: leaf.keyAlg }));
      return;
    }
    try {
      checks.push(
        verifyJson(sig.payload, sig.signature, leaf.publicKey)
          ? passed(ids.signature, { entity, alg: sig.signature.alg })
          : failed(ids.signature, 'failed', { entity }),
      );
    } catch (err) {
      checks.push(failed(ids.signature, 'failed', { entity }, err));
    }
  };
  checkSide('tenderer', tenderer[0]);
  checkSide('winner', winner[0]);

  return { ok: checks.every((c) => c.status === 'ok'), checks };
}
