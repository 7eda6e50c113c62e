import type { SubmissionStatus } from '@bidhall/contracts';
import { Button, type TableColumnType, type TablePaginationConfig, type TableProps } from 'antd';
import type { TFunction } from 'i18next';
import type { SortOrder } from 'antd/es/table/interface';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../format.ts';
import { PAGE_SIZES, paramsWith, queryFromParams, sortFromTable, sortOrderOf, type ListSort } from './listParams.ts';

/** A table over a list whose filters, sort and page live in the URL (see listParams). */
export function useListTable(defaultSort: ListSort) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { query, page, limit } = queryFromParams(params, defaultSort);
  const update = (changes: Record<string, string | number | undefined>) => setParams(paramsWith(params, changes));

  /** A sort change goes to the URL and back to the first page. */
  const onChange = <T,>(...[, , sorter, extra]: Parameters<NonNullable<TableProps<T>['onChange']>>) => {
    if (extra.action !== 'sort') return;
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    update({ sort: sortFromTable(s?.columnKey, s?.order), page: undefined });
  };

  /** Without a total, the table pages the rows it was given. */
  const pagination = (total?: number): TablePaginationConfig => ({
    current: page,
    pageSize: limit,
    ...(total === undefined ? {} : { total }),
    pageSizeOptions: PAGE_SIZES,
    showSizeChanger: true,
    showTotal: (n) => t('common.total', { total: n }),
    onChange: (p, size) => update({ page: p > 1 ? p : undefined, size: size !== 20 ? size : undefined }),
  });

  return { query, page, limit, update, onChange, pagination };
}

/** A sortable time column (submitted or created). */
export function timeColumn<T>(
  title: string,
  key: 'submittedAt' | 'createdAt',
  sort: ListSort | undefined,
  sortDirections: SortOrder[],
): TableColumnType<T> {
  return {
    title,
    key,
    dataIndex: key,
    width: 150,
    sorter: true,
    sortOrder: sortOrderOf(sort, key),
    sortDirections,
    render: (v: string | null) => formatTime(v),
  };
}

/** The reviewer's button on a row: handle what is submitted, else view it. */
export function openColumn<T extends { id: string; status: SubmissionStatus }>(
  t: TFunction,
  onOpen: (id: string) => void,
): TableColumnType<T> {
  return {
    title: t('common.actions'),
    key: 'actions',
    width: 80,
    render: (_, row) => (
      <Button size="small" onClick={() => onOpen(row.id)}>
        {row.status === 'submitted' ? t('projects.staff.handle') : t('projects.staff.view')}
      </Button>
    ),
  };
}
