import type { CommitteeSeatView } from '@bidhall/contracts';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../format.ts';
import { useLocale } from '../../../i18n/LocaleProvider.tsx';
import { AnswerCountdown } from '../../experts/AnswerCountdown.tsx';
import { specialtyName } from '../../experts/specialties.ts';
import { SeatStateTag } from '../../experts/tags.tsx';

/** The drawn seats, numbered: how and when each was notified and answered — never who sits in it. */
export function SeatsTable({ seats }: { seats: CommitteeSeatView[] }) {
  const { t } = useTranslation();
  const { lang } = useLocale();
  return (
    <Table<CommitteeSeatView>
      rowKey="seat"
      size="small"
      dataSource={seats}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('experts.committee.seats.empty') }}
      data-testid="committee-seats"
      columns={[
        { title: t('experts.committee.seats.seat'), dataIndex: 'seat', width: 80, sorter: (a, b) => a.seat - b.seat, defaultSortOrder: 'ascend', render: (v: number) => <strong>#{v}</strong> },
        { title: t('experts.committee.seats.specialty'), dataIndex: 'specialty', render: (v: string) => specialtyName(v, lang) },
        { title: t('experts.committee.seats.notifiedAt'), dataIndex: 'notifiedAt', width: 160, render: (v: string) => formatTime(v, true) },
        { title: t('experts.committee.seats.channels'), dataIndex: 'channels', width: 170, render: (v: CommitteeSeatView['channels']) => v.map((c) => <Tag key={c}>{t(`experts.channels.${c}`)}</Tag>) },
        {
          title: t('experts.committee.seats.answerBy'),
          dataIndex: 'answerBy',
          width: 190,
          render: (v: string, r) => (
            <>
              {formatTime(v, true)}
              {r.state === 'notified' && (
                <div>
                  <AnswerCountdown answerBy={v} testId="seat-countdown" />
                </div>
              )}
            </>
          ),
        },
        {
          title: t('experts.committee.seats.state'),
          dataIndex: 'state',
          width: 200,
          render: (_: unknown, r) => (
            <>
              <SeatStateTag state={r.state} />
              {r.answeredAt && <div className="muted small">{formatTime(r.answeredAt, true)}</div>}
              {r.replacedBy !== null && <div className="small">{t('experts.committee.seats.replacedBy', { seat: r.replacedBy })}</div>}
            </>
          ),
        },
      ]}
    />
  );
}
