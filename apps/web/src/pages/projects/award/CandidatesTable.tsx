import type { PublicityView } from '@bidhall/contracts';
import { Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../money.ts';
import { byRankThenName } from './separatedModel.ts';

type Candidate = PublicityView['candidates'][number];

/**
 * The candidates as the completed evaluation report ranks them: the publicity publishes the report, not
 * a retyping. Under the separated award (评定分离) they are unranked (不排序) and listed by name.
 */
export function CandidatesTable({ candidates }: { candidates: Candidate[] }) {
  const { t } = useTranslation();
  const rows = useMemo(() => byRankThenName(candidates), [candidates]);
  return (
    <Table<Candidate>
      size="small"
      rowKey="bidId"
      pagination={false}
      dataSource={rows}
      data-testid="publicity-candidates"
      columns={[
        {
          key: 'rank',
          title: t('award.candidates.rank'),
          dataIndex: 'rank',
          width: 88,
          render: (rank: number | null) => (rank === null ? <Tag>{t('award.separated.unranked')}</Tag> : rank),
        },
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
