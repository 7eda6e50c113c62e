import { LockOutlined, WarningOutlined } from '@ant-design/icons';
import { Card, Col, DatePicker, Empty, Progress, Row, Segmented, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bidderApi } from '../../api/bidder.ts';
import { type BondRefundView, REFUND_STATES, REFUND_TIMINGS, refundsApi, type RefundState, refundTiming } from '../../api/finance.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { formatBeijing, formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { useServerClock } from '../../hooks/useServerClock.tsx';
import { formatFen } from '../projects/money.ts';
import { REFUND_STATE_COLORS, REFUND_TIMING_COLORS } from './refundColors.ts';

type Period = [Dayjs, Dayjs];
type Filter = RefundState | 'overdue' | 'all';

const cmpFen = (a: string | null, b: string | null) => {
  const x = BigInt(a ?? '0');
  const y = BigInt(b ?? '0');
  return x < y ? -1 : x > y ? 1 : 0;
};
/** A picked calendar day taken as a Beijing day: its midnight there, with the offset. */
const beijingMidnight = (day: Dayjs) => `${day.format('YYYY-MM-DD')}T00:00:00+08:00`;

/**
 * 保证金退还 (task 10, decision 0033): of the refunds requested in a period, the share paid within 2
 * working days, the late, the overdue and the pending; and the refunds themselves, sealed (no section,
 * bidder or payee) until their section's bid deadline.
 */
