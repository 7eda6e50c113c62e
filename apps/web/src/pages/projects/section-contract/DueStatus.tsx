import { FieldTimeOutlined } from '@ant-design/icons';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRemaining } from '../../portal/Countdown.tsx';
import { endOfDay } from './contractStates.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Law 46's 30 days on the server's clock (A-98): the last day, a countdown to its end, and whether it is
 * near (5 days) or past; once concluded, whether that was in time.
 */
export function DueStatus({
  dueDate,
  concludedAt,
  testId = 'contract-due',
}: {
  dueDate: string;
  concludedAt?: string | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { left, synced } = useRemaining(endOfDay(dueDate));
  const label = <span className="mono">{dueDate}</span>;
  if (concludedAt) {
    const late = Date.parse(concludedAt) > Date.parse(endOfDay(dueDate));
    return (
      <Space size={4} data-testid={testId} data-phase={late ? 'concludedLate' : 'concluded'}>
        {label}
        <Tag color={late ? 'orange' : 'green'}>{t(late ? 'contract.due.concludedLate' : 'contract.due.concluded')}</Tag>
      </Space>
    );
  }
  if (left === null) return label;
  if (!synced)
    return (
      <Space size={4}>
        {label}
        <span className="muted">{t('clock.syncing')}</span>
      </Space>
    );
  if (left <= 0)
    return (
      <Space size={4} data-testid={testId} data-phase="overdue">
        {label}
        <Tag color="red">{t('contract.due.overdue')}</Tag>
      </Space>
    );
  const s = Math.floor(left / 1000);
  const days = Math.floor(s / 86_400);
  const clock = `${pad(Math.floor((s % 86_400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  const soon = days < 5;
  return (
    <Space size={4} wrap data-testid={testId} data-phase={soon ? 'dueSoon' : 'running'}>
      {label}
      <span className={`countdown${soon ? ' countdown-urgent' : ''}`}>
        <FieldTimeOutlined /> {t('contract.due.left', { days, clock })}
      </span>
      {soon && <Tag color="orange">{t('contract.due.soon')}</Tag>}
    </Space>
  );
}
