import type { TenderingPlanRow } from '@bidhall/contracts';
import { Button, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { projectsApi } from '../../api/projects.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { ListFilters } from '../projects/ListFilters.tsx';
import { sortOrderOf } from '../projects/listParams.ts';
import { openColumn, timeColumn, useListTable } from '../projects/listTable.tsx';
import { SubmissionTag } from '../projects/tags.tsx';

/** Tendering plans submitted for review, filtered, sorted and paged by the server. */
export function PlanQueue({ onOpen, regionScope, refreshKey }: { onOpen: (id: string) => void; regionScope?: string; refreshKey?: unknown }) {
  const { t } = useTranslation();
  const { regionName } = useCatalog();
  const { query, update, onChange, pagination } = useListTable('submittedAt');
  const list = useLoader(() => projectsApi.tenderingPlans(query), [JSON.stringify(query), refreshKey]);

  const columns: TableColumnsType<TenderingPlanRow> = [
    {
      title: t('projects.staff.tenderingProject'),
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf(query.sort, 'name'),
      sortDirections: ['ascend'],
      render: (_, p) => (
        <div>
          <Button type="link" className="table-link" onClick={() => onOpen(p.id)} data-testid="plan-link">
            {p.tenderingProjectName}
          </Button>
          <div className="muted small">
            {p.projectName} · <span className="mono">{p.approvalCode}</span>
          </div>
        </div>
      ),
    },
    { title: t('projects.columns.tenderer'), dataIndex: 'tendererName' },
    { title: t('projects.columns.region'), key: 'region', width: 110, render: (_, p) => regionName(p.regionCode) },
    { title: t('projects.plan.items'), dataIndex: 'itemCount', width: 90, align: 'right' },
    { title: t('projects.plan.team'), dataIndex: 'teamCount', width: 100, align: 'right' },
    { title: t('projects.columns.status'), dataIndex: 'status', width: 100, render: (s: TenderingPlanRow['status']) => <SubmissionTag status={s} /> },
    timeColumn(t('projects.columns.submittedAt'), 'submittedAt', query.sort, ['ascend', 'descend']),
    openColumn(t, onOpen),
  ];

  return (
    <>
      <ListFilters query={query} show={{ status: true, region: true }} regionScope={regionScope} onChange={update} />
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.reload()} />
      ) : (
        <Table<TenderingPlanRow>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items}
          columns={columns}
          onChange={onChange}
          onRow={(p) => ({ onDoubleClick: () => onOpen(p.id) })}
          scroll={{ x: 1000 }}
          data-testid="plans-table"
          pagination={pagination(list.data?.total ?? 0)}
        />
      )}
    </>
  );
}
