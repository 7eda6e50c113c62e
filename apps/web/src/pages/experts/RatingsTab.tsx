import type { ExpertRatingView } from '@bidhall/contracts';
import { Rate, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../format.ts';

const stars = (v: number) => <Rate disabled value={v} style={{ fontSize: 14 }} />;

/** Ratings after evaluations: three aspects of 1–5, the comment, the section rated for. */
export function RatingsTab({ ratings, sectionLinks = true }: { ratings: ExpertRatingView[]; sectionLinks?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<ExpertRatingView>
      rowKey="id"
      size="small"
      dataSource={ratings}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('experts.ratings.empty') }}
      scroll={{ x: 820 }}
      data-testid="expert-ratings"
      columns={[
        { title: t('experts.ratings.at'), dataIndex: 'ratedAt', width: 140, sorter: (a, b) => a.ratedAt.localeCompare(b.ratedAt), defaultSortOrder: 'descend', render: (v: string) => formatTime(v) },
        { title: t('experts.ratings.punctuality'), dataIndex: 'punctuality', width: 140, sorter: (a, b) => a.punctuality - b.punctuality, render: stars },
        { title: t('experts.ratings.competence'), dataIndex: 'competence', width: 140, sorter: (a, b) => a.competence - b.competence, render: stars },
        { title: t('experts.ratings.fairness'), dataIndex: 'fairness', width: 140, sorter: (a, b) => a.fairness - b.fairness, render: stars },
        { title: t('experts.ratings.comment'), dataIndex: 'comment', render: (v: string) => v || '—' },
        {
          title: t('experts.ratings.section'),
          dataIndex: 'sectionId',
          width: 110,
          render: (v: string) =>
            sectionLinks ? (
              <Link to={`/projects/sections/${v}`} className="mono small">
                {v.slice(0, 8)}
              </Link>
            ) : (
              <span className="mono small">{v.slice(0, 8)}</span>
            ),
        },
      ]}
    />
  );
}
