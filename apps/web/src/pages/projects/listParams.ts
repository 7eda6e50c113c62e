import { SECTION_STAGES, type ProjectsQuery, type SectionStage, type SubmissionStatus } from '@bidhall/contracts';
import type { ListQuery } from '../../api/projects.ts';
import type { SortOrder as AntSortOrder } from 'antd/es/table/interface';

export const PAGE_SIZES = [10, 20, 50, 100];
const STATUSES: readonly SubmissionStatus[] = ['draft', 'submitted', 'approved', 'rejected'];
export type ListSort = NonNullable<ProjectsQuery['sort']>;
const SORTS: readonly ListSort[] = ['submittedAt', '-submittedAt', 'createdAt', '-createdAt', 'name'];

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Filters, sort and page of a list live in the URL, so a view can be bookmarked and shared. */
export function queryFromParams(params: URLSearchParams, defaultSort: ListSort) {
  const size = Number(params.get('size')) || 20;
  const limit = PAGE_SIZES.includes(size) ? size : 20;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query: ListQuery = {
    status: oneOf(params.get('status'), STATUSES),
    stage: oneOf<SectionStage>(params.get('stage'), SECTION_STAGES),
    regionCode: params.get('region') ?? undefined,
    q: params.get('q') ?? undefined,
    sort: oneOf(params.get('sort'), SORTS) ?? defaultSort,
    limit,
    offset: (page - 1) * limit,
  };
  return { query, page, limit };
}

export function paramsWith(params: URLSearchParams, changes: Record<string, string | number | undefined | null>) {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === null || v === '') next.delete(k);
    else next.set(k, String(v));
  }
  return next;
}

/** A column's sort order as the table shows it, from the query's `sort` ("-x" is descending). */
export function sortOrderOf(sort: ListSort | undefined, column: 'name' | 'createdAt' | 'submittedAt'): AntSortOrder {
  if (sort === column) return 'ascend';
  if (sort === `-${column}`) return 'descend';
  return null;
}

/** The query's `sort` for a table sort change; undefined returns to the default. */
export function sortFromTable(column: unknown, order: AntSortOrder | undefined): ListSort | undefined {
  if (!order || (column !== 'name' && column !== 'createdAt' && column !== 'submittedAt')) return undefined;
  if (column === 'name') return 'name';
  return order === 'ascend' ? column : `-${column}`;
}
