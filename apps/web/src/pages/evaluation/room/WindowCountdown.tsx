import { FieldTimeOutlined } from '@ant-design/icons';
import { App } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useRemaining } from '../../portal/Countdown.tsx';
import { roomWords, useEvaluationSitting } from '../sitting.ts';
import { reminderCrossed, urgency } from './window.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Time left until the window's end on the server's clock, ticking on the second; as the end nears
 * (60, 30, 10 minutes) everyone in the room is reminded once, and `onOver` refreshes the view at the end.
 */
export function WindowCountdown({ endsAt, startsAt, onOver }: { endsAt: string; startsAt: string; onOver: () => void }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const w = roomWords(useEvaluationSitting());
  const { left, synced } = useRemaining(endsAt);
  const { left: untilStart } = useRemaining(startsAt);
  const before = useRef<number | null>(null);
  const over = useRef(onOver);
  useEffect(() => {
    over.current = onOver;
  }, [onOver]);

  useEffect(() => {
    if (left === null || !synced) return;
    const prev = before.current;
    before.current = left;
    if (prev === null) return;
    const minutes = reminderCrossed(prev, left);
    if (minutes !== undefined) {
      notification.warning({ title: t(`${w}.window.reminderTitle`), description: t(`${w}.window.reminder`, { minutes }), duration: 0, key: 'evaluation-window' });
    }
    if (prev > 0 && left <= 0) over.current();
  }, [left, synced, notification, t, w]);

  useEffect(() => {
    // The window's start moves the room from waiting to open, by the clock alone.
    if (untilStart !== null && untilStart <= 0 && untilStart > -1500) over.current();
  }, [untilStart]);

  if (left === null) return null;
  if (!synced) return <span className="muted">{t('clock.syncing')}</span>;
  const state = urgency(left);
  if (untilStart !== null && untilStart > 0) {
    return (
      <span className="room-countdown" data-testid="room-countdown" data-state="waiting">
        <FieldTimeOutlined /> {t(`${w}.window.startsIn`, { time: clockOf(untilStart, t) })}
      </span>
    );
  }
  if (state === 'over') {
    return (
      <span className="room-countdown room-countdown-over" data-testid="room-countdown" data-state="over">
        {t(`${w}.window.over`)}
      </span>
    );
  }
  return (
    <span className={`room-countdown room-countdown-${state}`} data-testid="room-countdown" data-state={state}>
      <FieldTimeOutlined /> {t(`${w}.window.endsIn`, { time: clockOf(left, t) })}
    </span>
  );
}

function clockOf(ms: number, t: TFunction): string {
  const s = Math.floor(ms / 1000);
  const days = Math.floor(s / 86_400);
  const hms = `${pad(Math.floor((s % 86_400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return days > 0 ? t('evaluation.window.days', { days, clock: hms }) : hms;
}
