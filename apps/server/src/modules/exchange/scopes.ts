import type { ScopeResolver } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { tables } from './exchange.deps.ts';

/** Outbox messages for route scopes: the region of what they report; a message of no region is the whole platform's. */
export function createExchangeScopes(db: Db): Record<string, ScopeResolver> {
  return {
    outboxMessage: {
      notFound: () => new DomainError('OUTBOX_MESSAGE_NOT_FOUND', 'no such outbox message'),
      async resolve(id) {
        const m = await tables(db).selectFrom('exchange.outbox_message').select('region_code').where('id', '=', id).executeTakeFirst();
        return m ? { regionCode: m.region_code, relations: new Set() } : null;
      },
    },
  };
}
