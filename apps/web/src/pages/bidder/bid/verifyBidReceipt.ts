// Checks a bid receipt in the browser with nothing but the platform's public key (the log key):
// the platform's signature over the receipt, the time authority's token over the manifest's SM3, the
// commitment (SM3 of the bidder's salt and the receipt's core) and the public log entry that carries
// exactly that commitment, with its inclusion proof under a signed tree head. When this
// browser sealed the bid, the manifest it signed must hash to the receipt's manifestSm3 too.
import type { BidReceiptResponse } from '@bidhall/contracts';
import { canonicalJson, concat, fromHex, sm3, toHex } from '@bidhall/crypto/browser';
import { logApi } from '../../../api/log.ts';
import { failed, passed, shortHex, type Check } from '../../../trust/checks.ts';
import { signedReceiptChecks } from '../../../trust/signedReceipt.ts';
import { verifyReceipt } from '../../../trust/logVerify.ts';

export interface BidReceiptCheck {
  ok: boolean;
  checks: Check[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function verifyBidReceipt(response: BidReceiptResponse, signedManifest?: unknown): Promise<BidReceiptCheck> {
  const { receipt } = response;
  const checks: Check[] = [];
  const logKey = await logApi.key();
  // The log's receipt for the entry now (a newer signed head than at issue); the one issued with the
  // bid receipt is checked when the log cannot be read.
  const logReceipt = await logApi.receipt(receipt.logIndex).catch(() => response.logReceipt);

  checks.push(...signedReceiptChecks(receipt, logKey.publicKeyPem, { stampedSm3: receipt.manifestSm3, timestampCheck: 'bidTimestamp' }));
  const { signature: _signature, ...body } = receipt;

  // The commitment: SM3(salt || canonical JSON of the receipt without commitment, salt, logIndex, timestamp, signature).
  const { commitment, salt, logIndex: _logIndex, timestamp: _timestamp, ...core } = body;
  try {
    const recomputed = toHex(sm3(concat(fromHex(salt), canonicalJson(core))));
    checks.push(
      recomputed === commitment
        ? passed('bidCommitment', { commitment: shortHex(commitment) })
        : failed('bidCommitment', 'failed', { commitment: shortHex(recomputed), claimed: shortHex(commitment) }),
    );
  } catch (err) {
    checks.push(failed('bidCommitment', 'failed', { commitment: '—', claimed: shortHex(commitment) }, err));
  }

  // The public log's receipt for the entry: signed head, position, inclusion proof, timestamp.
  checks.push(...verifyReceipt(logReceipt, logKey.publicKeyPem).checks.filter((c) => c.id !== 'logKey'));
  let entry: unknown;
  try {
    entry = JSON.parse(logReceipt.entry);
  } catch {
    entry = undefined;
  }
  const logged =
    logReceipt.index === receipt.logIndex && isObject(entry) && entry.type === 'sealedBidEvent' && entry.commitment === commitment;
  checks.push(
    logged
      ? passed('bidLogged', { index: receipt.logIndex })
      : failed('bidLogged', 'failed', { index: receipt.logIndex }),
  );

  if (signedManifest !== undefined) {
    const digest = toHex(sm3(canonicalJson(signedManifest)));
    checks.push(digest === receipt.manifestSm3 ? passed('bidManifest', { sm3: shortHex(digest) }) : failed('bidManifest', 'failed', { sm3: shortHex(digest) }));
  }
  return { ok: checks.every((c) => c.status === 'ok'), checks };
}
