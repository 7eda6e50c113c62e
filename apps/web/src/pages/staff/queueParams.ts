import { entityRoles, entityStatuses } from '@bidhall/contracts';
import type { EntityFilter } from '../../api/staff.ts';
import type { EntityRole, EntitySort, EntityStatus, PostCheckResult, SortOrder } from '../../api/types.ts';

export const PAGE_SIZES = [10, 20, 50, 100];
const POST_CHECKS: PostCheckResult[] = ['pending', 'passed', 'failed'];
export const SORTS: readonly EntitySort[] = ['name', 'regionCode', 'status', 'submittedAt', 'createdAt'];
const ORDERS: readonly SortOrder[] = ['asc', 'desc'];
/** The API's own default: newest submissions first. Left out of the URL. */
export const DEFAULT_SORT: { sort: EntitySort; order: SortOrder } = { sort: 'submittedAt', order: 'desc' };
/** The direction a column sorts in first: text A→Z, times newest first. */
export const FIRST_ORDER: Record<EntitySort, SortOrder> = {
  name: 'asc',
  regionCode: 'asc',
  status: 'asc',
  submittedAt: 'desc',
  createdAt: 'desc',
};

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The queue's filters, sort and page live in the URL, so a view can be bookmarked and shared. */
export function filterFromParams(params: URLSearchParams): EntityFilter & { sort: EntitySort; order: SortOrder; page: number } {
  const size = Number(params.get('size')) || 20;
  const limit = PAGE_SIZES.includes(size) ? size : 20;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const sort = oneOf(params.get('sort'), SORTS) ?? DEFAULT_SORT.sort;
  return {
    status: oneOf<EntityStatus>(params.get('status'), entityStatuses),
    postCheck: oneOf<PostCheckResult>(params.get('postCheck'), POST_CHECKS),
    regionCode: params.get('region') ?? undefined,
    role: oneOf<EntityRole>(params.get('role'), entityRoles),
    q: params.get('q') ?? undefined,
    sort,
    order: oneOf(params.get('order'), ORDERS) ?? FIRST_ORDER[sort],
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

/** The URL parameters of a sort: none for the default, else `sort` and `order`. */
export function sortParams(sort: EntitySort | undefined, order: SortOrder | undefined): { sort?: string; order?: string } {
  if (!sort || !order || (sort === DEFAULT_SORT.sort && order === DEFAULT_SORT.order))
    return { sort: undefined, order: undefined };
  return { sort, order };
}
