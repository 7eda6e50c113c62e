import { AGENCY_RATING_ITEMS, AGENCY_RECORD_KINDS, type AgencyPublicRecord, type AgencyRecordKind } from '@bidhall/contracts';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgencyPublicEntry } from '@bidhall/contracts';
import { appraisalApi } from '../../api/appraisal.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { MeanStars } from '../projects/appraisal/AgencyRatingCard.tsx';
import { AgencyRecordModal } from '../projects/appraisal/AgencyRecordModal.tsx';

const PAGE_SIZE = 20;
const KIND_COLOURS: Record<AgencyRecordKind, string> = { commendation: 'success', violation: 'warning', penalty: 'error' };
const byMean = (item: (typeof AGENCY_RATING_ITEMS)[number] | 'overall') => (a: AgencyPublicEntry, b: AgencyPublicEntry) =>
  (a.means[item] ?? -1) - (b.means[item] ?? -1);

/**
 * 中介机构评价公示 (task 26, decision 0044): every agency rated or recorded — the means of the ratings
 * tenderers and the trading centre gave after the award of its sections, and its commendations,
 * violations and penalties — by region, a page at a time. Staff record an agency's conduct from here.
 */
export default function AgencyRecordPage() {
  const { t } = useTranslation();
  const { regions, regionName } = useCatalog();
  const { user } = useSession();
  const [regionCode, setRegionCode] = useState<string>();
  const [page, setPage] = useState(1);
  const [recording, setRecording] = useState<AgencyPublicEntry>();
  const list = useLoader(
    () => appraisalApi.publicRecord({ regionCode, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    [regionCode, page],
  );

  return (
    <div data-testid="agency-record">
      <PageHeading
        title={t('appraisal.record.title')}
        subtitle={t('appraisal.record.subtitle')}
        trail={[{ title: t('appraisal.record.title') }]}
        extra={<Link to="/experts/record">{t('experts.nav.record')}</Link>}
      />
      <div className="container page-body">
        {list.error && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.reload()} />
        ) : (
          <Card
            title={
              <Space>
                <span>{t('appraisal.record.region')}</span>
                <Select
                  allowClear
                  style={{ width: 220 }}
                  placeholder={t('appraisal.record.allRegions')}
                  value={regionCode}
                  onChange={(v?: string) => {
                    setRegionCode(v);
                    setPage(1);
                  }}
                  options={regions.map((r) => ({ value: r.code, label: regionName(r.code) }))}
                  data-testid="agency-record-region"
                />
              </Space>
            }
            extra={
              list.data && (
                <Typography.Text type="secondary">{t('appraisal.record.total', { total: list.data.total })}</Typography.Text>
              )
            }
          >
            <Table<AgencyPublicEntry>
              rowKey="entityId"
              size="middle"
              loading={list.loading}
              dataSource={list.data?.items ?? []}
              locale={{ emptyText: t('appraisal.record.empty') }}
              scroll={{ x: 1000 }}
              data-testid="agency-record-table"
              onRow={(r) => ({ 'data-testid': 'agency-record-row', 'data-agency': r.name }) as React.HTMLAttributes<HTMLElement>}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: list.data?.total ?? 0,
                hideOnSinglePage: true,
                showSizeChanger: false,
                onChange: setPage,
              }}
              expandable={{
                rowExpandable: (r) => r.records.length > 0,
                expandedRowRender: (r) => <RecordsTable records={r.records} />,
              }}
              columns={[
                {
                  title: t('appraisal.record.agency'),
                  dataIndex: 'name',
                  sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
                },
                ...AGENCY_RATING_ITEMS.map((item) => ({
                  title: t(`appraisal.items.${item}`),
                  key: item,
                  width: 170,
                  sorter: byMean(item),
                  render: (_: unknown, r: AgencyPublicEntry) => <MeanStars value={r.means[item]} />,
                })),
                {
                  title: t('appraisal.overall'),
                  key: 'overall',
                  width: 110,
                  sorter: byMean('overall'),
                  defaultSortOrder: 'descend' as const,
                  render: (_: unknown, r: AgencyPublicEntry) =>
                    r.means.overall === null ? (
                      <span className="muted">{t('appraisal.record.noRating')}</span>
                    ) : (
                      <strong className="mono" data-testid="agency-record-overall">
                        {r.means.overall.toFixed(2)}
                      </strong>
                    ),
                },
                {
                  title: t('appraisal.record.count'),
                  key: 'count',
                  width: 100,
                  sorter: (a: AgencyPublicEntry, b: AgencyPublicEntry) => a.means.count - b.means.count,
                  render: (_: unknown, r: AgencyPublicEntry) => <span data-testid="agency-record-count">{r.means.count}</span>,
                },
                {
                  title: t('appraisal.record.records'),
                  key: 'records',
                  width: 100,
                  sorter: (a: AgencyPublicEntry, b: AgencyPublicEntry) => a.records.length - b.records.length,
                  render: (_: unknown, r: AgencyPublicEntry) =>
                    r.records.length ? t('appraisal.record.recordsCount', { count: r.records.length }) : '—',
                },
                ...(user?.kind === 'staff'
                  ? [
                      {
                        title: '',
                        key: 'actions',
                        width: 110,
                        render: (_: unknown, r: AgencyPublicEntry) => (
                          <Button size="small" onClick={() => setRecording(r)} data-testid="agency-record-add">
                            {t('appraisal.record.addRecord')}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        )}
      </div>
      {recording && (
        <AgencyRecordModal
          agency={{ entityId: recording.entityId, name: recording.name }}
          onClose={() => setRecording(undefined)}
          onDone={() => list.reload()}
        />
      )}
    </div>
  );
}

/** An agency's records, newest first (as the server gives them). */
function RecordsTable({ records }: { records: AgencyPublicRecord[] }) {
  const { t } = useTranslation();
  const { regionName } = useCatalog();
  return (
    <Table<AgencyPublicRecord>
      rowKey={(r) => `${r.date}/${r.kind}/${r.regionCode}/${r.description}`}
      size="small"
      pagination={false}
      dataSource={records}
      locale={{ emptyText: t('appraisal.record.noRecords') }}
      data-testid="agency-record-records"
      columns={[
        { title: t('appraisal.record.date'), dataIndex: 'date', width: 120 },
        {
          title: t('appraisal.record.kind'),
          dataIndex: 'kind',
          width: 120,
          filters: AGENCY_RECORD_KINDS.map((k) => ({ text: t(`appraisal.recordKinds.${k}`), value: k })),
          onFilter: (v, r) => r.kind === v,
          render: (k: AgencyRecordKind) => <Tag color={KIND_COLOURS[k]}>{t(`appraisal.recordKinds.${k}`)}</Tag>,
        },
        { title: t('appraisal.record.region'), dataIndex: 'regionCode', width: 140, render: (c: string) => regionName(c) },
        { title: t('appraisal.record.description'), dataIndex: 'description' },
      ]}
    />
  );
}
