import { useCallback, useMemo, useRef } from 'react';
import { useServerClock } from '../../hooks/useServerClock.tsx';

/** Past this, a server time from the hall's stream overrides the app's clock (measured once a minute). */
const TOLERANCE_MS = 1000;

export interface HallClock {
  synced: boolean;
  /** Server time now, epoch ms. */
  now: () => number;
  /** A server time the stream sent (every 10 s): corrects the countdowns when the app's clock is off. */
  correct: (serverMs: number) => void;
}

/**
 * The app's server clock, corrected by the hall stream's `time` events: the app measures its offset only
 * once a minute, and a countdown to the unsealing window's end must follow a server clock that moved
 * (or a browser that slept) within seconds. Small differences are the events' latency and are ignored,
 * since the app's measurement halves the round trip and is the more precise.
 */
export function useHallClock(): HallClock {
  const { now: base, synced } = useServerClock();
  const correction = useRef(0);
  const now = useCallback(() => base() + correction.current, [base]);
  const correct = useCallback(
    (serverMs: number) => {
      const off = serverMs - base();
      correction.current = Math.abs(off) > TOLERANCE_MS ? off : 0;
    },
    [base],
  );
  return useMemo(() => ({ synced, now, correct }), [synced, now, correct]);
}
