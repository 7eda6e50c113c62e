import type { ComparisonView, PricedBillComparison } from '@bidhall/contracts';
import { Card, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../projects/money.ts';

type BidRow = PricedBillComparison['bids'][number];
type ItemRow = PricedBillComparison['items'][number];

const STATUS_COLOR: Record<BidRow['status'], string> = {
  checked: 'green',
  pending: 'blue',
  absent: 'default',
  unreadable: 'red',
  otherBill: 'orange',
};
const percent = (p: number) => `${p > 0 ? '+' : ''}${p.toFixed(2)}%`;

/**
 * the bids' priced bills of quantities — per bid what its bill is and what is wrong with it (each
 * finding with what the figure should be), then the unit prices of every item side by side, those far
 * from the bids' mean in red; sortable, and filterable to the deviating items.
 */
export function PricedBill({ bill, bids }: { bill: PricedBillComparison; bids: ComparisonView['bids'] }) {
  const { t } = useTranslation();
  const [onlyDeviating, setOnlyDeviating] = useState(false);
  const names = new Map(bids.map((b) => [b.bidId, b.entityName]));
  const itemName = new Map(bill.items.map((i) => [i.code, i.name]));

  const bidColumns: ColumnsType<BidRow> = [
    {
      key: 'bidder',
      title: t('evaluationCompare.pricedBill.bidder'),
      render: (_, r) => names.get(r.bidId) ?? r.bidId,
      sorter: (a, b) => (names.get(a.bidId) ?? '').localeCompare(names.get(b.bidId) ?? ''),
    },
    {
      key: 'status',
      title: t('evaluationCompare.pricedBill.status'),
      render: (_, r) => (
        <Tag color={STATUS_COLOR[r.status]} title={r.detail ?? undefined}>
          {t(`evaluationCompare.pricedBill.statuses.${r.status}`)}
        </Tag>
      ),
    },
    {
      key: 'total',
      title: t('evaluationCompare.pricedBill.total'),
      align: 'right',
      render: (_, r) => (r.totalFen ? formatFen(r.totalFen) : '—'),
    },
    {
      key: 'sum',
      title: t('evaluationCompare.pricedBill.sum'),
      align: 'right',
      render: (_, r) => (r.sumFen ? formatFen(r.sumFen) : '—'),
    },
    {
      key: 'issues',
      title: t('evaluationCompare.pricedBill.issues'),
      sorter: (a, b) => a.issues.length - b.issues.length,
      render: (_, r) =>
        r.status !== 'checked' ? null : r.issues.length === 0 ? (
          <Tag color="green">{t('evaluationCompare.pricedBill.noIssue')}</Tag>
        ) : (
          <Space direction="vertical" size={2}>
            {r.issues.map((i, n) => (
              <span key={n} data-testid={`priced-issue-${r.bidId}`}>
                <Tag color="red">{t(`evaluationCompare.pricedBill.kinds.${i.kind}`)}</Tag>
                {i.code ? `${i.code} ${itemName.get(i.code) ?? ''}` : null}
                {i.expectedFen !== null ? ` ${t('evaluationCompare.pricedBill.expected')} ${formatFen(i.expectedFen)}` : null}
                {i.actualFen !== null ? `，${t('evaluationCompare.pricedBill.actual')} ${formatFen(i.actualFen)}` : null}
              </span>
            ))}
          </Space>
        ),
    },
    {
      key: 'deviating',
      title: t('evaluationCompare.pricedBill.deviating'),
      align: 'right',
      dataIndex: 'deviatingItems',
      sorter: (a, b) => a.deviatingItems - b.deviatingItems,
    },
  ];

  const priced = bill.bids.filter((b) => b.status === 'checked');
  const itemColumns: ColumnsType<ItemRow> = [
    {
      key: 'code',
      title: t('evaluationCompare.pricedBill.code'),
      dataIndex: 'code',
      fixed: 'left',
      sorter: (a, b) => a.code.localeCompare(b.code),
    },
    { key: 'name', title: t('evaluationCompare.pricedBill.name'), dataIndex: 'name' },
    { key: 'unit', title: t('evaluationCompare.pricedBill.unit'), dataIndex: 'unit' },
    { key: 'quantity', title: t('evaluationCompare.pricedBill.quantity'), dataIndex: 'quantity', align: 'right' },
    ...priced.map((b) => ({
      key: b.bidId,
      title: names.get(b.bidId) ?? b.bidId,
      align: 'right' as const,
      sorter: (x: ItemRow, y: ItemRow) =>
        Number(x.prices.find((p) => p.bidId === b.bidId)?.deviationPercent ?? 0) -
        Number(y.prices.find((p) => p.bidId === b.bidId)?.deviationPercent ?? 0),
      render: (_: unknown, item: ItemRow) => {
        const p = item.prices.find((x) => x.bidId === b.bidId);
        if (!p) return '—';
        return (
          <div
            className={p.deviates ? 'compare-deviation' : undefined}
            data-testid={p.deviates ? `unit-deviation-${b.bidId}-${item.code}` : undefined}
          >
            <div>{formatFen(p.unitPriceFen)}</div>
            <div className="compare-sub">{percent(p.deviationPercent)}</div>
          </div>
        );
      },
    })),
    {
      key: 'mean',
      title: t('evaluationCompare.pricedBill.mean'),
      align: 'right',
      render: (_, i) => (i.meanFen ? formatFen(i.meanFen) : '—'),
    },
    {
      key: 'min',
      title: t('evaluationCompare.pricedBill.min'),
      align: 'right',
      render: (_, i) => (i.minFen ? formatFen(i.minFen) : '—'),
    },
    {
      key: 'max',
      title: t('evaluationCompare.pricedBill.max'),
      align: 'right',
      render: (_, i) => (i.maxFen ? formatFen(i.maxFen) : '—'),
    },
  ];
  const items = onlyDeviating ? bill.items.filter((i) => i.prices.some((p) => p.deviates)) : bill.items;

  return (
    <Card title={t('evaluationCompare.pricedBill.title')} data-testid="priced-bill" className="compare-priced-bill">
      <Typography.Paragraph type="secondary">
        {t('evaluationCompare.pricedBill.note', { percent: bill.deviationPercent })}
      </Typography.Paragraph>
      <Table<BidRow> rowKey="bidId" size="small" pagination={false} dataSource={bill.bids} columns={bidColumns} />
      <Space className="compare-stats" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong>{t('evaluationCompare.pricedBill.items')}</Typography.Text>
        <Space>
          {t('evaluationCompare.pricedBill.onlyDeviating')}
          <Switch size="small" checked={onlyDeviating} onChange={setOnlyDeviating} data-testid="only-deviating" />
        </Space>
      </Space>
      <Table<ItemRow>
        rowKey="code"
        size="small"
        scroll={{ x: true }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={items}
        columns={itemColumns}
      />
    </Card>
  );
}
