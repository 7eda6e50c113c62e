import type { PriceFindings } from '@bidhall/contracts';
import { Alert, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../projects/money.ts';

/** the price checks as the chair's summary recorded them — above the control price, and each priced bill's findings. */
export function PriceFindingsCard({ findings: f }: { findings: PriceFindings }) {
  const { t } = useTranslation();
  return (
    <Card title={t('evaluation.summary.priceChecks')} className="room-section" data-testid="summary-price-findings">
      {f.aboveControl.map((a) => (
        <Alert key={a.bidId} type="error" showIcon className="form-alert" title={t('evaluation.summary.aboveControl', { name: a.entityName, price: formatFen(a.priceFen), excess: formatFen(a.excessFen) })} />
      ))}
      {f.pricedBill && (
        <Table
          size="small"
          rowKey="bidId"
          pagination={false}
          dataSource={f.pricedBill}
          columns={[
            { title: t('evaluationCompare.pricedBill.bidder'), dataIndex: 'entityName' },
            { title: t('evaluationCompare.pricedBill.status'), width: 110, render: (_, b) => <Tag color={b.status === 'checked' ? 'green' : 'orange'}>{t(`evaluationCompare.pricedBill.statuses.${b.status}`)}</Tag> },
            {
              title: t('evaluationCompare.pricedBill.issues'),
              render: (_, b) => (b.issues.length ? b.issues.map((i, n) => <Tag key={n} color="red">{t(`evaluationCompare.pricedBill.kinds.${i.kind}`)}{i.code ? ` ${i.code}` : ''}</Tag>) : '—'),
            },
            { title: t('evaluationCompare.pricedBill.deviating'), dataIndex: 'deviatingItems', width: 90, align: 'right' },
          ]}
        />
      )}
    </Card>
  );
}
