import { Alert, Card, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BidSummaryField } from '@bidhall/contracts';
import type { HallView } from '../../api/opening.ts';
import { formatTime } from '../../format.ts';
import { formatFen } from '../bidder/bid/money.ts';
import { BondTag } from './HallTags.tsx';

type Row = NonNullable<HallView['readout']>['rows'][number];
type Value = Row['values'][string];

/** Money is sealed in fen as a decimal string: shown in yuan; anything else (never expected) as it came. */
function moneyText(v: Value): string {
  try {
    return formatFen(String(v));
  } catch {
    return String(v);
  }
}

/** One bidSummary value as read out (money in yuan). */
export function FieldValue({ field, value }: { field: BidSummaryField; value: Value | undefined }) {
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  if (field.type === 'money') return <span className="mono">{moneyText(value)}</span>;
  if (field.type === 'integer') return <span className="mono">{String(value)}</span>;
  return <span>{String(value)}</span>;
}

/** 唱标: each opened bid's bidSummary items as the document defines them, in receipt order. */
export function ReadoutTable({ view }: { view: HallView }) {
  const { t } = useTranslation();
  const readout = view.readout;
  const titleOf = (f: BidSummaryField) => {
    const unit = f.type === 'money' ? t('hall.readout.unitYuan') : f.unit;
    return unit ? t('hall.readout.withUnit', { label: f.label, unit }) : f.label;
  };
  if (!readout) {
    // The window has closed by the clock; the server settles the bids left and reads out (an event follows).
    return (
      <Card className="hall-card" title={t('hall.readout.title')}>
        <Alert type="info" showIcon title={t('hall.readout.pending')} data-testid="hall-readout-pending" />
      </Card>
    );
  }
  const columns: TableColumnsType<Row> = [
    { title: t('hall.readout.order'), dataIndex: 'order', width: 72, align: 'center' },
    { title: t('hall.readout.entity'), dataIndex: 'entityName', render: (name: string) => <span data-testid="hall-readout-entity">{name}</span> },
    ...readout.fields.map((f) => ({
      title: titleOf(f),
      key: f.key,
      align: f.type === 'money' || f.type === 'integer' ? ('right' as const) : undefined,
      render: (_: unknown, r: Row) => (
        <span data-testid={`hall-readout-${f.key}`}>
          <FieldValue field={f} value={r.values[f.key]} />
        </span>
      ),
    })),
    { title: t('hall.readout.bond'), key: 'bond', width: 150, render: (_, r) => <BondTag form={null} status={r.bondStatus} /> },
  ];
  const notOpened = view.bidders.some((b) => b.unseal.status === 'failed');
  return (
    <Card className="hall-card hall-readout" title={t('hall.readout.title')} extra={<span className="muted">{t('hall.readout.lead', { time: formatTime(readout.at, true) })}</span>}>
      <Table<Row> rowKey="bidId" size="middle" pagination={false} columns={columns} dataSource={readout.rows} data-testid="hall-readout" scroll={{ x: 700 }} />
      {notOpened && <p className="muted small hall-note">{t('hall.readout.notOpened')}</p>}
    </Card>
  );
}
