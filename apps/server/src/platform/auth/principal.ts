import type { EntityRole, EntityStatus, UserKind } from '@bidhall/contracts';
import type { Scope } from './scope-types.ts';

/** Who is calling, as the session resolver found them. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  kind: UserKind;
  regionCode: string;
  department: string | null;
  categories: string[];
  entity: { id: string; name: string; status: EntityStatus; roles: EntityRole[] } | null;
  sessionHash: string;
}

/**
 * Roles a route may name. Entity roles (tenderer, bidder…) and `activeEntity` hold only while the
 * entity is active: a suspended entity's users keep `entityMember` (to see why, and to appeal) and
 * nothing else.
 */
export type Role = Exclude<UserKind, 'entity'> | EntityRole | 'activeEntity' | 'entityMember';

/** Who may call a route (its roles) and which instances of its data (its scope). */
export type Access =
  | { public: true; reason?: string }
  | { authenticated: true; scope: Scope }
  | { roles: readonly Role[]; scope: Scope };

export function rolesOf(p: Principal): Set<Role> {
  const roles = new Set<Role>();
  if (p.kind !== 'entity') {
    roles.add(p.kind);
    return roles;
  }
  roles.add('entityMember');
  if (p.entity?.status === 'active') {
    roles.add('activeEntity');
    for (const r of p.entity.roles) roles.add(r);
  }
  return roles;
}

export function isAllowed(access: Access, principal: Principal | null): 'ok' | 'unauthenticated' | 'forbidden' {
  if ('public' in access) return 'ok';
  if (!principal) return 'unauthenticated';
  if ('authenticated' in access) return 'ok';
  const held = rolesOf(principal);
  return access.roles.some((r) => held.has(r)) ? 'ok' : 'forbidden';
}
