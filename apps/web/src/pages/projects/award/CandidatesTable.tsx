import type { PublicityView } from '@bidhall/contracts';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../money.ts';

type Candidate = PublicityView['candidates'][number];

/** The candidates as the completed evaluation report ranks them: the publicity publishes the report, not a retyping. */
export function CandidatesTable({ candidates }: { candidates: Candidate[] }) {
  const { t } = useTranslation();
  return (
    <Table<Candidate>
      size="small"
      rowKey="bidId"
      pagination={false}
      dataSource={candidates}
      data-testid="publicity-candidates"
      columns={[
        { key: 'rank', title: t('award.candidates.rank'), dataIndex: 'rank', width: 72 },
        { key: 'entity', title: t('award.candidates.entityName'), dataIndex: 'entityName' },
        {
          key: 'price',
          title: t('award.candidates.price'),
          align: 'right',
          render: (_, c) => <span className="mono">{formatFen(c.priceFen)}</span>,
        },
        {
          key: 'total',
          title: t('award.candidates.total'),
          align: 'right',
          render: (_, c) => <span className="mono">{c.total === null ? '—' : c.total.toFixed(2)}</span>,
        },
        {
          key: 'evaluated',
          title: t('award.candidates.evaluatedPrice'),
          align: 'right',
          render: (_, c) => <span className="mono">{formatFen(c.evaluatedPriceFen)}</span>,
        },
      ]}
    />
  );
}
