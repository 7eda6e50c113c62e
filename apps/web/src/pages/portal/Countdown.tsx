import { FieldTimeOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerClock } from '../../hooks/useServerClock.tsx';

const pad = (n: number) => String(n).padStart(2, '0');

/** Milliseconds left until `deadlineMs` on the SERVER's clock, re-rendered every second. */
export function useRemaining(deadline: string | null | undefined): { left: number | null; synced: boolean } {
  const { now, synced } = useServerClock();
  const target = deadline ? Date.parse(deadline) : NaN;
  const [current, setCurrent] = useState(now);
  useEffect(() => {
    if (Number.isNaN(target)) return;
    let timer = 0;
    const tick = () => {
      const ms = now();
      setCurrent(ms);
      timer = window.setTimeout(tick, 1000 - (ms % 1000) + 5);
    };
    tick();
    return () => window.clearTimeout(timer);
  }, [now, synced, target]);
  return { left: Number.isNaN(target) ? null : target - current, synced };
}

/** "3天 04:05:06" until a deadline on server time, or "closed" once it has passed. */
export function Countdown({ deadline, testId }: { deadline: string | null | undefined; testId?: string }) {
  const { t } = useTranslation();
  const { left, synced } = useRemaining(deadline);
  if (left === null) return <span className="muted">—</span>;
  if (!synced) return <span className="muted">{t('clock.syncing')}</span>;
  if (left <= 0) {
    return (
      <Tag color="default" data-testid={testId} data-state="closed">
        {t('portal.countdown.closed')}
      </Tag>
    );
  }
  const s = Math.floor(left / 1000);
  const days = Math.floor(s / 86_400);
  const clock = `${pad(Math.floor((s % 86_400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return (
    <span className={`countdown${days < 1 ? ' countdown-urgent' : ''}`} data-testid={testId} data-state="open">
      <FieldTimeOutlined /> {t('portal.countdown.left', { days, clock })}
    </span>
  );
}
