import { TIMETABLE_FIELD_NAMES, type TimetableFieldName } from '@bidhall/contracts';
import { Alert, Descriptions, Empty, Skeleton, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { portalApi, type SectionSnapshotView } from '../../api/portal.ts';
import { ApiError } from '../../api/client.ts';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { Countdown } from './Countdown.tsx';

/** The deadline a countdown runs to: bids (tender notice) or applications (prequalification). */
export function closingOf(section: Pick<SectionSnapshotView, 'timetable'>): { field: TimetableFieldName; at: string } | null {
  const tt = section.timetable;
  if (tt.bidDeadline) return { field: 'bidDeadline', at: tt.bidDeadline };
  if (tt.applicationDeadline) return { field: 'applicationDeadline', at: tt.applicationDeadline };
  return null;
}

export function SectionCard({ section }: { section: SectionSnapshotView }) {
  const { t } = useTranslation();
  const closing = closingOf(section);
  const fields = TIMETABLE_FIELD_NAMES.filter((f) => section.timetable[f]);
  return (
    <div className="section-dates" data-testid="section-dates" data-id={section.id}>
      <div className="section-dates-head">
        <span className="section-dates-name">{section.name}</span>
        <span className="mono muted">{section.code}</span>
        {section.round > 1 && <Tag color="volcano">{t('portal.notice.round', { round: section.round })}</Tag>}
      </div>
      {closing && (
        <div className="section-countdown">
          <span className="muted">{t(`portal.timetable.${closing.field}`)}</span>
          <Countdown deadline={closing.at} testId="bid-countdown" />
        </div>
      )}
      <Descriptions
        size="small"
        column={1}
        items={fields.map((f) => ({ key: f, label: t(`portal.timetable.${f}`), children: formatTime(section.timetable[f]) }))}
      />
    </div>
  );
}

function OneSection({ id }: { id: string }) {
  const { t } = useTranslation();
  const section = useLoader(() => portalApi.section(id), [id]);
  if (section.loading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (section.error || !section.data) {
    const code = section.error instanceof ApiError ? section.error.code : undefined;
    return <Alert type="warning" showIcon title={t('portal.notice.sectionUnavailable', { code: code ?? '' })} />;
  }
  return <SectionCard section={section.data} />;
}

/**
 * The sections a notice covers, each with its key dates (as they stand now: a late clarification
 * moves the deadline) and a countdown to the closing deadline on the server's clock.
 */
export function SectionDates({ sectionIds }: { sectionIds: string[]; noticePath?: string }) {
  const { t } = useTranslation();
  if (sectionIds.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.notice.noSections')} />;
  return (
    <Space orientation="vertical" size="middle" className="full-width">
      {sectionIds.map((id) => (
        <OneSection key={id} id={id} />
      ))}
    </Space>
  );
}
