// The part every platform receipt shares (download receipts, bid receipts): the log key, the
// platform's JSON signature over the receipt without its signature, and the time authority's token
// over the SM3 the receipt stamps. Each receipt's own checks (its log entry, its file or manifest) follow.
import type { TimestampTokenView } from '@bidhall/contracts';
import { keyId, publicKeyFromPem, verifyJson, type JsonSignature } from '@bidhall/crypto/browser';
import { formatTime } from '../format.ts';
import { failed, passed, reasonOf, shortHex, type Check } from './checks.ts';

export function signedReceiptChecks(
  receipt: { signature: JsonSignature; timestamp: TimestampTokenView },
  logKeyPem: string,
  p: { stampedSm3: string; timestampCheck: string },
): Check[] {
  const checks: Check[] = [];
  let key: ReturnType<typeof publicKeyFromPem> | undefined;
  try {
    key = publicKeyFromPem(logKeyPem);
    checks.push(passed('receiptKey', { keyId: shortHex(keyId(key)) }));
  } catch (err) {
    checks.push(failed('receiptKey', 'failed', {}, err));
  }

  const { signature, ...body } = receipt;
  try {
    const ok = key !== undefined && verifyJson(body, signature, key);
    checks.push(ok ? passed('receiptSignature', { keyId: shortHex(signature.keyId) }) : failed('receiptSignature'));
  } catch (err) {
    checks.push(failed('receiptSignature', 'failed', {}, err));
  }

  const ts = receipt.timestamp;
  try {
    const { signature: tsSig, ...tsBody } = ts;
    const ok = key !== undefined && ts.hashAlg === 'SM3' && ts.messageImprint.toLowerCase() === p.stampedSm3.toLowerCase() && verifyJson(tsBody, tsSig, key);
    checks.push(ok ? passed(p.timestampCheck, { time: formatTime(ts.genTime, true) }) : failed(p.timestampCheck));
  } catch (err) {
    checks.push(failed(p.timestampCheck, 'failed', {}, reasonOf(err)));
  }
  return checks;
}
