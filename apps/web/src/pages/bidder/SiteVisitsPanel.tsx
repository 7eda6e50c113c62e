import { EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { bidderApi } from '../../api/bidder.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { Countdown } from '../portal/Countdown.tsx';

/** Site-visit notices and their records (A-77…A-79): sent to everyone who obtained the documents. */
export function SiteVisitsPanel({ documentId, obtained }: { documentId: string; obtained: boolean }) {
  const { t } = useTranslation();
  const list = useLoader(() => bidderApi.siteVisits(documentId), [documentId]);
  if (list.error) return <LoadError error={list.error} onRetry={() => void list.reload()} />;
  const sent = (list.data ?? []).filter((v) => v.status === 'sent');
  if (!list.loading && sent.length === 0) {
    return (
      <>
        {!obtained && <Alert type="info" showIcon className="form-alert" title={t('bidder.siteVisits.downloadFirst')} />}
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bidder.siteVisits.none')} />
      </>
    );
  }
  return (
    <div data-testid="site-visits-panel">
      {sent.map((v) => (
        <Card
          key={v.id}
          size="small"
          className="bidder-card"
          data-testid="site-visit"
          title={
            <span>
              <EnvironmentOutlined /> {t('bidder.siteVisits.title', { time: formatTime(v.visitAt) })}
            </span>
          }
          extra={<Countdown deadline={v.visitAt} />}
        >
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'at', label: t('bidder.siteVisits.at'), children: formatTime(v.visitAt) },
              { key: 'place', label: t('bidder.siteVisits.place'), children: v.meetingPlace },
              { key: 'contact', label: t('bidder.siteVisits.contact'), children: v.contact },
              { key: 'notes', label: t('bidder.siteVisits.notes'), children: v.notes ?? '—' },
              { key: 'sent', label: t('bidder.siteVisits.sentAt'), children: formatTime(v.sentAt) },
            ]}
          />
          {v.records
            .filter((r) => r.status === 'sent')
            .map((r) => (
              <div key={r.id} className="answer-text">
                <div className="muted small">{t('bidder.siteVisits.record', { time: formatTime(r.sentAt) })}</div>
                <div>{r.summary}</div>
                {r.attendees.length > 0 && (
                  <div className="muted small">
                    {t('bidder.siteVisits.attendees')}: {r.attendees.join(t('common.listSeparator'))}
                  </div>
                )}
              </div>
            ))}
        </Card>
      ))}
    </div>
  );
}
