// Checks a notice page in the browser against the public log, trusting only the log's key: the text
// shown hashes to the SM3 the page claims, and the log entry at the page's index commits to exactly
// that publication and hash, with a signed receipt. The crypto code loads only when this runs.
import type { NoticePage } from '../../api/portal.ts';
import { logApi } from '../../api/log.ts';
import { failed, passed, shortHex, type Check } from '../../trust/checks.ts';

export interface NoticeCheckResult {
  ok: boolean;
  checks: Check[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return isObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

export async function verifyNotice(notice: NoticePage): Promise<NoticeCheckResult> {
  const [{ sm3, toHex, utf8 }, { verifyReceipt }] = await Promise.all([
    import('@bidhall/crypto/browser'),
    import('../../trust/logVerify.ts'),
  ]);
  const checks: Check[] = [];

  const digest = toHex(sm3(utf8(notice.content)));
  checks.push(
    digest === notice.contentSm3.toLowerCase()
      ? passed('contentSm3', { sm3: shortHex(digest) })
      : failed('contentSm3', 'failed', { sm3: shortHex(digest), claimed: shortHex(notice.contentSm3) }),
  );

  const content = parse(notice.content);
  const shown =
    content && content.title === notice.title && content.bodyHtml === notice.bodyHtml && content.publicationId === notice.id;
  checks.push(shown ? passed('contentShown') : failed('contentShown'));

  const [key, receipt] = await Promise.all([logApi.key(), logApi.receipt(notice.logIndex)]);
  const log = verifyReceipt(receipt, key.publicKeyPem);
  checks.push(...log.checks);

  const entry = parse(receipt.entry);
  const commits = entry && entry.publicationId === notice.id && entry.contentSm3 === notice.contentSm3;
  checks.push(
    commits ? passed('logCommits', { index: notice.logIndex }) : failed('logCommits', 'failed', { index: notice.logIndex }),
  );

  return { ok: checks.every((c) => c.status === 'ok'), checks };
}
