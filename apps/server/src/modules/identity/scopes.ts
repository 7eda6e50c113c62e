import { factsOf, isResourceId, type ScopeResolver } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { tables } from './identity.deps.ts';
import { personalTables } from './personal-certificate.tables.ts';

/** Market entities and their changes for route scopes: the entity's region; the entity itself is their `subject`. */
export function createIdentityScopes(db: Db): Record<string, ScopeResolver> {
  return {
    entity: {
      notFound: (id) => new DomainError('ENTITY_NOT_FOUND', `no market entity ${id}`),
      async resolve(id, { entityId }) {
        const e = await tables(db).selectFrom('identity.market_entity').select(['region_code', 'status']).where('id', '=', id).executeTakeFirst();
        // An admitted entity's name and credit code are public (the public service platform has them too).
        return e ? factsOf(e.region_code, { subject: entityId === id, published: e.status === 'active' }) : null;
      },
    },
    entityChange: {
      notFound: (id) => new DomainError('CHANGE_NOT_FOUND', `no change request ${id}`),
      async resolve(id, { entityId }) {
        const c = await tables(db)
          .selectFrom('identity.entity_change as c')
          .innerJoin('identity.market_entity as e', 'e.id', 'c.entity_id')
          .select(['e.region_code', 'c.entity_id'])
          .where('c.id', '=', id)
          .executeTakeFirst();
        return c ? factsOf(c.region_code, { subject: entityId !== null && c.entity_id === entityId }) : null;
      },
    },
    certificate: {
      notFound: () => new DomainError('CERTIFICATE_NOT_FOUND', 'no such certificate'),
      async resolve(id, { entityId }) {
        const c = await tables(db)
          .selectFrom('identity.certificate as c')
          .innerJoin('identity.market_entity as e', 'e.id', 'c.entity_id')
          .select(['e.region_code', 'c.entity_id'])
          .where('c.id', '=', id)
          .executeTakeFirst();
        return c ? factsOf(c.region_code, { subject: entityId !== null && c.entity_id === entityId }) : null;
      },
    },
    // A personal certificate is its account's alone: no region reaches it.
    personalCertificate: {
      notFound: () => new DomainError('CERTIFICATE_NOT_FOUND', 'no such certificate'),
      async resolve(id, { userId }) {
        if (!isResourceId(id)) return null;
        const c = await personalTables(db).selectFrom('identity.personal_certificate').select('user_id').where('id', '=', id).executeTakeFirst();
        return c ? { ...factsOf(null, { subject: c.user_id === userId }), personal: true } : null;
      },
    },
  };
}
