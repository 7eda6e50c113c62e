import { FieldTimeOutlined } from '@ant-design/icons';
import type { PublicityView } from '@bidhall/contracts';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRemaining } from '../../portal/Countdown.tsx';

const pad = (n: number) => String(n).padStart(2, '0');

/** A published publicity on the server's clock: not started, 公示中 counting down to its end, or over. */
export function PeriodStatus({ publicity }: { publicity: Pick<PublicityView, 'startsAt' | 'endsAt'> }) {
  const { t } = useTranslation();
  const toStart = useRemaining(publicity.startsAt);
  const toEnd = useRemaining(publicity.endsAt);
  if (toStart.left === null || toEnd.left === null) return null;
  if (!toEnd.synced) return <span className="muted">{t('clock.syncing')}</span>;
  const clock = (ms: number) => {
    const s = Math.floor(ms / 1000);
    const days = Math.floor(s / 86_400);
    const hms = `${pad(Math.floor((s % 86_400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
    return days > 0 ? t('award.period.days', { days, clock: hms }) : hms;
  };
  if (toStart.left > 0) {
    return (
      <Space size={4} data-testid="publicity-phase" data-phase="notStarted">
        <Tag>{t('award.period.notStarted')}</Tag>
        <span className="muted">
          <FieldTimeOutlined /> {t('award.period.startsIn', { time: clock(toStart.left) })}
        </span>
      </Space>
    );
  }
  if (toEnd.left > 0) {
    return (
      <Space size={4} data-testid="publicity-phase" data-phase="running">
        <Tag color="gold">{t('award.period.running')}</Tag>
        <span className="mono">
          <FieldTimeOutlined /> {t('award.period.endsIn', { time: clock(toEnd.left) })}
        </span>
      </Space>
    );
  }
  return (
    <Tag data-testid="publicity-phase" data-phase="over">
      {t('award.period.over')}
    </Tag>
  );
}
