import type { SubmissionStatus } from '@bidhall/contracts';
import { Button, Table, Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { projectsApi, type EntryFormRow } from '../../api/projects.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { ListFilters } from './ListFilters.tsx';
import { sortOrderOf, type ListSort } from './listParams.ts';
import { openColumn, timeColumn, useListTable } from './listTable.tsx';
import { SubmissionTag } from './tags.tsx';

interface Props {
  /** Staff open a row in a drawer (and see the parties); entities open their form. */
  onOpen?: (id: string) => void;
  regionScope?: string;
  defaultSort?: ListSort;
  /** Changes when the caller wants the list reloaded (after a decision). */
  refreshKey?: unknown;
}

/** Entry forms (一表通办), filtered, sorted and paged on the server: my entries, or the staff queue. */
export function EntryFormsTable({ onOpen, regionScope, defaultSort = '-createdAt', refreshKey }: Props) {
  const { t } = useTranslation();
  const { regionName, categoryName } = useCatalog();
  const { query, update, onChange, pagination } = useListTable(defaultSort);
  const list = useLoader(() => projectsApi.entryForms(query), [JSON.stringify(query), refreshKey]);
  const staff = Boolean(onOpen);

  const columns: TableColumnsType<EntryFormRow> = [
    {
      title: t('projects.columns.project'),
      key: 'name',
      width: 300,
      sorter: true,
      sortOrder: sortOrderOf(query.sort, 'name'),
      sortDirections: ['ascend'],
      render: (_, f) => (
        <div>
          {onOpen ? (
            <Button type="link" className="table-link" onClick={() => onOpen(f.id)} data-testid="entry-link">
              {f.projectName}
            </Button>
          ) : (
            <Link to={`/projects/entry/${f.id}`} data-testid="entry-link">
              {f.projectName}
            </Link>
          )}
          <div className="muted small">{f.tenderingProjectName}</div>
        </div>
      ),
    },
    { title: t('projects.columns.approvalCode'), dataIndex: 'approvalCode', width: 200, render: (v: string) => <span className="mono">{v}</span> },
    {
      title: t('projects.entry.category'),
      dataIndex: 'category',
      width: 140,
      render: (v: string, f) => (
        <>
          {categoryName(v)}
          {f.mustEnter && (
            <Tag color="volcano" className="inline-tag">
              {t('projects.mustEnter')}
            </Tag>
          )}
        </>
      ),
    },
    ...(staff
      ? [
          {
            title: t('projects.columns.tenderer'),
            key: 'parties',
            width: 220,
            render: (_: unknown, f: EntryFormRow) => (
              <div>
                {f.tendererName}
                {f.agencyName && <div className="muted small">{f.agencyName}</div>}
              </div>
            ),
          },
        ]
      : []),
    { title: t('projects.columns.region'), dataIndex: 'regionCode', width: 110, render: (v: string) => regionName(v) },
    { title: t('projects.columns.sections'), dataIndex: 'sectionCount', width: 80, align: 'right' },
    { title: t('projects.columns.status'), dataIndex: 'status', width: 100, render: (s: SubmissionStatus) => <SubmissionTag status={s} /> },
    timeColumn(t('projects.columns.submittedAt'), 'submittedAt', query.sort, ['descend', 'ascend']),
    timeColumn(t('projects.columns.createdAt'), 'createdAt', query.sort, ['descend', 'ascend']),
    ...(onOpen ? [openColumn<EntryFormRow>(t, onOpen)] : []),
  ];

  return (
    <>
      <ListFilters query={query} show={{ status: true, region: true }} regionScope={regionScope} onChange={update} />
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.reload()} />
      ) : (
        <Table<EntryFormRow>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          onChange={onChange}
          onRow={(f) => ({ onDoubleClick: () => onOpen?.(f.id) })}
          scroll={{ x: 1400 }}
          data-testid="entry-forms-table"
          pagination={pagination(list.data?.total ?? 0)}
        />
      )}
    </>
  );
}
