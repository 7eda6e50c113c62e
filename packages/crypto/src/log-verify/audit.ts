/**
 * An audit row held against its public log entry (decision 0006): the entry commits to
 * SM3(salt ‖ canonical JSON of {actorId, actorLabel, details}); the salt and the details stay with
 * the auditor. Recomputing the commitment from the row as shown, and proving the entry is in a
 * signed head, shows that the row is the one the log committed to when it was written.
 */
import { sm3 } from '../hash/hash.ts';
import { canonicalJson } from '../sig/json-signature.ts';
import { concat, fromHex, fromUtf8, toHex } from '../util/bytes.ts';
import { allPassed, failed, isObject, passed, skipped, type Check } from './checks.ts';
import { checkLogReceipt } from './receipt.ts';

export interface AuditCommitted {
  actorId: string | null;
  actorLabel: string | null;
  details: Record<string, unknown>;
}

/** The committed part of an audit event, as RFC 8785 canonical JSON text. */
export function auditCommittedJson(c: AuditCommitted): string {
  return fromUtf8(canonicalJson({ actorId: c.actorId, actorLabel: c.actorLabel, details: c.details }));
}

/** Hex SM3(salt ‖ committed JSON): what the log entry carries as `commitment`. */
export function auditCommitment(salt: Uint8Array, committedJson: string): string {
  return toHex(sm3(concat(salt, new TextEncoder().encode(committedJson))));
}

/** An audit row as the audit trail API gives it to an auditor. */
export interface AuditRowEvidence extends AuditCommitted {
  occurredAt: string;
  actorKind: string;
  action: string;
  targetType: string;
  targetId: string;
  regionCode: string | null;
  logIndex: number | null;
  /** Hex salt of the commitment; null for rows older than the log. */
  commitmentSalt: string | null;
  /** The canonical JSON the commitment was computed over, as the server reads it from the row. */
  committedJson: string | null;
}

/** The public fields of the entry must say what the row says. */
function entryMatches(row: AuditRowEvidence, entry: Record<string, unknown>): string[] {
  const expected: Record<string, unknown> = {
    type: 'auditEvent',
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    regionCode: row.regionCode,
    actorKind: row.actorKind,
    occurredAt: row.occurredAt,
  };
  return Object.keys(expected).filter((k) => entry[k] !== expected[k]);
}

/**
 * Checks one audit row against a receipt for its log entry (GET /log/receipt?index=logIndex),
 * trusting only `keyPem`. The receipt's head should be one the auditor holds for true (compare it
 * with a witnessed or published head).
 */
export function checkAuditRow(row: AuditRowEvidence, receipt: unknown, keyPem: string): { ok: boolean; checks: Check[] } {
  if (row.logIndex === null || row.commitmentSalt === null || row.committedJson === null) {
    const checks = [failed('auditLogged', 'failed', {}, 'this audit row has no log entry to be checked against')];
    return { ok: false, checks };
  }
  const log = checkLogReceipt(receipt, keyPem);
  const checks = log.checks.filter((c) => c.id !== 'receiptFormat' || c.status !== 'ok');
  const r = log.receipt;
  if (!r)
    return { ok: false, checks: [...checks, ...['auditIndex', 'auditDetails', 'auditCommitment', 'auditEntry'].map(skipped)] };

  checks.push(
    r.index === row.logIndex
      ? passed('auditIndex', { index: row.logIndex })
      : failed(
          'auditIndex',
          'failed',
          { index: row.logIndex, receipt: r.index },
          `the receipt is for entry ${r.index}, the row names entry ${row.logIndex}`,
        ),
  );

  let shown: string | undefined;
  try {
    shown = auditCommittedJson(row);
  } catch {
    shown = undefined;
  }
  checks.push(
    shown === row.committedJson
      ? passed('auditDetails')
      : failed('auditDetails', 'failed', {}, 'the details shown are not the ones the commitment is computed over'),
  );

  let entry: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(r.entry);
    if (isObject(parsed)) entry = parsed;
  } catch {
    // The receipt checks above already name a broken entry.
  }
  let recomputed: string;
  try {
    recomputed = auditCommitment(fromHex(row.commitmentSalt), row.committedJson);
  } catch {
    recomputed = '';
  }
  checks.push(
    recomputed !== '' && recomputed === entry.commitment
      ? passed('auditCommitment', { commitment: recomputed, index: r.index })
      : failed(
          'auditCommitment',
          'failed',
          { commitment: recomputed, logged: String(entry.commitment), index: r.index },
          `SM3(salt ‖ details) of this row is ${recomputed}, but log entry ${r.index} commits to ${String(entry.commitment)}: the row was changed`,
        ),
  );

  const differ = entryMatches(row, entry);
  checks.push(
    differ.length === 0
      ? passed('auditEntry', { index: r.index })
      : failed(
          'auditEntry',
          'failed',
          { index: r.index, fields: differ.join(', ') },
          `log entry ${r.index} differs from the row in ${differ.join(', ')}`,
        ),
  );
  return { ok: allPassed(checks), checks };
}
