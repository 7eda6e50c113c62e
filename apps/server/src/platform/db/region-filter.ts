import type { ExpressionBuilder } from 'kysely';
import type { RegionScope } from '../auth/scope.ts';

/**
 * `WHERE region_code IN (the caller's regions) [OR region_code IS NULL]`: a list of records of regions,
 * as far as the caller reaches (`request.regionScope()`), records of the whole platform only for the top
 * region's accounts.
 */
export function withinReach(reach: RegionScope) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- applied to tables of several schemas
  return (eb: ExpressionBuilder<any, any>) => {
    const ofRegions = reach.codes.length ? eb('region_code', 'in', [...reach.codes]) : eb.val(false);
    return reach.unregioned ? eb.or([ofRegions, eb('region_code', 'is', null)]) : ofRegions;
  };
}
