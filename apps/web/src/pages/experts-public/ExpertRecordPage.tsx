import { EXPERT_LEVELS, PUBLIC_RECORD_KINDS, type ExpertPublicEntry } from '@bidhall/contracts';
import { Button, Card, Table, Tag } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { expertsApi } from '../../api/experts.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatTime } from '../../format.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLoadMore } from '../../hooks/useLoadMore.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { specialtyTree } from '../experts/specialties.ts';
import { SpecialtyTags } from '../experts/tags.tsx';
import '../experts/experts.css';

const KIND_COLOURS: Record<ExpertPublicEntry['kind'], string> = { admitted: 'success', removed: 'error', violation: 'warning', penalty: 'volcano', reward: 'blue', training: 'default' };
const PAGE = 100;

/** 专家库公示: admissions, removals and violations with masked names, sorted and filtered in the table. */
export default function ExpertRecordPage() {
  const { t } = useTranslation();
  const { lang } = useLocale();
  const { regionName } = useCatalog();
  const fetchPage = useCallback(async (cursor?: string) => {
    const page = await expertsApi.publicRecord({ limit: PAGE, cursor });
    return { items: page.items, next: page.nextCursor ?? undefined };
  }, []);
  const list = useLoadMore(fetchPage);
  const regions = useMemo(() => [...new Set(list.items.map((i) => i.regionCode))], [list.items]);
  const tree = useMemo(() => specialtyTree(lang), [lang]);

  return (
    <div data-testid="expert-record">
      <PageHeading
        title={t('experts.record.title')}
        subtitle={t('experts.record.subtitle')}
        trail={[{ title: t('experts.record.title') }]}
        extra={
          <Link to="/experts/apply">
            <Button type="primary">{t('experts.record.apply')}</Button>
          </Link>
        }
      />
      <div className="container page-body">
        {list.error && list.items.length === 0 ? (
          <LoadError error={list.error} onRetry={() => void list.reload()} />
        ) : (
          <Card>
            <Table<ExpertPublicEntry>
              rowKey={(r) => `${r.kind}/${r.at}/${r.maskedName}/${r.regionCode}`}
              size="middle"
              loading={list.loading}
              dataSource={list.items}
              onRow={(r) => ({ 'data-testid': 'record-entry', 'data-kind': r.kind }) as React.HTMLAttributes<HTMLElement>}
              locale={{ emptyText: t('experts.record.empty') }}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              scroll={{ x: 900 }}
              columns={[
                {
                  title: t('experts.record.at'),
                  dataIndex: 'at',
                  width: 170,
                  sorter: (a, b) => a.at.localeCompare(b.at),
                  defaultSortOrder: 'descend',
                  render: (v: string) => formatTime(v),
                },
                {
                  title: t('experts.record.kind'),
                  dataIndex: 'kind',
                  width: 110,
                  filters: PUBLIC_RECORD_KINDS.map((k) => ({ text: t(`experts.record.kinds.${k}`), value: k })),
                  onFilter: (v, r) => r.kind === v,
                  render: (v: ExpertPublicEntry['kind']) => <Tag color={KIND_COLOURS[v]}>{t(`experts.record.kinds.${v}`)}</Tag>,
                },
                { title: t('experts.record.maskedName'), dataIndex: 'maskedName', width: 100 },
                {
                  title: t('experts.record.regionCode'),
                  dataIndex: 'regionCode',
                  width: 130,
                  filters: regions.map((c) => ({ text: regionName(c), value: c })),
                  onFilter: (v, r) => r.regionCode === v,
                  sorter: (a, b) => a.regionCode.localeCompare(b.regionCode),
                  render: (v: string) => regionName(v),
                },
                {
                  title: t('experts.record.level'),
                  dataIndex: 'level',
                  width: 120,
                  filters: EXPERT_LEVELS.map((l) => ({ text: t(`experts.levels.${l}`), value: l })),
                  onFilter: (v, r) => r.level === v,
                  sorter: (a, b) => EXPERT_LEVELS.indexOf(a.level) - EXPERT_LEVELS.indexOf(b.level),
                  render: (v: ExpertPublicEntry['level']) => t(`experts.levels.${v}`),
                },
                {
                  title: t('experts.record.specialties'),
                  dataIndex: 'specialties',
                  filters: tree.map((n) => ({ text: n.title, value: n.value, children: n.children?.map((c) => ({ text: c.title, value: c.value })) })),
                  filterMode: 'tree',
                  onFilter: (v, r) => r.specialties.some((s) => s === v || s.startsWith(String(v))),
                  render: (v: string[]) => <SpecialtyTags codes={v} />,
                },
                { title: t('experts.record.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
              ]}
              footer={
                list.hasMore
                  ? () => (
                      <Button onClick={() => void list.loadMore()} loading={list.loading} data-testid="record-more">
                        {t('experts.record.loadMore')}
                      </Button>
                    )
                  : undefined
              }
            />
          </Card>
        )}
      </div>
    </div>
  );
}
