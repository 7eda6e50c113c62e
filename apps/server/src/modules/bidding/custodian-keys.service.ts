import { randomUUID } from 'node:crypto';
import type { CustodianKeyView } from '@bidhall/contracts';
import { canonicalJson, isCryptoError, keyId, parseCertificate, publicKeyFromPem, publicKeyToPem, sm3, toHex, type PublicKey } from '@bidhall/crypto';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type BiddingDeps, tables } from './bidding.deps.ts';
import type { Caller } from './caller.ts';

export type CustodianHolder = CustodianKeyView['holder'];

/** A registered custodian key as its holder and the platform accounts of its region see it. */
export interface CustodianKeyRecord {
  id: string;
  holder: CustodianHolder;
  regionCode: string | null;
  entityId: string | null;
  label: string;
  keyId: string;
  keyAlg: string;
  publicKeyPem: string;
  registeredAt: string;
  retiredAt: string | null;
}

/** The custodians of a section's bids, in envelope order, with the threshold and the set's hash. */
export interface CustodianSet {
  custodians: CustodianKeyView[];
  threshold: number;
  custodianSetSm3: string;
}

export const CUSTODIAN_THRESHOLD = 2;

/** Hex SM3 of the canonical JSON {threshold, keys: [{index, keyId}]}: what a sealed part's shares must match. */
export function custodianSetSm3(threshold: number, keys: readonly { index: number; keyId: string }[]): string {
  return toHex(sm3(canonicalJson({ threshold, keys: keys.map((k) => ({ index: k.index, keyId: k.keyId })) })));
}

function readKey(body: { publicKeyPem?: string; certificatePem?: string }): { key: PublicKey; certificatePem: string | null } {
  if (!body.publicKeyPem === !body.certificatePem) {
    throw new DomainError('CUSTODIAN_KEY_INVALID', 'give either publicKeyPem or certificatePem', { reason: 'oneOf' });
  }
  try {
    if (body.publicKeyPem) return { key: publicKeyFromPem(body.publicKeyPem), certificatePem: null };
    const cert = parseCertificate(body.certificatePem!);
    if (!cert.publicKey) throw new DomainError('CUSTODIAN_KEY_INVALID', `a custodian key must be SM2 or P-256, not ${cert.keyAlg}`, { keyAlg: cert.keyAlg });
    return { key: cert.publicKey, certificatePem: body.certificatePem! };
  } catch (err) {
    if (isCryptoError(err)) throw new DomainError('CUSTODIAN_KEY_INVALID', `the key cannot be read: ${err.reason}`, { cryptoCode: err.code });
    throw err;
  }
}

function record(r: {
  id: string;
  holder: CustodianHolder;
  region_code: string | null;
  entity_id: string | null;
  label: string;
  key_id: string;
  key_alg: string;
  public_key_pem: string;
  registered_at: Date;
  retired_at: Date | null;
}): CustodianKeyRecord {
  return {
    id: r.id,
    holder: r.holder,
    regionCode: r.region_code,
    entityId: r.entity_id,
    label: r.label,
    keyId: r.key_id,
    keyAlg: r.key_alg,
    publicKeyPem: r.public_key_pem,
    registeredAt: r.registered_at.toISOString(),
    retiredAt: r.retired_at ? r.retired_at.toISOString() : null,
  };
}

/**
 * Opening custodians (decision 0019): the trading centre per region, the supervising department per
 * region, the tenderer for its entity register public keys; a section's set is looked up along its
 * region chain, so a district without keys of its own uses the city's.
 */