export function BondRefundsPanel() {
  const { t } = useTranslation();
  const clock = useServerClock();
  // Today as the server has it, in Beijing: the default period is the last 30 days up to it.
  const today = useMemo(() => dayjs(formatBeijing(clock.now()).slice(0, 10)), [clock]);
  const [period, setPeriod] = useState<Period>(() => [today.subtract(29, 'day'), today]);
  const [filter, setFilter] = useState<Filter>('all');
  const range = { from: beijingMidnight(period[0]), to: beijingMidnight(period[1].add(1, 'day')) };
  const figure = useLoader(() => refundsApi.figure(range), [range.from, range.to]);
  const refunds = useLoader(() => refundsApi.list({ state: filter === 'all' ? undefined : filter, limit: 1000 }), [filter]);
  // A refund names its section (once past the deadline) by id: its code and name, as any signed-in user reads a published section.
  const sectionIds = [...new Set((refunds.data ?? []).map((r) => r.sectionId).filter((id): id is string => id !== null))].sort();
  const sections = useLoader(async () => {
    const found = await Promise.all(sectionIds.map((id) => bidderApi.section(id).catch(() => null)));
    return new Map(found.filter((x) => x !== null).map((x) => [x.id, `${x.code} ${x.name}`]));
  }, [sectionIds.join()]);
  // The list is the newest refunds of the caller's regions; the table shows those requested in the period.
  const [fromMs, toMs] = [Date.parse(range.from), Date.parse(range.to)];
  const inPeriod = (refunds.data ?? []).filter((r) => Date.parse(r.requestedAt) >= fromMs && Date.parse(r.requestedAt) < toMs);
  const f = figure.data;
  const share = f?.onTimeShare;

  const sealed = (
    <Tooltip title={t('finance.refunds.list.sealedHint')}>
      <Tag icon={<LockOutlined />} data-testid="refund-sealed">
        {t('finance.refunds.list.sealed')}
      </Tag>
    </Tooltip>
  );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="bond-refunds-panel">
      <Card
        title={t('finance.refunds.figure.title')}
        extra={
          <Space wrap>
            <span className="muted">{t('finance.refunds.figure.period')}</span>
            <DatePicker.RangePicker
              value={period}
              allowClear={false}
              onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])}
              placeholder={[t('finance.refunds.figure.periodFrom'), t('finance.refunds.figure.periodTo')]}
              disabledDate={(d) => d.isAfter(today, 'day')}
              presets={[
                { label: t('finance.refunds.figure.presets.week'), value: [today.subtract(6, 'day'), today] },
                { label: t('finance.refunds.figure.presets.month'), value: [today.subtract(29, 'day'), today] },
                { label: t('finance.refunds.figure.presets.quarter'), value: [today.subtract(89, 'day'), today] },
              ]}
              data-testid="refund-period"
            />
          </Space>
        }
        data-testid="refund-figure"
      >
        {figure.error ? (
          <LoadError error={figure.error} onRetry={() => void figure.reload()} />
        ) : (
          <Row gutter={[24, 16]} align="middle">
            <Col xs={24} md={8} style={{ textAlign: 'center' }}>
              <Tooltip title={t('finance.refunds.figure.onTimeShareHint')}>
                <Progress
                  type="dashboard"
                  percent={share == null ? 0 : Math.round(share * 1000) / 10}
                  format={() => (share == null ? '—' : `${(share * 100).toFixed(1)}%`)}
                  strokeColor={share == null ? undefined : share >= 0.95 ? '#52c41a' : share >= 0.8 ? '#faad14' : '#ff4d4f'}
                  size={160}
                  data-testid="refund-on-time-share"
                />
              </Tooltip>
              <div className="muted">{t('finance.refunds.figure.onTimeShare')}</div>
              {f && share == null && <div className="muted small">{t('finance.refunds.figure.noShare')}</div>}
            </Col>
            <Col xs={24} md={16}>
              <Row gutter={[16, 16]}>
                {(
                  [
                    ['requested', undefined],
                    ['paidOnTime', '#389e0d'],
                    ['paidLate', '#d48806'],
                    ['overdue', '#cf1322'],
                    ['pending', '#0b4ea2'],
                  ] as const
                ).map(([key, color]) => (
                  <Col key={key} xs={12} lg={8}>
                    <Statistic
                      title={t(`finance.refunds.figure.${key}`)}
                      value={f?.[key] ?? '—'}
                      loading={figure.loading && !f}
                      styles={color ? { content: { color } } : undefined}
                      data-testid={`refund-stat-${key}`}
                    />
                  </Col>
                ))}
                <Col xs={12} lg={8}>
                  <Tooltip title={t('finance.refunds.figure.forfeitedHint')}>
                    <Statistic
                      title={t('finance.refunds.figure.forfeited')}
                      value={f?.forfeited ?? '—'}
                      loading={figure.loading && !f}
                      styles={{ content: { color: '#8c8c8c' } }}
                      data-testid="refund-figure-forfeited"
                    />
                  </Tooltip>
                </Col>
              </Row>
            </Col>
          </Row>
        )}
      </Card>

      <Card
        title={t('finance.refunds.list.title')}
        extra={
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: t('finance.refunds.list.all') },
              ...REFUND_STATES.map((s) => ({ value: s, label: t(`finance.refunds.states.${s}`) })),
              { value: 'overdue', label: t('finance.refunds.list.overdue') },
            ]}
            data-testid="refund-filter"
          />
        }
      >
        <Typography.Paragraph type="secondary" className="small">
          {t('finance.refunds.list.hint')}
        </Typography.Paragraph>
        {refunds.error ? (
          <LoadError error={refunds.error} onRetry={() => void refunds.reload()} />
        ) : (
          <Table<BondRefundView>
            rowKey="id"
            size="small"
            loading={refunds.loading}
            dataSource={inPeriod}
            scroll={{ x: 1600 }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('finance.refunds.list.empty')} /> }}
            onRow={(r) => ({ 'data-testid': 'refund-row', 'data-state': r.state, 'data-timing': refundTiming(r) }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('finance.refunds.list.requestedAt'),
                dataIndex: 'requestedAt',
                width: 160,
                fixed: 'left',
                sorter: (a, b) => a.requestedAt.localeCompare(b.requestedAt),
                defaultSortOrder: 'descend',
                render: (v: string) => formatTime(v, true),
              },
              {
                title: t('finance.refunds.list.sectionBidder'),
                key: 'section',
                width: 240,
                sorter: (a, b) => (a.entityName ?? '').localeCompare(b.entityName ?? ''),
                render: (_, r) =>
                  r.sectionId === null ? (
                    sealed
                  ) : (
                    <span>
                      {r.entityName ?? r.entityId ?? '—'}
                      <br />
                      <span className="small muted">{sections.data?.get(r.sectionId) ?? <span className="mono">{r.sectionId}</span>}</span>
                      {r.round !== null && r.round > 1 && <span className="small muted"> · {t('finance.refunds.list.round', { n: r.round })}</span>}
                    </span>
                  ),
              },
              {
                title: t('finance.refunds.list.reason'),
                dataIndex: 'reason',
                width: 100,
                render: (v: BondRefundView['reason']) => (v === null ? sealed : t(`finance.refunds.reasons.${v}`)),
              },
              {
                title: t('finance.refunds.list.principal'),
                dataIndex: 'principalFen',
                width: 140,
                align: 'right',
                sorter: (a, b) => cmpFen(a.principalFen, b.principalFen),
                render: (v: string) => <span className="mono">{formatFen(v)}</span>,
              },
              {
                title: t('finance.refunds.list.interest'),
                dataIndex: 'interestFen',
                width: 110,
                align: 'right',
                sorter: (a, b) => cmpFen(a.interestFen, b.interestFen),
                render: (v: string | null, r) => (
                  <Tooltip title={t('finance.refunds.list.rate', { rate: (r.rateBp / 100).toFixed(2) })}>
                    <span className="mono">{formatFen(v)}</span>
                  </Tooltip>
                ),
              },
              {
                title: t('finance.refunds.list.payee'),
                dataIndex: 'payeeAccount',
                width: 190,
                render: (v: string | null, r) => (r.sectionId === null ? sealed : <span className="mono small">{v ?? '—'}</span>),
              },
              {
                title: t('finance.refunds.list.dueDate'),
                dataIndex: 'dueDate',
                width: 120,
                sorter: (a, b) => a.dueDate.localeCompare(b.dueDate),
                render: (v: string) => <span className="mono">{v}</span>,
              },
              {
                title: t('finance.refunds.list.paidAt'),
                dataIndex: 'paidAt',
                width: 160,
                sorter: (a, b) => (a.paidAt ?? '').localeCompare(b.paidAt ?? ''),
                render: (v: string | null) => formatTime(v, true),
              },
              {
                title: t('finance.refunds.list.bankSerial'),
                dataIndex: 'bankSerial',
                width: 200,
                render: (v: string | null) => (v ? <Typography.Text className="mono small" copyable>{v}</Typography.Text> : '—'),
              },
              {
                title: t('finance.refunds.list.state'),
                dataIndex: 'state',
                width: 110,
                fixed: 'right',
                filters: REFUND_STATES.map((s) => ({ text: t(`finance.refunds.states.${s}`), value: s })),
                onFilter: (v, r) => r.state === v,
                render: (v: RefundState, r) => (
                  <Space size={4}>
                    <Tag color={REFUND_STATE_COLORS[v]}>{t(`finance.refunds.states.${v}`)}</Tag>
                    {r.lastError && r.state === 'requested' && (
                      <Tooltip title={t('finance.refunds.list.lastError', { error: r.lastError })}>
                        <WarningOutlined style={{ color: '#d48806' }} />
                      </Tooltip>
                    )}
                  </Space>
                ),
              },
              {
                title: t('finance.refunds.list.timing'),
                key: 'timing',
                width: 110,
                fixed: 'right',
                filters: REFUND_TIMINGS.map((s) => ({ text: t(`finance.refunds.timings.${s}`), value: s })),
                onFilter: (v, r) => refundTiming(r) === v,
                render: (_, r) => {
                  const timing = refundTiming(r);
                  return <Tag color={REFUND_TIMING_COLORS[timing]}>{t(`finance.refunds.timings.${timing}`)}</Tag>;
                },
              },
            ]}
            data-testid="refund-table"
          />
        )}
      </Card>
    </Space>
  );
}
