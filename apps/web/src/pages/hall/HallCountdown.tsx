import { FieldTimeOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HallClock } from './useHallClock.ts';

const pad = (n: number) => String(n).padStart(2, '0');
/** While the target has passed and the page still shows this, the view is asked for again this often. */
const ELAPSED_RECHECK_MS = 5_000;

/**
 * Time left until `target` on the server's clock, ticking on the second. The hall's stage moves at the
 * deadline and at the window's end by the clock alone, with no event: `onElapsed` is called then (and
 * every few seconds while it is still shown) so the page fetches the stage the server now derives.
 */
export function HallCountdown({ clock, target, onElapsed, testId }: { clock: HallClock; target: string; onElapsed: () => void; testId: string }) {
  const { t } = useTranslation();
  const targetMs = Date.parse(target);
  const [now, setNow] = useState(clock.now);
  const elapsed = useRef(onElapsed);
  useEffect(() => {
    elapsed.current = onElapsed;
  }, [onElapsed]);

  useEffect(() => {
    let timer = 0;
    let lastFired = -Infinity;
    const tick = () => {
      const ms = clock.now();
      setNow(ms);
      if (ms >= targetMs && ms - lastFired >= ELAPSED_RECHECK_MS) {
        lastFired = ms;
        elapsed.current();
      }
      timer = window.setTimeout(tick, 1000 - (ms % 1000) + 5);
    };
    tick();
    return () => window.clearTimeout(timer);
  }, [clock, targetMs]);

  if (!clock.synced) return <span className="muted">{t('clock.syncing')}</span>;
  const left = targetMs - now;
  if (left <= 0) {
    return (
      <span className="hall-countdown hall-countdown-over" data-testid={testId} data-state="over">
        {t('hall.countdown.over')}
      </span>
    );
  }
  const s = Math.floor(left / 1000);
  const days = Math.floor(s / 86_400);
  const hms = `${pad(Math.floor((s % 86_400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return (
    <span className={`hall-countdown${s < 300 ? ' hall-countdown-urgent' : ''}`} data-testid={testId} data-state="running">
      <FieldTimeOutlined /> {days > 0 ? t('hall.countdown.days', { days, clock: hms }) : hms}
    </span>
  );
}
