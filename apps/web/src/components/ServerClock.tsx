import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TIME_READERS } from '../api/system.ts';
import { useSession } from '../auth/SessionContext.tsx';
import { formatBeijing } from '../format.ts';
import { useServerClock } from '../hooks/useServerClock.tsx';

/**
 * Beijing time as the server keeps it; never the browser's own clock. The tag says whether the
 * server's clock agrees with the national time service (F-07); staff open the time source from it.
 */
export function ServerClock() {
  const { t } = useTranslation();
  const { synced, now, verified } = useServerClock();
  const { user } = useSession();
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
      {verified !== null && (
        <Tooltip title={t(verified ? 'system.clock.verifiedHint' : 'system.clock.unverifiedHint')}>
          {user && TIME_READERS.includes(user.kind) ? (
            <Link to="/system/time" aria-label={t('system.clock.open')}>
              <ClockTag verified={verified} />
            </Link>
          ) : (
            <ClockTag verified={verified} />
          )}
        </Tooltip>
      )}
    </span>
  );
}

function ClockTag({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={verified ? 'success' : 'warning'} className="server-clock-tag" data-testid="clock-verified" data-verified={String(verified)}>
      {t(verified ? 'system.clock.verified' : 'system.clock.unverified')}
    </Tag>
  );
}
