import { Button, Card, Table, type TableColumnsType, type TableProps } from 'antd';
import type { SortOrder as AntSortOrder } from 'antd/es/table/interface';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { staffApi } from '../../api/staff.ts';
import type { EntitySort, EntityStatus, EntityView } from '../../api/types.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { AdmissionTag, EntityStatusTag, PostCheckTag, RoleTags } from '../../components/StatusTags.tsx';
import { formatTime } from '../../format.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { EntityDrawer } from './EntityDrawer.tsx';
import { EntityFilters } from './EntityFilters.tsx';
import { filterFromParams, FIRST_ORDER, PAGE_SIZES, paramsWith, SORTS, sortParams } from './queueParams.ts';
import { QueueStats } from './QueueStats.tsx';

/** The entities in the staff member's region, filtered, sorted and paged on the server. */
export function EntityQueue({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const { regionName } = useCatalog();
  const [params, setParams] = useSearchParams();
  const { page, ...filter } = filterFromParams(params);
  const key = JSON.stringify(filter);
  const list = useLoader(() => staffApi.entities(filter), [key]);
  const openId = params.get('entity');

  const update = (changes: Record<string, string | number | undefined>) =>
    setParams(paramsWith(params, { ...changes, page: changes.page ?? undefined }));
  const open = (id: string | undefined) => setParams(paramsWith(params, { entity: id }));

  /** A column sorted on the server: its order shown from the URL, the first click going its natural way. */
  const sortable = (key: EntitySort) => {
    const current: AntSortOrder = filter.sort === key ? (filter.order === 'asc' ? 'ascend' : 'descend') : null;
    const first: AntSortOrder = FIRST_ORDER[key] === 'asc' ? 'ascend' : 'descend';
    const second: AntSortOrder = first === 'ascend' ? 'descend' : 'ascend';
    return {
      key,
      sorter: true,
      sortOrder: current,
      // The default column toggles between its two orders; another column's third click returns to it.
      sortDirections: key === 'submittedAt' ? [first, second, first] : [first, second],
    };
  };
  const onTableChange: TableProps<EntityView>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== 'sort') return;
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = SORTS.find((k) => k === s?.columnKey);
    update({ ...sortParams(s?.order ? key : undefined, s?.order === 'ascend' ? 'asc' : 'desc'), page: undefined });
  };

  const columns: TableColumnsType<EntityView> = [
    {
      title: t('fields.name'),
      dataIndex: 'name',
      ...sortable('name'),
      render: (name: string, e) => (
        <Button type="link" className="table-link" onClick={() => open(e.id)} data-testid="queue-entity-link">
          {name}
        </Button>
      ),
    },
    {
      title: t('fields.creditCode'),
      dataIndex: 'creditCode',
      render: (v: string) => <span className="mono">{v}</span>,
      width: 185,
    },
    {
      title: t('fields.roles'),
      dataIndex: 'roles',
      render: (roles: EntityView['roles']) => <RoleTags roles={roles} />,
      width: 130,
    },
    {
      title: t('fields.regionCode'),
      dataIndex: 'regionCode',
      render: (v: string) => regionName(v),
      width: 110,
      ...sortable('regionCode'),
    },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      width: 100,
      ...sortable('status'),
      render: (s: EntityStatus) => <EntityStatusTag status={s} />,
    },
    {
      title: t('staff.columns.admission'),
      dataIndex: 'admission',
      width: 100,
      render: (v: EntityView['admission']) => <AdmissionTag value={v} />,
    },
    {
      title: t('staff.columns.postCheck'),
      dataIndex: 'postCheck',
      width: 100,
      render: (v: EntityView['postCheck']) => <PostCheckTag value={v} />,
    },
    {
      title: t('staff.columns.submittedAt'),
      dataIndex: 'submittedAt',
      width: 160,
      ...sortable('submittedAt'),
      render: (v: string | null) => formatTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, e) => (
        <Button size="small" onClick={() => open(e.id)}>
          {readOnly || !['pending', 'active', 'suspended'].includes(e.status) ? t('staff.view') : t('staff.handle')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <QueueStats onPick={(changes) => update({ status: undefined, postCheck: undefined, ...changes })} refreshKey={list.data} />
      <Card className="queue-card">
        <EntityFilters filter={filter} onChange={(c) => update({ ...c, page: undefined })} />
        {list.error ? (
          <LoadError error={list.error} onRetry={() => void list.reload()} />
        ) : (
          <Table<EntityView>
            rowKey="id"
            size="middle"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            columns={columns}
            scroll={{ x: 1180 }}
            onRow={(e) => ({ onDoubleClick: () => open(e.id) })}
            onChange={onTableChange}
            data-testid="entity-table"
            pagination={{
              current: page,
              pageSize: filter.limit,
              total: list.data?.total ?? 0,
              pageSizeOptions: PAGE_SIZES,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, size) => update({ page: page > 1 ? page : undefined, size: size !== 20 ? size : undefined }),
            }}
          />
        )}
      </Card>
      <EntityDrawer id={openId} readOnly={readOnly} onClose={() => open(undefined)} onChanged={() => void list.reload()} />
    </>
  );
}
