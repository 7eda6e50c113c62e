import { ClockCircleOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBeijing } from '../format.ts';
import { useServerClock } from '../hooks/useServerClock.tsx';

/** Beijing time as the server keeps it; never the browser's own clock. */
export function ServerClock() {
  const { t } = useTranslation();
  const { synced, now } = useServerClock();
  const [ms, setMs] = useState(now);

  useEffect(() => {
    // Tick on the second boundary so the display changes when the server's second does.
    let timer = 0;
    const tick = () => {
      const current = now();
      setMs(current);
      timer = window.setTimeout(tick, 1000 - (current % 1000) + 5);
    };
    tick();
    return () => window.clearTimeout(timer);
  }, [now, synced]);

  return (
    <span className="server-clock" data-testid="server-clock" title={t('clock.hint')}>
      <ClockCircleOutlined />
      <span>{t('clock.label')}</span>
      <span className="server-clock-value">{synced ? formatBeijing(ms) : t('clock.syncing')}</span>
    </span>
  );
}
