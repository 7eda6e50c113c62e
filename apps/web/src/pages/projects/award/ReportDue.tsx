import { FieldTimeOutlined } from '@ant-design/icons';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRemaining } from '../../portal/Countdown.tsx';
import { endOfDay } from './awardStates.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Law 47's 15 days on the server's clock (A-98): the last day and a countdown to its end; 已逾期 when the
 * server says so or the day has passed. Once reported, whether that was in time.
 */
export function ReportDue({ due, overdue, reportedAt }: { due: string; overdue: boolean; reportedAt: string | null }) {
  const { t } = useTranslation();
  const { left, synced } = useRemaining(endOfDay(due));
  const label = <span className="mono">{due}</span>;
  if (reportedAt) {
    const late = Date.parse(reportedAt) >= Date.parse(endOfDay(due));
    return (
      <Space size={4} data-testid="award-report-due" data-phase={late ? 'reportedLate' : 'reported'}>
        {label}
        {late && <Tag color="orange">{t('award.writtenReport.late')}</Tag>}
      </Space>
    );
  }
  if (overdue || (synced && left !== null && left <= 0)) {
    return (
      <Space size={4} data-testid="award-report-due" data-phase="overdue">
        {label}
        <Tag color="red">{t('award.writtenReport.overdue')}</Tag>
      </Space>
    );
  }
  if (left === null || !synced) return <span data-testid="award-report-due">{label}</span>;
  const s = Math.floor(left / 1000);
  const days = Math.floor(s / 86_400);
  const clock = `${pad(Math.floor((s % 86_400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return (
    <Space size={4} wrap data-testid="award-report-due" data-phase="running">
      {label}
      <span className={`countdown${days < 3 ? ' countdown-urgent' : ''}`}>
        <FieldTimeOutlined /> {t('award.writtenReport.left', { days, clock })}
      </span>
    </Space>
  );
}
