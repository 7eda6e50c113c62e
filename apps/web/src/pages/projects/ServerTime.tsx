import { ClockCircleOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBeijing } from '../../format.ts';
import { useServerClock } from '../../hooks/useServerClock.tsx';

/** The server's Beijing time, ticking, for pages where deadlines are set against it. */
export function ServerTime() {
  const { t } = useTranslation();
  const { synced, now } = useServerClock();
  const [ms, setMs] = useState(now);
  useEffect(() => {
    const timer = window.setInterval(() => setMs(now()), 1000);
    return () => window.clearInterval(timer);
  }, [now]);
  return (
    <span className="muted small" data-testid="server-time">
      <ClockCircleOutlined /> {t('projects.timetable.serverTime')} <span className="mono">{synced ? formatBeijing(ms) : '…'}</span>
    </span>
  );
}
