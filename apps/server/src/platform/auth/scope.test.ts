import { describe, expect, it } from 'vitest';
import type { Principal } from './principal.ts';
import { admits, factsOf, type RegionCatalog, regionScopeOf } from './scope.ts';

// 鄂尔多斯市 and two of its districts.
const regions: RegionCatalog = {
  codesWithin: (code) => (code === '150600' ? ['150600', '150602', '150621'] : [code]),
  allCodes: () => ['150600', '150602', '150621'],
  isTop: (code) => code === '150600',
};

const user = (kind: Principal['kind'], regionCode: string, entityId?: string): Principal => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  kind,
  regionCode,
  department: null,
  categories: [],
  entity: entityId ? { id: entityId, name: 'E', status: 'active', roles: ['tenderer'] } : null,
  sessionHash: 'h',
});

const ofSection = { resource: 'section', parties: ['tenderer', 'agency'] } as const;

describe('route scopes', () => {
  it('staff reach their region and those below it; a district officer not the city or another district', () => {
    const facts = factsOf('150602', {});
    expect(admits(ofSection, facts, user('staff', '150602'), regions)).toBe(true);
    expect(admits(ofSection, facts, user('staff', '150600'), regions)).toBe(true);
    expect(admits(ofSection, facts, user('staff', '150621'), regions)).toBe(false);
    expect(admits(ofSection, factsOf('150600', {}), user('staff', '150602'), regions)).toBe(false);
  });

  it('entity users are admitted by a relation the route names, never by region', () => {
    expect(admits(ofSection, factsOf('150602', { tenderer: true }), user('entity', '150602', 'e1'), regions)).toBe(true);
    expect(admits(ofSection, factsOf('150602', { holder: true }), user('entity', '150602', 'e1'), regions)).toBe(false);
    expect(admits(ofSection, factsOf('150602', {}), user('entity', '150602', 'e1'), regions)).toBe(false);
  });

  it('a published resource is everyone’s only where the route says so', () => {
    const published = factsOf('150602', { published: true });
    expect(admits(ofSection, published, user('entity', '150621', 'e2'), regions)).toBe(false);
    expect(admits({ ...ofSection, parties: ['published'] }, published, user('entity', '150621', 'e2'), regions)).toBe(true);
  });

  it('records of no region belong to the top region’s accounts and the system administrator', () => {
    const platformWide = factsOf(null, {});
    expect(admits(ofSection, platformWide, user('auditor', '150600'), regions)).toBe(true);
    expect(admits(ofSection, platformWide, user('staff', '150602'), regions)).toBe(false);
    expect(regionScopeOf(user('admin', '150600'), regions)).toEqual({ codes: regions.allCodes(), unregioned: true });
    expect(regionScopeOf(user('expert', '150600'), regions)).toEqual({ codes: [], unregioned: false });
  });
});
