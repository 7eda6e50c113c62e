import { randomBytes } from 'node:crypto';
import { toHex } from '@bidhall/crypto';
import { auditCommitment as commitmentOver, auditCommittedJson } from '@bidhall/crypto/log-verify';
import type { Clock } from '@bidhall/rules';
import type { RegionScope } from '../auth/scope.ts';
import type { Db } from '../db/database.ts';
import { withinReach } from '../db/region-filter.ts';
import type { TransparencyLog } from '../log/transparency-log.ts';

export interface Actor {
  kind: 'user' | 'system' | 'anonymous';
  id?: string;
  label?: string;
  requestId?: string;
  ip?: string;
}

export interface AuditEntry {
  /** `<module>.<thing>.<event>`, e.g. `identity.entity.suspended`. */
  action: string;
  targetType: string;
  targetId: string;
  regionCode?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditEventView {
  id: number;
  occurredAt: string;
  actorKind: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string;
  targetId: string;
  regionCode: string | null;
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  logIndex: number | null;
  /**
   * For auditors only (decision 0014): the hex salt and the canonical JSON the log entry's commitment
   * is computed over, so the auditor's browser can recompute it. Null for rows older than the log.
   */
  commitmentSalt?: string | null;
  committedJson?: string | null;
}

export interface AuditTrail {
  /** Records who did what, when, inside the caller's transaction: no change commits without its record. */
  record(trx: Db, actor: Actor, entry: AuditEntry): Promise<{ logIndex: number }>;
  list(
    db: Db,
    filter: {
      targetType?: string;
      targetId?: string;
      actorId?: string;
      /** Matches the action and every action below it: `identity.entity` finds `identity.entity.suspended`. */
      action?: string;
      from?: Date;
      to?: Date;
      beforeId?: number;
      limit: number;
      /** Only rows of these regions (and of no region, when `unregioned`); absent, every row (internal callers). */
      reach?: RegionScope;
      /** Adds each row's commitment salt and committed JSON: for the auditor's route only. */
      withCommitments?: boolean;
    },
  ): Promise<AuditEventView[]>;
}

export const systemActor: Actor = { kind: 'system', label: 'system' };

/**
 * The public log carries what happened, to what, when; who did it and the details stay in the
 * audit row and are committed to by SM3(salt || canonical JSON), so the public can verify the trail
 * without reading personal data, and an auditor can prove a row is the one the log committed to.
 */
export function auditCommitment(salt: Uint8Array, actor: Actor, details: Record<string, unknown>): string {
  return commitmentOver(salt, auditCommittedJson({ actorId: actor.id ?? null, actorLabel: actor.label ?? null, details }));
}

export function createAuditTrail(deps: { clock: Clock; log: TransparencyLog }): AuditTrail {
  return {
    async record(trx, actor, entry) {
      const occurredAt = deps.clock.now();
      const salt = randomBytes(16);
      const details = entry.details ?? {};
      const [logIndex] = await deps.log.append(trx, [
        {
          type: 'auditEvent',
          occurredAt: occurredAt.toISOString(),
          action: entry.action,
          targetType: entry.targetType,
          targetId: entry.targetId,
          regionCode: entry.regionCode ?? null,
          actorKind: actor.kind,
          commitment: auditCommitment(salt, actor, details),
        },
      ]);
      await trx
        .insertInto('platform.audit_event')
        .values({
          log_index: logIndex,
          commitment_salt: salt,
          occurred_at: occurredAt,
          actor_kind: actor.kind,
          actor_id: actor.id ?? null,
          actor_label: actor.label ?? null,
          action: entry.action,
          target_type: entry.targetType,
          target_id: entry.targetId,
          region_code: entry.regionCode ?? null,
          request_id: actor.requestId ?? null,
          ip: actor.ip ?? null,
          details: JSON.stringify(details),
        })
        .execute();
      return { logIndex: logIndex! };
    },
    async list(db, filter) {
      let q = db.selectFrom('platform.audit_event').selectAll().orderBy('id', 'desc').limit(filter.limit);
      if (filter.reach) q = q.where(withinReach(filter.reach));
      if (filter.targetType) q = q.where('target_type', '=', filter.targetType);
      if (filter.targetId) q = q.where('target_id', '=', filter.targetId);
      if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
      if (filter.action) q = q.where((eb) => eb.or([eb('action', '=', filter.action!), eb('action', 'like', `${filter.action!.replace(/[\\%_]/g, '\\$&')}.%`)]));
      if (filter.from) q = q.where('occurred_at', '>=', filter.from);
      if (filter.to) q = q.where('occurred_at', '<', filter.to);
      if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId);
      const rows = await q.execute();
      return rows.map((r) => ({
        id: Number(r.id),
        occurredAt: (r.occurred_at as Date).toISOString(),
        actorKind: r.actor_kind,
        actorId: r.actor_id,
        actorLabel: r.actor_label,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        regionCode: r.region_code,
        requestId: r.request_id,
        ip: r.ip,
        details: r.details,
        logIndex: r.log_index === null ? null : Number(r.log_index),
        ...(filter.withCommitments ? commitmentOf(r as CommittedRow) : {}),
      }));
    },
  };
}

/** What the row's log entry commits to, as the row reads now: a changed row no longer matches its entry. */
interface CommittedRow {
  commitment_salt: Uint8Array | null;
  actor_id: string | null;
  actor_label: string | null;
  details: Record<string, unknown>;
}

function commitmentOf(r: CommittedRow) {
  if (r.commitment_salt === null) return { commitmentSalt: null, committedJson: null };
  return {
    commitmentSalt: toHex(new Uint8Array(r.commitment_salt)),
    committedJson: auditCommittedJson({ actorId: r.actor_id, actorLabel: r.actor_label, details: r.details }),
  };
}
