import type { SectionStage } from '@bidhall/contracts';
import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { projectsApi, type SectionRow } from '../../api/projects.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { formatTime } from '../../format.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { ListFilters } from './ListFilters.tsx';
import { sortOrderOf } from './listParams.ts';
import { useListTable } from './listTable.tsx';
import { formatFen } from './money.ts';
import { StageTag } from './tags.tsx';

/** My sections (标段/包) with their stage, filtered, sorted and paged on the server. */
export function SectionsTable() {
  const { t } = useTranslation();
  const { regionName } = useCatalog();
  const { query, update, onChange, pagination } = useListTable('-createdAt');
  const list = useLoader(() => projectsApi.mySections(query), [JSON.stringify(query)]);

  const columns: TableColumnsType<SectionRow> = [
    {
      title: t('projects.columns.section'),
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf(query.sort, 'name'),
      sortDirections: ['ascend'],
      render: (_, s) => (
        <div>
          <Link to={`/projects/sections/${s.id}`} data-testid="section-link">
            {s.name}
          </Link>
          <div className="muted small mono">{s.code}</div>
        </div>
      ),
    },
    {
      title: t('projects.columns.tenderingProject'),
      key: 'tp',
      render: (_, s) => (
        <div>
          <Link to={`/projects/tendering/${s.tenderingProjectId}`}>{s.tenderingProjectName}</Link>
          <div className="muted small">
            <Link to={`/projects/${s.projectId}`}>{s.projectName}</Link>
          </div>
        </div>
      ),
    },
    { title: t('projects.columns.method'), dataIndex: 'method', width: 150, render: (m: SectionRow['method']) => t(`projects.method.${m}`) },
    {
      title: t('projects.columns.budget'),
      dataIndex: 'budgetFen',
      align: 'right',
      width: 150,
      render: (v: string) => <span className="mono">{formatFen(v)}</span>,
    },
    { title: t('projects.columns.region'), dataIndex: 'regionCode', width: 110, render: (v: string) => regionName(v) },
    {
      title: t('projects.columns.stage'),
      dataIndex: 'stage',
      width: 120,
      render: (stage: SectionStage, s) => (
        <>
          <StageTag stage={stage} />
          {s.round > 1 && <span className="muted small">{t('projects.round', { round: s.round })}</span>}
        </>
      ),
    },
    {
      title: t('projects.columns.bidDeadline'),
      key: 'bidDeadline',
      width: 150,
      render: (_, s) => formatTime(s.timetable.bidDeadline),
    },
    {
      title: t('projects.columns.createdAt'),
      key: 'createdAt',
      dataIndex: 'createdOn',
      width: 120,
      sorter: true,
      sortOrder: sortOrderOf(query.sort, 'createdAt'),
      sortDirections: ['descend', 'ascend'],
    },
  ];

  return (
    <>
      <ListFilters query={query} show={{ stage: true, region: true }} onChange={update} />
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.reload()} />
      ) : (
        <Table<SectionRow>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          onChange={onChange}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('projects.empty') }}
          data-testid="sections-table"
          pagination={pagination(list.data?.total ?? 0)}
        />
      )}
    </>
  );
}
