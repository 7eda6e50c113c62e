import { sql } from 'kysely';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { IdentityDb } from './identity.tables.ts';

/** Names compare without case or whitespace, the same way the unique index does. */
export function normaliseName(name: string): string {
  return name.replace(/\s/g, '').toLowerCase();
}

export async function assertEntityUnique(
  db: IdentityDb,
  fields: { name?: string; creditCode?: string },
  excludeId?: string,
): Promise<void> {
  if (fields.creditCode) {
    let q = db.selectFrom('identity.market_entity').select('id').where('credit_code', '=', fields.creditCode);
    if (excludeId) q = q.where('id', '<>', excludeId);
    if (await q.executeTakeFirst()) {
      throw new DomainError('ENTITY_CREDIT_CODE_TAKEN', 'an entity with this unified social credit code is already registered');
    }
  }
  if (fields.name) {
    let q = db
      .selectFrom('identity.market_entity')
      .select('id')
      .where(sql<string>`lower(regexp_replace(name, '\\s', '', 'g'))`, '=', normaliseName(fields.name));
    if (excludeId) q = q.where('id', '<>', excludeId);
    if (await q.executeTakeFirst()) {
      throw new DomainError('ENTITY_NAME_TAKEN', 'an entity with this name is already registered');
    }
  }
}

export async function assertUsernameFree(db: IdentityDb, username: string): Promise<void> {
  const taken = await db.selectFrom('identity.user_account').select('id').where('username', '=', username).executeTakeFirst();
  if (taken) throw new DomainError('USERNAME_TAKEN', 'this username is taken');
}

/** A unique violation that slipped past the checks (two requests at once) becomes the same refusal. */
export function translateUniqueViolation(err: unknown): never {
  const e = err as { code?: string; constraint?: string };
  if (e.code === '23505') {
    if (e.constraint === 'market_entity_credit_code_key') {
      throw new DomainError('ENTITY_CREDIT_CODE_TAKEN', 'an entity with this unified social credit code is already registered');
    }
    if (e.constraint === 'market_entity_name_key') {
      throw new DomainError('ENTITY_NAME_TAKEN', 'an entity with this name is already registered');
    }
    if (e.constraint === 'user_account_username_key') throw new DomainError('USERNAME_TAKEN', 'this username is taken');
    if (e.constraint === 'user_account_duty_person_key') {
      throw new DomainError('DUTY_CONFLICT', 'this person already holds an account of the three duties; a person holds one at most');
    }
    if (e.constraint === 'account_grant_open_user_key' || e.constraint === 'account_grant_open_username_key') {
      throw new DomainError('GRANT_ALREADY_OPEN', 'a grant for this account is waiting for approval');
    }
    if (e.constraint === 'entity_change_open_key') {
      throw new DomainError('CHANGE_ALREADY_OPEN', 'a change is already open for this entity');
    }
  }
  throw err;
}
