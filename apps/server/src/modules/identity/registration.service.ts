import { createHash, randomUUID } from 'node:crypto';
import {
  canonicalText,
  INTEGRITY_COMMITMENT,
  USER_AGREEMENT,
  type EntityProfile,
  type EntityView,
  type registerEntityRequest,
} from '@bidhall/contracts';
import type { z } from 'zod';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { type IdentityDeps, tables } from './identity.deps.ts';
import { profileColumns, toEntityView } from './entity.mapper.ts';
import { syncEntity } from './entity-sync.ts';
import type { PasswordHasher } from './password.ts';
import { assertEntityUnique, assertUsernameFree, translateUniqueViolation } from './uniqueness.ts';

type RegisterInput = z.output<typeof registerEntityRequest>;

const COMMITMENT_SHA256 = createHash('sha256').update(canonicalText(INTEGRITY_COMMITMENT)).digest('hex');

/** Registration by the applicant: draft, submit, resubmit after rejection, delete a draft (A-01…A-08, task 9). */
export function createRegistrationService(deps: IdentityDeps & { passwords: PasswordHasher }) {
  async function checkTexts(agreementVersion: string, commitment: { accepted: boolean; version: string }) {
    if (agreementVersion !== USER_AGREEMENT.version) {
      throw new DomainError('AGREEMENT_OUTDATED', `accept the current user agreement (version ${USER_AGREEMENT.version})`);
    }
    if (commitment.accepted && commitment.version !== INTEGRITY_COMMITMENT.version) {
      throw new DomainError('COMMITMENT_OUTDATED', `sign the current commitment (version ${INTEGRITY_COMMITMENT.version})`);
    }
  }

  /** Instant admission on the commitment: the entity is told, and its record goes to the public service platform. */
  async function notifyAdmitted(trx: Db, entityId: string) {
    await syncEntity(deps, trx, entityId, 'admitted');
    await deps.notify(trx, {
      recipientKind: 'entity',
      recipientId: entityId,
      topic: 'admission',
      title: '入库成功',
      body: '贵单位已签署诚信承诺并即时入库，可立即参与交易。交易中心将进行事后核查。',
      link: '/workspace',
    });
  }

  async function checkRegion(code: string) {
    if (!(await deps.regions.exists(code))) throw new DomainError('REGION_UNKNOWN', `unknown region ${code}`);
  }

  /** Where a submission lands: a signed commitment admits at once; otherwise staff verify first. */
  function admissionColumns(commitment: { accepted: boolean; version: string }, now: Date) {
    return commitment.accepted
      ? {
          status: 'active',
          admission: 'commitment',
          post_check: 'pending',
          commitment_version: commitment.version,
          commitment_sha256: COMMITMENT_SHA256,
          commitment_signed_at: now,
          submitted_at: now,
        }
      : {
          status: 'pending',
          admission: 'review',
          post_check: null,
          commitment_version: null,
          commitment_sha256: null,
          commitment_signed_at: null,
          submitted_at: now,
        };
  }

  async function register(input: RegisterInput, actor: Actor): Promise<{ entity: EntityView; userId: string }> {
    await checkTexts(input.agreement.version, input.commitment);
    await checkRegion(input.entity.regionCode);
    const now = deps.clock.now();
    const entityId = randomUUID();
    const userId = randomUUID();
    const passwordHash = await deps.passwords.hash(input.account.password);
    try {
      return await deps.db.transaction().execute(async (trx) => {
        const t = tables(trx);
        await assertEntityUnique(t, input.entity);
        await assertUsernameFree(t, input.account.username);
        const admission = input.draft
          ? { status: 'draft', admission: input.commitment.accepted ? 'commitment' : 'review', post_check: null, submitted_at: null }
          : admissionColumns(input.commitment, now);
        const row = await t
          .insertInto('identity.market_entity')
          .values({
            id: entityId,
            name: input.entity.name,
            credit_code: input.entity.creditCode,
            roles: input.entity.roles,
            region_code: input.entity.regionCode,
            legal_representative: input.entity.legalRepresentative,
            contact_name: input.entity.contactName,
            contact_phone: input.entity.contactPhone,
            contact_email: input.entity.contactEmail ?? null,
            address: input.entity.address,
            agreement_version: input.agreement.version,
            agreement_accepted_at: now,
            applicant_user_id: userId,
            created_at: now,
            updated_at: now,
            ...admission,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await t
          .insertInto('identity.user_account')
          .values({
            id: userId,
            username: input.account.username,
            display_name: input.account.displayName,
            kind: 'entity',
            entity_id: entityId,
            region_code: input.entity.regionCode,
            categories: [],
            password_hash: passwordHash,
            created_at: now,
          })
          .execute();
        const applicant: Actor = { ...actor, kind: 'user', id: userId, label: `${input.account.username} (entity)` };
        await deps.audit.record(trx, applicant, {
          action: input.draft ? 'identity.entity.draftSaved' : 'identity.entity.registered',
          targetType: 'marketEntity',
          targetId: entityId,
          regionCode: input.entity.regionCode,
          details: {
            name: input.entity.name,
            creditCode: input.entity.creditCode,
            roles: input.entity.roles,
            agreementVersion: input.agreement.version,
            admission: row.admission,
            status: row.status,
            ...(row.commitment_sha256 ? { commitmentSha256: row.commitment_sha256 } : {}),
          },
        });
        if (row.status === 'active') await notifyAdmitted(trx, entityId);
        return { entity: toEntityView(row), userId };
      });
    } catch (err) {
      translateUniqueViolation(err);
    }
  }

  async function loadOwn(principal: Principal, entityId: string) {
    if (principal.entity?.id !== entityId) throw new DomainError('ENTITY_NOT_FOUND', 'no such entity');
    const row = await tables(deps.db).selectFrom('identity.market_entity').selectAll().where('id', '=', entityId).executeTakeFirst();
    if (!row) throw new DomainError('ENTITY_NOT_FOUND', 'no such entity');
    return row;
  }

  /** Only a draft or a rejected registration is edited; a pending one waits for staff. */
  async function editRegistration(principal: Principal, entityId: string, profile: EntityProfile, actor: Actor) {
    const current = await loadOwn(principal, entityId);
    if (current.status !== 'draft' && current.status !== 'rejected') {
      throw new DomainError('ENTITY_NOT_EDITABLE', `a registration that is ${current.status} cannot be edited`, { status: current.status });
    }
    await checkRegion(profile.regionCode);
    try {
      return await deps.db.transaction().execute(async (trx) => {
        const t = tables(trx);
        await assertEntityUnique(t, profile, entityId);
        const row = await t
          .updateTable('identity.market_entity')
          .set({ ...profileColumns(profile), contact_email: profile.contactEmail ?? null, updated_at: deps.clock.now() })
          .where('id', '=', entityId)
          .where('status', 'in', ['draft', 'rejected'])
          .returningAll()
          .executeTakeFirst();
        if (!row) throw new DomainError('ENTITY_NOT_EDITABLE', 'the registration changed state meanwhile');
        await deps.audit.record(trx, actor, {
          action: 'identity.entity.registrationEdited',
          targetType: 'marketEntity',
          targetId: entityId,
          regionCode: row.region_code,
          details: { profile },
        });
        return toEntityView(row);
      });
    } catch (err) {
      translateUniqueViolation(err);
    }
  }

  /** Submits a draft or resubmits a rejected registration. */
  async function submit(principal: Principal, entityId: string, commitment: { accepted: boolean; version: string }, actor: Actor) {
    const current = await loadOwn(principal, entityId);
    await checkTexts(current.agreement_version, commitment);
    if (current.status !== 'draft' && current.status !== 'rejected') {
      throw new DomainError('ENTITY_STATE_CONFLICT', `a registration that is ${current.status} cannot be submitted`);
    }
    const now = deps.clock.now();
    return deps.db.transaction().execute(async (trx) => {
      const row = await tables(trx)
        .updateTable('identity.market_entity')
        .set({ ...admissionColumns(commitment, now), updated_at: now, verified_by: null, verified_at: null, verification_note: null })
        .where('id', '=', entityId)
        .where('status', 'in', ['draft', 'rejected'])
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new DomainError('ENTITY_STATE_CONFLICT', 'the registration changed state meanwhile');
      await deps.audit.record(trx, actor, {
        action: current.status === 'rejected' ? 'identity.entity.resubmitted' : 'identity.entity.submitted',
        targetType: 'marketEntity',
        targetId: entityId,
        regionCode: row.region_code,
        details: { admission: row.admission, status: row.status },
      });
      if (row.status === 'active') await notifyAdmitted(trx, entityId);
      return toEntityView(row);
    });
  }

  /** Deletes a draft or rejected registration with its account; the audit trail keeps the record. */
  async function deleteRegistration(principal: Principal, entityId: string, actor: Actor) {
    const current = await loadOwn(principal, entityId);
    if (current.status !== 'draft' && current.status !== 'rejected') {
      throw new DomainError('ENTITY_NOT_EDITABLE', `a registration that is ${current.status} cannot be deleted`);
    }
    await deps.db.transaction().execute(async (trx) => {
      const t = tables(trx);
      const users = await t.selectFrom('identity.user_account').select('id').where('entity_id', '=', entityId).execute();
      const ids = users.map((u) => u.id);
      if (ids.length) {
        await t.deleteFrom('identity.session').where('user_id', 'in', ids).execute();
        await t.deleteFrom('identity.user_account').where('id', 'in', ids).execute();
      }
      await t.deleteFrom('identity.entity_change').where('entity_id', '=', entityId).execute();
      const deleted = await t
        .deleteFrom('identity.market_entity')
        .where('id', '=', entityId)
        .where('status', 'in', ['draft', 'rejected'])
        .executeTakeFirst();
      if (deleted.numDeletedRows === 0n) throw new DomainError('ENTITY_NOT_EDITABLE', 'the registration changed state meanwhile');
      await deps.audit.record(trx, actor, {
        action: 'identity.entity.registrationDeleted',
        targetType: 'marketEntity',
        targetId: entityId,
        regionCode: current.region_code,
        details: { name: current.name, creditCode: current.credit_code },
      });
    });
  }

  return { register, editRegistration, submit, deleteRegistration };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
