import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { EXPERT_LEVELS, type ExpertView } from '@bidhall/contracts';
import { Button, Card, Space, Table, Tag, Tooltip } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { expertsApi, type ExpertFilter } from '../../api/experts.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatTime } from '../../format.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { ExpertDrawer } from './ExpertDrawer.tsx';
import { NominateModal } from './NominateModal.tsx';
import { PoolFilters } from './PoolFilters.tsx';
import { RatingText } from './RatingText.tsx';
import { ExpertStateTag, SpecialtyTags } from './tags.tsx';
import { useCursorPages } from './useCursorPages.ts';
import './experts.css';

const PAGE_SIZE = 50;

/** 专家库管理 (A-217…A-224): the pool filtered by the server, a page at a time by cursor; staff act, supervisors read. */
export default function ExpertPoolPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { regionName } = useCatalog();
  const canAct = user?.kind === 'staff';
  const [filter, setFilter] = useState<ExpertFilter>({});
  const [openId, setOpenId] = useState<string | null>(null);
  const [nominating, setNominating] = useState(false);
  const fetchPage = useCallback((cursor: string | undefined) => expertsApi.list({ ...filter, limit: PAGE_SIZE, cursor }), [filter]);
  const pages = useCursorPages<ExpertView>(fetchPage);
  const rows = pages.page?.items ?? [];

  /** An action in the drawer changed this expert: the row shows it at once. */
  const updateRow = (e: ExpertView) => pages.setPage((p) => p && { ...p, items: p.items.map((x) => (x.id === e.id ? { ...x, ...e } : x)) });

  return (
    <div data-testid="expert-pool">
      <PageHeading
        title={t('experts.pool.title')}
        subtitle={t('experts.pool.subtitle')}
        trail={[{ title: t('experts.pool.title') }]}
        extra={
          canAct ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setNominating(true)} data-testid="expert-nominate">
              {t('experts.pool.nominate')}
            </Button>
          ) : (
            <Tag color="orange">{t('experts.pool.readOnly')}</Tag>
          )
        }
      />
      <div className="container page-body">
        <Card>
          <PoolFilters filter={filter} onChange={setFilter} />
          {pages.error && !pages.page ? (
            <LoadError error={pages.error} onRetry={() => void pages.reload()} />
          ) : (
            <Table<ExpertView>
              rowKey="id"
              size="middle"
              loading={pages.loading}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 1190 }}
              locale={{ emptyText: t('experts.pool.empty') }}
              onRow={(r) => ({ onDoubleClick: () => setOpenId(r.id) })}
              columns={[
                {
                  title: t('experts.fields.name'),
                  dataIndex: 'name',
                  width: 150,
                  fixed: 'left',
                  sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
                  render: (v: string, r) => (
                    <Space size={4} wrap>
                      <Button type="link" size="small" onClick={() => setOpenId(r.id)} data-testid="expert-open">
                        {v}
                      </Button>
                      {r.duplicateOf && <Tag color="magenta">{t('experts.pool.duplicate')}</Tag>}
                      {r.shared && <Tag color="cyan">{t('experts.pool.shared')}</Tag>}
                    </Space>
                  ),
                },
                { title: t('experts.fields.idHint'), dataIndex: 'idHint', width: 100, render: (v: string) => <span className="mono small">{v}</span> },
                {
                  title: t('experts.fields.state'),
                  dataIndex: 'state',
                  width: 80,
                  sorter: (a, b) => a.state.localeCompare(b.state),
                  render: (_: unknown, r) => <ExpertStateTag state={r.state} />,
                },
                {
                  title: t('experts.fields.level'),
                  dataIndex: 'level',
                  width: 96,
                  sorter: (a, b) => EXPERT_LEVELS.indexOf(a.level) - EXPERT_LEVELS.indexOf(b.level),
                  render: (v: ExpertView['level']) => t(`experts.levels.${v}`),
                },
                { title: t('experts.fields.specialties'), dataIndex: 'specialties', width: 204, render: (v: string[]) => <SpecialtyTags codes={v} /> },
                {
                  title: t('experts.fields.regionCode'),
                  dataIndex: 'regionCode',
                  width: 100,
                  sorter: (a, b) => a.regionCode.localeCompare(b.regionCode),
                  render: (v: string) => regionName(v),
                },
                {
                  title: t('experts.fields.employer'),
                  dataIndex: 'employer',
                  width: 200,
                  ellipsis: { showTitle: false },
                  render: (v: ExpertView['employer'], r) => (
                    <Tooltip title={`${v.name} · ${r.title}`}>
                      {v.name}
                      <div className="muted small">{r.title}</div>
                    </Tooltip>
                  ),
                },
                {
                  title: t('experts.fields.rating'),
                  dataIndex: 'rating',
                  width: 130,
                  sorter: (a, b) => (a.rating ?? 0) - (b.rating ?? 0),
                  render: (_: unknown, r) => <RatingText rating={r.rating} count={r.ratings} />,
                },
                {
                  title: t('experts.fields.appliedAt'),
                  dataIndex: 'appliedAt',
                  width: 130,
                  sorter: (a, b) => a.appliedAt.localeCompare(b.appliedAt),
                  render: (v: string) => formatTime(v),
                },
              ]}
              footer={() => (
                <div className="expert-pager" data-testid="expert-pager">
                  <span className="muted">{t('experts.pool.total', { total: pages.page?.total ?? 0 })}</span>
                  <Space>
                    <Button size="small" icon={<LeftOutlined />} disabled={!pages.hasPrevious || pages.loading} onClick={pages.previous} aria-label={t('experts.pool.previous')} />
                    <span data-testid="expert-page-number">{t('experts.pool.page', { page: pages.pageNumber, pages: Math.max(1, Math.ceil((pages.page?.total ?? 0) / PAGE_SIZE)) })}</span>
                    <Button size="small" icon={<RightOutlined />} disabled={!pages.hasNext || pages.loading} onClick={pages.next} aria-label={t('experts.pool.next')} data-testid="expert-next-page" />
                  </Space>
                </div>
              )}
            />
          )}
        </Card>
      </div>
      <ExpertDrawer id={openId} canAct={canAct} onClose={() => setOpenId(null)} onChanged={updateRow} />
      {nominating && (
        <NominateModal
          onClose={() => setNominating(false)}
          onCreated={(e) => {
            void pages.reload();
            setOpenId(e.id);
          }}
        />
      )}
    </div>
  );
}
