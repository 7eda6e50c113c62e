// Checks a download receipt in the browser with nothing but the platform's public key (the log key,
// GET /api/v1/log/key): the platform's JSON signature over the receipt, the time authority's token
// over the content's SM3, the log entry recording the download (with its inclusion proof) and, when
// the file was just downloaded, that its bytes hash to the receipt's SM3. Crypto loads on first use.
import type { DownloadReceipt } from '../../api/bidder.ts';
import { logApi } from '../../api/log.ts';
import { failed, passed, type Check } from '../../trust/checks.ts';

export interface ReceiptCheckResult {
  ok: boolean;
  checks: Check[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function verifyDownloadReceipt(receipt: DownloadReceipt, fileBytes?: Uint8Array): Promise<ReceiptCheckResult> {
  const [crypto, { verifyReceipt }, signedReceipt] = await Promise.all([
    import('@bidhall/crypto/browser'),
    import('../../trust/logVerify.ts'),
    import('../../trust/signedReceipt.ts'),
  ]);
  const checks: Check[] = [];
  const [logKey, logReceipt] = await Promise.all([logApi.key(), logApi.receipt(receipt.logIndex)]);

  checks.push(...signedReceipt.signedReceiptChecks(receipt, logKey.publicKeyPem, { stampedSm3: receipt.contentSm3, timestampCheck: 'receiptTimestamp' }));

  // The public log's own receipt for the entry recording this download.
  checks.push(...verifyReceipt(logReceipt, logKey.publicKeyPem).checks.filter((c) => c.id !== 'logKey'));
  let entry: unknown;
  try {
    entry = JSON.parse(logReceipt.entry);
  } catch {
    entry = undefined;
  }
  const target = receipt.clarificationId ?? receipt.documentId;
  const recorded =
    isObject(entry) && typeof entry.action === 'string' && entry.action.endsWith('.downloaded') && entry.targetId === target;
  checks.push(
    recorded
      ? passed('downloadLogged', { index: receipt.logIndex })
      : failed('downloadLogged', 'failed', { index: receipt.logIndex }),
  );

  if (fileBytes) {
    const digest = crypto.toHex(crypto.sm3(fileBytes));
    checks.push(digest === receipt.contentSm3.toLowerCase() ? passed('receiptFile') : failed('receiptFile'));
  }
  return { ok: checks.every((c) => c.status === 'ok'), checks };
}
