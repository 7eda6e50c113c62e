/**
 * Checking a bid receipt with nothing but the platform's public log key: the
 * platform's signature over the receipt, the time authority's token over the manifest's SM3, the
 * commitment SM3(salt || canonical JSON of the receipt's core) and the public log entry that carries
 * it, included under a signed tree head (the shared verifier, @bidhall/crypto/log-verify).
 */
import { canonicalJson, concat, fromHex, publicKeyFromPem, sm3, toHex, verifyJson, type PublicKey } from '@bidhall/crypto';
import { checkLogReceipt, firstFailure, type Check } from '@bidhall/crypto/log-verify';

export interface ReceiptCheck {
  id: string;
  ok: boolean;
  message: string;
}

export interface ReceiptVerdict {
  ok: boolean;
  checks: ReceiptCheck[];
  /** The receipt is not one at all (wrong shape): exit 2 rather than 1. */
  malformed: boolean;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Hex SM3 of the canonical JSON of the signed manifest, as the receipt names it. */
export const manifestSm3Of = (signed: unknown) => toHex(sm3(canonicalJson(signed)));

export function verifyBidReceipt(input: unknown, logKeyPem: string, expect: { manifestSm3?: string } = {}): ReceiptVerdict {
  const checks: ReceiptCheck[] = [];
  const add = (id: string, ok: boolean, message: string) => checks.push({ id, ok, message });
  const r = (input as { receipt?: Record<string, unknown> })?.receipt;
  const logReceipt = (input as { logReceipt?: unknown })?.logReceipt;
  if (
    typeof r !== 'object' ||
    r === null ||
    r.type !== 'bidhall.bidReceipt/1' ||
    typeof r.signature !== 'object' ||
    typeof r.salt !== 'string' ||
    typeof r.commitment !== 'string'
  ) {
    return {
      ok: false,
      malformed: true,
      checks: [
        { id: 'format', ok: false, message: 'not a bid receipt ({receipt: {type: "bidhall.bidReceipt/1", …}, logReceipt})' },
      ],
    };
  }
  let key: PublicKey;
  try {
    key = publicKeyFromPem(logKeyPem);
  } catch {
    return { ok: false, malformed: true, checks: [{ id: 'logKey', ok: false, message: 'the log key cannot be read' }] };
  }

  const { signature, ...unsigned } = r;
  let sigOk: boolean;
  try {
    sigOk = verifyJson(unsigned, signature as Parameters<typeof verifyJson>[1], key);
  } catch {
    sigOk = false;
  }
  add(
    'signature',
    sigOk,
    sigOk ? 'signed by the platform key' : 'the receipt is not signed by the platform key (altered, or another key)',
  );

  const { commitment, salt, logIndex, timestamp, ...core } = unsigned as Record<string, unknown>;
  let commitOk = false;
  if (typeof salt === 'string' && /^[0-9a-f]{32}$/.test(salt) && typeof commitment === 'string' && HEX64.test(commitment)) {
    commitOk = toHex(sm3(concat(fromHex(salt), canonicalJson(core)))) === commitment;
  }
  add(
    'commitment',
    commitOk,
    commitOk ? 'commitment = SM3(salt || receipt core)' : "the commitment is not SM3 of the salt and the receipt's core",
  );

  // The time authority's token stamps the manifest's SM3.
  const t = timestamp as Record<string, unknown> | undefined;
  let tsOk = false;
  let tsMessage = 'the receipt has no timestamp token';
  if (t && typeof t === 'object') {
    const tsSig = t.signature;
    const tsUnsigned = {
      version: t.version,
      hashAlg: t.hashAlg,
      messageImprint: t.messageImprint,
      genTime: t.genTime,
      serial: t.serial,
      tsa: t.tsa,
    };
    if (t.hashAlg !== 'SM3' || t.messageImprint !== r.manifestSm3) tsMessage = "the timestamp does not stamp the manifest's SM3";
    else {
      try {
        tsOk = verifyJson(tsUnsigned, tsSig as Parameters<typeof verifyJson>[1], key);
      } catch {
        tsOk = false;
      }
      tsMessage = tsOk ? `time-stamped ${String(t.genTime)}` : 'the timestamp is not signed by the platform key';
    }
  }
  add('timestamp', tsOk, tsMessage);

  if (expect.manifestSm3) {
    const same = expect.manifestSm3 === r.manifestSm3;
    add(
      'manifest',
      same,
      same ? 'the receipt names the manifest sealed here' : 'the receipt names another manifest than the one sealed here',
    );
  }

  // The public log: the entry carries the commitment and nothing else about the bid, at the receipt's index.
  const log = checkLogReceipt(logReceipt, logKeyPem);
  const failedLog = log.checks.filter((c: Check) => c.status === 'failed');
  add(
    'log',
    log.ok,
    log.ok
      ? `log entry ${log.receipt!.index} is in the signed tree of size ${log.receipt!.treeHead.treeSize}`
      : (firstFailure(log.checks) ?? `log receipt: ${failedLog.map((c) => c.id).join(', ')}`),
  );
  if (log.receipt) {
    let entry: Record<string, unknown> = {};
    try {
      entry = JSON.parse(log.receipt.entry) as Record<string, unknown>;
    } catch {
      // reported below
    }
    const entryOk = log.receipt.index === logIndex && entry.type === 'sealedBidEvent' && entry.commitment === commitment;
    add(
      'logEntry',
      entryOk,
      entryOk
        ? `entry ${log.receipt.index} is the sealed bid event with this commitment`
        : "the log entry is not this receipt's (index, type or commitment differ)",
    );
  }
  return { ok: checks.every((c) => c.ok), malformed: false, checks };
}
