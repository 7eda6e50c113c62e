import { AGENCY_RATING_ITEMS, type AgencyMeans } from '@bidhall/contracts';
import { Alert, Button, Card, Descriptions, Rate, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyRatingView } from '@bidhall/contracts';
import { appraisalApi } from '../../../api/appraisal.ts';
import { useSession } from '../../../auth/SessionContext.tsx';
import { LoadError } from '../../../components/LoadError.tsx';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { AgencyRateModal } from './AgencyRateModal.tsx';
import { AgencyRecordModal } from './AgencyRecordModal.tsx';

const stars = (v: number) => <Rate disabled value={v} style={{ fontSize: 14 }} />;

/** A mean of 1–5 as stars and its value, or a dash without ratings. */
export function MeanStars({ value }: { value: number | null }) {
  if (value === null) return <span className="muted">—</span>;
  return (
    <Space size={4}>
      <Rate disabled allowHalf value={Math.round(value * 2) / 2} style={{ fontSize: 13 }} />
      <span className="mono">{value.toFixed(2)}</span>
    </Space>
  );
}

function MeansLine({ means }: { means: AgencyMeans }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 4 }}
      data-testid="agency-rating-means"
      items={[
        ...AGENCY_RATING_ITEMS.map((item) => ({
          key: item,
          label: t(`appraisal.items.${item}`),
          children: <MeanStars value={means[item]} />,
        })),
        {
          key: 'overall',
          label: t('appraisal.overall'),
          children:
            means.overall === null
              ? '—'
              : t('appraisal.card.meansValue', { value: means.overall.toFixed(2), count: means.count }),
        },
      ]}
    />
  );
}

/**
 * 代理机构评价 (task 26, decision 0044): once the section's award is decided, its tenderer and the staff of
 * its region rate its agency on three items, each rater once; the ratings so far with who gave them.
 * Staff may record the agency's conduct on the section from here too.
 */
export function AgencyRatingCard({ sectionId }: { sectionId: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const loaded = useLoader(() => appraisalApi.ofSection(sectionId), [sectionId]);
  const [rating, setRating] = useState(false);
  const [recording, setRecording] = useState(false);
  const v = loaded.data;
  const agency = v?.agency;

  return (
    <Card
      size="small"
      title={t('appraisal.card.title')}
      data-testid="agency-rating-card"
      extra={
        agency && (
          <Space>
            {user?.kind === 'staff' && (
              <Button onClick={() => setRecording(true)} data-testid="agency-record-add">
                {t('appraisal.card.addRecord')}
              </Button>
            )}
            {v.canRate && (
              <Button type="primary" onClick={() => setRating(true)} data-testid="agency-rate">
                {t('appraisal.card.rate')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {loaded.error && !v ? (
        <LoadError error={loaded.error} onRetry={() => void loaded.reload()} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" className="small">
            {t('appraisal.card.hint')}
          </Typography.Paragraph>
          {agency && (
            <Typography.Paragraph strong data-testid="agency-rating-agency">
              {t('appraisal.card.agency', { name: agency.name })}
            </Typography.Paragraph>
          )}
          {v && v.closedReason && v.closedReason !== 'notRater' && (
            <Alert
              type="info"
              showIcon
              className="form-alert"
              title={t(`appraisal.card.closed.${v.closedReason}`)}
              data-testid="agency-rating-closed"
              data-reason={v.closedReason}
            />
          )}
          {v && v.means.count > 0 && <MeansLine means={v.means} />}
          <Table<AgencyRatingView>
            rowKey="id"
            size="small"
            loading={loaded.loading}
            dataSource={v?.ratings ?? []}
            pagination={false}
            scroll={{ x: 860 }}
            locale={{ emptyText: t('appraisal.card.empty') }}
            onRow={(r) =>
              ({ 'data-testid': 'agency-rating-row', 'data-rater': r.raterKind }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              {
                title: t('appraisal.card.rater'),
                key: 'rater',
                width: 200,
                render: (_, r) => (
                  <Space direction="vertical" size={0}>
                    <Tag color={r.raterKind === 'tenderer' ? 'blue' : 'purple'}>{t(`appraisal.raters.${r.raterKind}`)}</Tag>
                    <span>{r.raterEntityName ? `${r.raterEntityName} ${r.raterName}` : r.raterName}</span>
                  </Space>
                ),
              },
              ...AGENCY_RATING_ITEMS.map((item) => ({
                title: t(`appraisal.items.${item}`),
                dataIndex: item,
                width: 130,
                render: stars,
              })),
              { title: t('appraisal.card.comment'), dataIndex: 'comment', render: (c: string) => c || '—' },
              { title: t('appraisal.card.at'), dataIndex: 'ratedAt', width: 140, render: (at: string) => formatTime(at) },
            ]}
          />
        </>
      )}
      {rating && agency && (
        <AgencyRateModal
          sectionId={sectionId}
          agencyName={agency.name}
          onClose={() => setRating(false)}
          onDone={() => loaded.reload()}
        />
      )}
      {recording && agency && <AgencyRecordModal agency={agency} sectionId={sectionId} onClose={() => setRecording(false)} />}
    </Card>
  );
}
