import { describe, expect, it } from 'vitest';
import { isAllowed, type Principal, rolesOf } from './principal.ts';

const entityUser = (status: 'active' | 'suspended'): Principal => ({
  userId: 'u',
  username: 'b',
  displayName: 'b',
  kind: 'entity',
  regionCode: '150602',
  department: null,
  categories: [],
  entity: { id: 'e', name: 'E', status, roles: ['bidder'] },
  sessionHash: 'h',
});

const scope = { own: 'account' } as const;

describe('roles', () => {
  it('an active entity user holds its entity roles; a suspended one only entityMember', () => {
    expect([...rolesOf(entityUser('active'))].sort()).toEqual(['activeEntity', 'bidder', 'entityMember']);
    expect([...rolesOf(entityUser('suspended'))]).toEqual(['entityMember']);
    expect(isAllowed({ roles: ['bidder'], scope }, entityUser('suspended'))).toBe('forbidden');
  });

  it('[F-28] an administrator holds no auditor role and an auditor no administrator role', () => {
    const base = { ...entityUser('active'), entity: null };
    expect(isAllowed({ roles: ['auditor'], scope }, { ...base, kind: 'admin' })).toBe('forbidden');
    expect(isAllowed({ roles: ['admin'], scope }, { ...base, kind: 'auditor' })).toBe('forbidden');
  });

  it('anonymous callers are unauthenticated except on public routes', () => {
    expect(isAllowed({ public: true }, null)).toBe('ok');
    expect(isAllowed({ authenticated: true, scope }, null)).toBe('unauthenticated');
    expect(isAllowed({ roles: ['staff'], scope }, null)).toBe('unauthenticated');
  });
});
