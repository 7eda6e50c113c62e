import type { TenderingPlanView } from '@bidhall/contracts';
import { Button, Table, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pageOf, projectsApi, type TenderingProjectDetail } from '../../api/projects.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { ListFilters } from '../projects/ListFilters.tsx';
import { sortOrderOf } from '../projects/listParams.ts';
import { openColumn, timeColumn, useListTable } from '../projects/listTable.tsx';
import { SubmissionTag } from '../projects/tags.tsx';

/** The tendering projects of a page of plans, for their names and regions. */
function useTenderingProjects(ids: string[]) {
  const [known, setKnown] = useState<Record<string, TenderingProjectDetail>>({});
  const key = ids.join();
  useEffect(() => {
    let live = true;
    const missing = ids.filter((id) => !known[id]);
    void Promise.allSettled(missing.map((id) => projectsApi.tenderingProject(id))).then((results) => {
      if (!live) return;
      const found = Object.fromEntries(results.flatMap((r, i) => (r.status === 'fulfilled' ? [[missing[i]!, r.value]] : [])));
      if (Object.keys(found).length) setKnown((k) => ({ ...k, ...found }));
    });
    return () => {
      live = false;
    };
    // Keyed by the ids: `known` only grows, and is read to skip what is loaded.
  }, [key]);
  return known;
}

/**
 * Tendering plans awaiting review. The query goes to the server; while GET /tendering-plans
 * answers with the pending plans only, status, region and order are applied here as well.
 */
export function PlanQueue({ onOpen, regionScope, refreshKey }: { onOpen: (id: string) => void; regionScope?: string; refreshKey?: unknown }) {
  const { t } = useTranslation();
  const { regionName } = useCatalog();
  const { query, update, onChange, pagination } = useListTable('submittedAt');
  const list = useLoader(() => projectsApi.tenderingPlans(query).then(pageOf), [JSON.stringify(query), refreshKey]);
  const items = list.data?.items ?? [];
  const tps = useTenderingProjects([...new Set(items.map((p) => p.tenderingProjectId))]);

  // A server that pages answers with a total beyond the page; one that sends everything is sorted here.
  const local = !list.data || list.data.total === list.data.items.length;
  const rows = useMemo(() => {
    if (!local) return items;
    const regionOf = (p: TenderingPlanView) => tps[p.tenderingProjectId]?.project.regionCode;
    const nameOf = (p: TenderingPlanView) => tps[p.tenderingProjectId]?.tenderingProject.name ?? '';
    const q = query.q?.toLowerCase();
    const filtered = items.filter(
      (p) =>
        (!query.status || p.status === query.status) &&
        (!query.regionCode || regionOf(p) === query.regionCode) &&
        (!q || nameOf(p).toLowerCase().includes(q) || (tps[p.tenderingProjectId]?.project.approvalCode ?? '').includes(q)),
    );
    const dir = query.sort?.startsWith('-') ? -1 : 1;
    const field = query.sort?.replace('-', '') ?? 'submittedAt';
    return [...filtered].sort((a, b) => {
      if (field === 'name') return nameOf(a).localeCompare(nameOf(b), 'zh-CN');
      const x = field === 'createdAt' ? a.createdAt : (a.submittedAt ?? '');
      const y = field === 'createdAt' ? b.createdAt : (b.submittedAt ?? '');
      return dir * x.localeCompare(y);
    });
  }, [items, tps, query.status, query.regionCode, query.q, query.sort, local]);

  const columns: TableColumnsType<TenderingPlanView> = [
    {
      title: t('projects.staff.tenderingProject'),
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf(query.sort, 'name'),
      sortDirections: ['ascend'],
      render: (_, p) => {
        const d = tps[p.tenderingProjectId];
        return (
          <div>
            <Button type="link" className="table-link" onClick={() => onOpen(p.id)} data-testid="plan-link">
              {d?.tenderingProject.name ?? p.tenderingProjectId.slice(0, 8)}
            </Button>
            {d && <div className="muted small">{d.project.name}</div>}
          </div>
        );
      },
    },
    { title: t('projects.columns.tenderer'), key: 'tenderer', render: (_, p) => tps[p.tenderingProjectId]?.tenderingProject.tendererName ?? '—' },
    { title: t('projects.columns.region'), key: 'region', width: 110, render: (_, p) => regionName(tps[p.tenderingProjectId]?.project.regionCode) },
    { title: t('projects.plan.items'), key: 'items', width: 90, align: 'right', render: (_, p) => p.items.length },
    { title: t('projects.plan.team'), key: 'team', width: 100, align: 'right', render: (_, p) => p.team.length },
    { title: t('projects.columns.status'), dataIndex: 'status', width: 100, render: (s: TenderingPlanView['status']) => <SubmissionTag status={s} /> },
    timeColumn(t('projects.columns.submittedAt'), 'submittedAt', query.sort, ['ascend', 'descend']),
    openColumn(t, onOpen),
  ];

  return (
    <>
      <ListFilters query={query} show={{ status: true, region: true }} regionScope={regionScope} onChange={update} />
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.reload()} />
      ) : (
        <Table<TenderingPlanView>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={rows}
          columns={columns}
          onChange={onChange}
          onRow={(p) => ({ onDoubleClick: () => onOpen(p.id) })}
          scroll={{ x: 1000 }}
          data-testid="plans-table"
          pagination={pagination(local ? undefined : (list.data?.total ?? 0))}
        />
      )}
    </>
  );
}
