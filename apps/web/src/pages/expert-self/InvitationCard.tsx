import type { ExpertInvitationView } from '@bidhall/contracts';
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../format.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { AnswerCountdown } from '../experts/AnswerCountdown.tsx';
import { specialtyName } from '../experts/specialties.ts';
import { SeatStateTag } from '../experts/tags.tsx';
import { useRemaining } from '../portal/Countdown.tsx';
import { AnswerModal } from './AnswerModal.tsx';

/** One invitation: the section, the time and place, and — while it is open — accept or decline. */
export function InvitationCard({ invitation: i, onAnswered }: { invitation: ExpertInvitationView; onAnswered: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLocale();
  const { left } = useRemaining(i.answerBy);
  const [answer, setAnswer] = useState<'accept' | 'decline'>();
  const open = i.state === 'notified' && left !== null && left > 0;
  return (
    <Card
      type="inner"
      className="expert-invitation-card"
      data-testid="expert-invitation"
      data-state={i.state}
      title={
        <Space wrap>
          {i.sectionName}
          {i.sitting === 'application' && (
            <Tag color="purple" data-testid="invitation-review">
              {t('experts.self.review')}
            </Tag>
          )}
          <SeatStateTag state={i.state} />
        </Space>
      }
      extra={i.state === 'notified' ? <AnswerCountdown answerBy={i.answerBy} testId="invitation-countdown" /> : undefined}
      actions={
        open
          ? [
              <Button key="accept" type="primary" onClick={() => setAnswer('accept')} data-testid="invitation-accept">
                {t('experts.self.accept')}
              </Button>,
              <Button key="decline" onClick={() => setAnswer('decline')} data-testid="invitation-decline">
                {t('experts.self.decline')}
              </Button>,
            ]
          : undefined
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'project', label: t('experts.self.project'), children: i.projectName },
          { key: 'tenderer', label: t('experts.self.tenderer'), children: i.tendererName },
          { key: 'specialty', label: t('experts.self.specialty'), children: specialtyName(i.specialty, lang) },
          { key: 'venue', label: t('experts.self.venue'), children: i.venue },
          { key: 'starts', label: t('experts.self.startsAt'), children: <strong>{formatTime(i.evaluationStartsAt)}</strong> },
          { key: 'notified', label: t('experts.self.notifiedAt'), children: formatTime(i.notifiedAt, true) },
          {
            key: 'channels',
            label: t('experts.self.channels'),
            children: i.channels.map((c) => <Tag key={c}>{t(`experts.channels.${c}`)}</Tag>),
          },
          { key: 'answerBy', label: t('experts.self.answerBy'), children: formatTime(i.answerBy, true) },
          ...(i.answeredAt
            ? [{ key: 'answered', label: t('experts.self.answeredAt'), children: formatTime(i.answeredAt, true) }]
            : []),
        ]}
      />
      {answer && (
        <AnswerModal invitation={i} accept={answer === 'accept'} onClose={() => setAnswer(undefined)} onDone={onAnswered} />
      )}
    </Card>
  );
}
