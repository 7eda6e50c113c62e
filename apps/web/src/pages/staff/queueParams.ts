import { entityRoles, entityStatuses } from '@bidhall/contracts';
import type { EntityFilter } from '../../api/staff.ts';
import type { EntityRole, EntityStatus, PostCheckResult } from '../../api/types.ts';

export const PAGE_SIZES = [10, 20, 50, 100];
const POST_CHECKS: PostCheckResult[] = ['pending', 'passed', 'failed'];

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The queue's filters and page live in the URL, so a view can be bookmarked and shared. */
export function filterFromParams(params: URLSearchParams): EntityFilter & { page: number } {
  const size = Number(params.get('size')) || 20;
  const limit = PAGE_SIZES.includes(size) ? size : 20;
  const page = Math.max(1, Number(params.get('page')) || 1);
  return {
    status: oneOf<EntityStatus>(params.get('status'), entityStatuses),
    postCheck: oneOf<PostCheckResult>(params.get('postCheck'), POST_CHECKS),
    regionCode: params.get('region') ?? undefined,
    role: oneOf<EntityRole>(params.get('role'), entityRoles),
    q: params.get('q') ?? undefined,
    limit,
    offset: (page - 1) * limit,
    page,
  };
}

export function paramsWith(
  params: URLSearchParams,
  changes: Record<string, string | number | undefined | null>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === null || v === '') next.delete(k);
    else next.set(k, String(v));
  }
  return next;
}
