import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { catalogApi } from '../api/catalog.ts';

const SYNC_EVERY_MS = 60_000;

interface ServerClockState {
  /** Whether the offset to the server has been measured at least once. */
  synced: boolean;
  /** Server time now, in epoch milliseconds: the browser's clock corrected by the measured offset. */
  now: () => number;
  /** Whether the server's own clock agrees with the national time service (F-07); null before the first sync. */
  verified: boolean | null;
}

const ServerClockContext = createContext<ServerClockState>({ synced: false, now: () => Date.now(), verified: null });

/**
 * The platform shows server time only. The offset is measured once a minute against
 * GET /api/v1/time, halving the round trip; between syncs time advances on the local monotonic tick.
 */
export function ServerClockProvider({ children }: { children: ReactNode }) {
  const offset = useRef(0);
  const [synced, setSynced] = useState(false);
  const [verified, setVerified] = useState<boolean | null>(null);

  useEffect(() => {
    let live = true;
    const sync = async () => {
      const sent = performance.now();
      try {
        const time = await catalogApi.time();
        const received = performance.now();
        const localAtServerReading = Date.now() - (received - sent) / 2;
        offset.current = time.epochMs - localAtServerReading;
        if (live) {
          setSynced(true);
          setVerified(time.synchronised);
        }
      } catch {
        // keep the last offset; the next sync will try again
      }
    };
    void sync();
    const timer = window.setInterval(() => void sync(), SYNC_EVERY_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, []);

  const now = useCallback(() => Date.now() + offset.current, []);
  return <ServerClockContext.Provider value={{ synced, now, verified }}>{children}</ServerClockContext.Provider>;
}

export function useServerClock(): ServerClockState {
  return useContext(ServerClockContext);
}
