import { FieldTimeOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRemaining } from '../portal/Countdown.tsx';
import { splitRemaining } from './countdown.ts';

/** Time left to answer on the SERVER's clock, red in the last ten minutes; "closed" after. */
export function AnswerCountdown({ answerBy, testId }: { answerBy: string; testId?: string }) {
  const { t } = useTranslation();
  const { left, synced } = useRemaining(answerBy);
  if (left === null) return <span className="muted">—</span>;
  if (!synced) return <span className="muted">{t('clock.syncing')}</span>;
  const parts = splitRemaining(left);
  if (!parts) {
    return (
      <Tag data-testid={testId} data-state="closed">
        {t('experts.countdown.closed')}
      </Tag>
    );
  }
  return (
    <span className={`mono${parts.seconds < 600 ? ' expert-countdown-urgent' : ''}`} data-testid={testId} data-state="open">
      <FieldTimeOutlined /> {parts.days > 0 ? t('experts.countdown.left', { days: parts.days, clock: parts.clock }) : parts.clock}
    </span>
  );
}
