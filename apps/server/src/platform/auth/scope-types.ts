/**
 * How a caller stands to a resource, as the resource's owning module tells it. An entity user is
 * admitted by a relation the route names; platform accounts (staff, supervisors, auditors…) by region.
 */
export type Relation =
  /** The tenderer (招标人) of the resource's tendering project. */
  | 'tenderer'
  /** The agency (招标代理机构) the tenderer mandated. */
  | 'agency'
  /** A bidder who obtained the section's documents (a download receipt exists). */
  | 'holder'
  /** A bidder who may obtain them: the notice is published, or the bidder was invited. */
  | 'prospect'
  /** A bidder invited to the section. */
  | 'invitee'
  /** The entity the award named the winner (中标人) of the section: a party to its contract. */
  | 'winner'
  /** The entity the resource is about (its own registration, change or certificate). */
  | 'subject'
  /** The account or entity a message or similar personal record is addressed to. */
  | 'recipient'
  /** Anyone holding the route's role: the resource is published (a notice, an issued document). */
  | 'published';

/**
 * Which instances of its data a route reaches, declared beside its roles. The access plugin checks
 * `resource` scopes before the handler runs; the access walk checks every kind against callers of the
 * same role in another region or party.
 */
export type Scope =
  /** Only the caller's own account or entity: the route takes no identifier naming anyone else's. */
  | { own: 'account' | 'entity' }
  /** Reads or changes nothing of a region or a party: a stateless service or shared reference data (the reason says which). */
  | { none: string }
  /**
   * Data of the whole platform, administered centrally (the reason says what): only accounts that answer
   * for the whole platform — the top region's staff, supervisors and auditors, the system administrator.
   */
  | { platform: string }
  /** A list its service filters to the caller's regions and parties; the walk proves it leaks nothing. */
  | { list: string }
  /**
   * One resource named by the request (`from`, default `params.id`): admitted are platform accounts
   * whose region covers the resource's, and entity users in one of `parties`.
   */
  | { resource: string; from?: `${'params' | 'body' | 'query'}.${string}`; parties: readonly Relation[] };
