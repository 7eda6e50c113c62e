import type { Principal } from './principal.ts';
import type { Relation, Scope } from './scope-types.ts';

export type { Relation, Scope } from './scope-types.ts';

/** What the owning module knows of one resource for one caller. */
export interface ScopeFacts {
  /** The region whose staff answer for it; null for a record of the whole platform (the top region's staff). */
  regionCode: string | null;
  relations: ReadonlySet<Relation>;
  /** A personal record (a message): only its relations reach it, no account by region. */
  personal?: boolean;
}

export interface ScopeResolver {
  /** The error a caller gets for a resource that does not exist, or that the caller may not know of. */
  notFound(id: string): Error;
  /**
   * The refusal for a caller who may know a published resource exists but lacks the relation the route
   * needs (a bidder asking about documents it has not obtained); absent, such a caller gets `notFound`.
   */
  refusal?(id: string, parties: readonly Relation[], caller: { entityId: string | null }): Error;
  /** Facts for this caller, or null when there is no such resource. Must not throw on a malformed id. */
  resolve(id: string, caller: { userId: string; entityId: string | null }): Promise<ScopeFacts | null>;
}

export type ScopeResolvers = Readonly<Record<string, ScopeResolver>>;

/** The regions whose records a caller reaches; `unregioned` also those of the whole platform (region null). */
export interface RegionScope {
  codes: readonly string[];
  unregioned: boolean;
}

export interface RegionCatalog {
  /** A region and every region below it. */
  codesWithin(regionCode: string): readonly string[];
  /** Every region the platform serves. */
  allCodes(): readonly string[];
  /** True for a region with no parent: its accounts also answer for records of no region. */
  isTop(regionCode: string): boolean;
}

/**
 * Staff, supervisors and auditors reach their region and those below it; the system and security
 * administrators run the whole platform (decision 0012); entity users reach no region.
 */
export function regionScopeOf(principal: Principal, regions: RegionCatalog): RegionScope {
  if (principal.kind === 'admin' || principal.kind === 'securityAdmin') return { codes: regions.allCodes(), unregioned: true };
  if (principal.kind !== 'staff' && principal.kind !== 'supervisor' && principal.kind !== 'auditor') return { codes: [], unregioned: false };
  return { codes: regions.codesWithin(principal.regionCode), unregioned: regions.isTop(principal.regionCode) };
}

/** For `platform` scopes: the caller answers for the whole platform. */
export function reachesWholePlatform(principal: Principal, regions: RegionCatalog): boolean {
  return regionScopeOf(principal, regions).unregioned;
}

export function admits(scope: Extract<Scope, { resource: string }>, facts: ScopeFacts, principal: Principal, regions: RegionCatalog): boolean {
  if (scope.parties.includes('published') && facts.relations.has('published')) return true;
  if (principal.kind === 'entity' || facts.personal) return scope.parties.some((p) => facts.relations.has(p));
  const reach = regionScopeOf(principal, regions);
  return facts.regionCode === null ? reach.unregioned : reach.codes.includes(facts.regionCode);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Resolvers look up ids as UUIDs; anything else cannot name a resource. */
export function isResourceId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Facts from the relations that hold: `{ tenderer: row.tenderer_entity_id === entityId, … }`. */
export function factsOf(regionCode: string | null, holds: Partial<Record<Relation, boolean>>): ScopeFacts {
  return { regionCode, relations: new Set((Object.keys(holds) as Relation[]).filter((r) => holds[r])) };
}