export function createCustodianKeyService(deps: Pick<BiddingDeps, 'db' | 'clock' | 'audit' | 'regions' | 'sections'>) {
  /** Which holder the caller registers for, and where. */
  function holderOf(caller: Caller, regionCode: string | undefined): { holder: CustodianHolder; regionCode: string | null; entityId: string | null } {
    if (caller.kind === 'staff' || caller.kind === 'supervisor') {
      const region = regionCode ?? caller.regionCode;
      if (!caller.reach.includes(region)) {
        throw new DomainError('CUSTODIAN_KEY_OUT_OF_REACH', `your account does not answer for region ${region}`, { regionCode: region });
      }
      return { holder: caller.kind === 'staff' ? 'centre' : 'supervisor', regionCode: region, entityId: null };
    }
    if (caller.entity && (caller.roles.has('tenderer') || caller.roles.has('agency'))) {
      if (regionCode) throw new DomainError('CUSTODIAN_KEY_OUT_OF_REACH', "a tenderer's custodian key is its entity's; it names no region");
      return { holder: 'tenderer', regionCode: null, entityId: caller.entity.id };
    }
    throw new DomainError('FORBIDDEN', 'custodian keys are registered by the trading centre, the supervising department or a tenderer');
  }

  async function register(trx: Db, body: { label: string; publicKeyPem?: string; certificatePem?: string; regionCode?: string }, caller: Caller): Promise<CustodianKeyRecord> {
    const where = holderOf(caller, body.regionCode);
    const { key, certificatePem } = readKey(body);
    if (key.alg !== 'sm2' && key.alg !== 'p256') throw new DomainError('CUSTODIAN_KEY_INVALID', `a custodian key must be SM2 or P-256, not ${String(key.alg)}`);
    const now = deps.clock.now();
    // The newest registration replaces the holder's live key (one live key per holder and region or entity).
    let q = tables(trx).updateTable('bidding.custodian_key').set({ retired_at: now, retired_by: caller.userId }).where('holder', '=', where.holder).where('retired_at', 'is', null);
    q = where.entityId ? q.where('entity_id', '=', where.entityId) : q.where('region_code', '=', where.regionCode);
    const retired = await q.returning('id').execute();
    const id = randomUUID();
    const row = await tables(trx)
      .insertInto('bidding.custodian_key')
      .values({
        id,
        holder: where.holder,
        region_code: where.regionCode,
        entity_id: where.entityId,
        label: body.label,
        key_id: keyId(key),
        key_alg: key.alg,
        public_key_pem: publicKeyToPem(key),
        certificate_pem: certificatePem,
        registered_by: caller.userId,
        registered_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await deps.audit.record(trx, caller.actor, {
      action: 'bidding.custodianKey.registered',
      targetType: 'custodianKey',
      targetId: id,
      regionCode: where.regionCode,
      details: { holder: where.holder, keyId: row.key_id, keyAlg: row.key_alg, replaced: retired.map((r) => r.id) },
    });
    return record(row);
  }

  async function retire(trx: Db, id: string, caller: Caller): Promise<CustodianKeyRecord> {
    const row = await tables(trx).selectFrom('bidding.custodian_key').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new DomainError('CUSTODIAN_KEY_NOT_FOUND', `no custodian key ${id}`);
    const mine =
      row.holder === 'tenderer'
        ? caller.entity?.id === row.entity_id
        : ((row.holder === 'centre' && caller.kind === 'staff') || (row.holder === 'supervisor' && caller.kind === 'supervisor')) && caller.reach.includes(row.region_code ?? '');
    if (!mine) throw new DomainError('CUSTODIAN_KEY_OUT_OF_REACH', `only the ${row.holder} retires this key`);
    if (row.retired_at) return record(row);
    const now = deps.clock.now();
    const updated = await tables(trx).updateTable('bidding.custodian_key').set({ retired_at: now, retired_by: caller.userId }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await deps.audit.record(trx, caller.actor, {
      action: 'bidding.custodianKey.retired',
      targetType: 'custodianKey',
      targetId: id,
      regionCode: row.region_code,
      details: { holder: row.holder, keyId: row.key_id },
    });
    return record(updated);
  }

  /** Platform accounts: the keys of the regions they reach; entity users: their entity's. */
  async function list(db: Db, caller: Caller, opts: { includeRetired?: boolean } = {}): Promise<CustodianKeyRecord[]> {
    let q = tables(db).selectFrom('bidding.custodian_key').selectAll().orderBy('registered_at', 'desc').limit(500);
    if (!opts.includeRetired) q = q.where('retired_at', 'is', null);
    if (caller.entity) q = q.where('entity_id', '=', caller.entity.id);
    else if (caller.reach.length) q = q.where('region_code', 'in', [...caller.reach]).where('holder', '<>', 'tenderer');
    else return [];
    return (await q.execute()).map(record);
  }

  /** The section's custodians: its region chain's centre and supervisor keys, and its tenderer's key. */
  async function setFor(db: Db, section: { regionCode: string; tendererEntityId: string }): Promise<CustodianSet> {
    const chain = deps.regions.chainOf(section.regionCode);
    const rows = await tables(db)
      .selectFrom('bidding.custodian_key')
      .selectAll()
      .where('retired_at', 'is', null)
      .where((eb) => eb.or([eb('region_code', 'in', chain.length ? chain : ['-']), eb('entity_id', '=', section.tendererEntityId)]))
      .execute();
    const nearest = (holder: CustodianHolder) => {
      for (const code of chain) {
        const hit = rows.find((r) => r.holder === holder && r.region_code?.trim() === code);
        if (hit) return hit;
      }
      return undefined;
    };
    const picked = [nearest('centre'), nearest('supervisor'), rows.find((r) => r.holder === 'tenderer' && r.entity_id === section.tendererEntityId)].filter(
      (r): r is NonNullable<typeof r> => r !== undefined,
    );
    const custodians: CustodianKeyView[] = picked.map((r, i) => ({ index: i + 1, label: r.label, keyId: r.key_id, publicKeyPem: r.public_key_pem, holder: r.holder }));
    return { custodians, threshold: CUSTODIAN_THRESHOLD, custodianSetSm3: custodianSetSm3(CUSTODIAN_THRESHOLD, custodians) };
  }

  /** BIDDING_NOT_READY unless the section has at least the threshold of custodians. */
  async function requireSetFor(db: Db, section: { id: string; code: string; regionCode: string; tendererEntityId: string }): Promise<CustodianSet> {
    const set = await setFor(db, section);
    if (set.custodians.length < set.threshold) {
      throw new DomainError('BIDDING_NOT_READY', `section ${section.code} does not have the opening custodians' keys yet; the trading centre, the supervising department and the tenderer register them`, {
        sectionId: section.id,
        holders: set.custodians.map((c) => c.holder),
      });
    }
    return set;
  }

  return { register, retire, list, setFor, requireSetFor };
}

export type CustodianKeyService = ReturnType<typeof createCustodianKeyService>;
