import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { HALL_EVENT_KINDS, hallApi, hallEventsUrl, type HallRef, type HallView, type Sitting } from '../../api/opening.ts';
import type { HallClock } from './useHallClock.ts';
import { readoutFromEvent } from './readoutEvent.ts';

/** A burst of events (the stream replays the hall's history on connecting) becomes one fetch. */
const REFRESH_DELAY_MS = 150;
/** A bidder waits outside until the hall opens with its bid: asked again this often. */
const NOT_OPEN_RETRY_MS = 30_000;
/** After the server refused the stream (EventSource then gives up), a new one this much later. */
const RECONNECT_MS = 5_000;

export type LiveState = 'connecting' | 'live' | 'reconnecting';

export interface Hall {
  view: HallView | undefined;
  /** Why the hall is not there for this caller yet: before the deadline (404 to a bidder), or no deadline set. */
  notOpen: 'beforeDeadline' | 'noDeadline' | null;
  error: unknown;
  live: LiveState;
  /** Fetches the view again soon (coalesced). */
  refresh: () => void;
  /** Runs an action that answers with the hall's view and shows that view, unless a newer one came meanwhile. */
  act: (call: () => Promise<HallView>) => Promise<HallView>;
}

function notOpenOf(err: unknown): Hall['notOpen'] {
  if (!(err instanceof ApiError)) return null;
  if (err.status === 404) return 'beforeDeadline';
  return err.code === 'HALL_NOT_OPEN' ? 'noDeadline' : null;
}

/**
 * The hall of a section's sitting, live: the view from GET /hall (/application-hall for the
 * applications), fetched again on every event of the hall's stream (the events say what changed; the
 * view is the truth), the stream's server time correcting the countdowns, and the stream's state for a
 * "reconnecting" sign. EventSource reconnects by itself with Last-Event-ID, so no event is missed while
 * the connection was down.
 */
export function useHall(sectionId: string, sitting: Sitting, clock: HallClock): Hall {
  const at: HallRef = useMemo(() => ({ sectionId, sitting }), [sectionId, sitting]);
  const [view, setView] = useState<HallView>();
  const [error, setError] = useState<unknown>();
  const [live, setLive] = useState<LiveState>('connecting');
  const [attempt, setAttempt] = useState(0);
  // Requests are numbered when sent: an answer older than the view shown is dropped.
  const issued = useRef(0);
  const shown = useRef(0);
  const fetching = useRef(false);
  const again = useRef(false);
  const timer = useRef(0);
  const alive = useRef(true);

  const show = useCallback((n: number, v: HallView) => {
    if (!alive.current || n < shown.current) return;
    shown.current = n;
    setView(v);
    setError(undefined);
  }, []);

  const load = useCallback(async () => {
    if (fetching.current) {
      again.current = true;
      return;
    }
    fetching.current = true;
    try {
      do {
        again.current = false;
        const n = ++issued.current;
        try {
          show(n, await hallApi.view(at));
        } catch (err) {
          if (alive.current) setError(err);
        }
      } while (again.current && alive.current);
    } finally {
      fetching.current = false;
    }
  }, [at, show]);

  const refresh = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void load(), REFRESH_DELAY_MS);
  }, [load]);

  const act = useCallback(
    async (call: () => Promise<HallView>) => {
      const n = ++issued.current;
      const v = await call();
      show(n, v);
      return v;
    },
    [show],
  );

  useEffect(() => {
    alive.current = true;
    void load();
    return () => {
      alive.current = false;
      window.clearTimeout(timer.current);
    };
  }, [load]);

  const notOpen = view ? null : notOpenOf(error);
  useEffect(() => {
    if (!notOpen) return;
    const poll = window.setInterval(() => void load(), NOT_OPEN_RETRY_MS);
    return () => window.clearInterval(poll);
  }, [notOpen, load]);

  const open = view !== undefined;
  // The stream starts after the last event the view already shows: nothing is replayed on connecting.
  const seen = useRef(0);
  if (view) seen.current = view.lastSeq;
  const { correct } = clock;
  useEffect(() => {
    if (!open) return;
    let down = false;
    let retry = 0;
    const source = new EventSource(hallEventsUrl(at, seen.current));
    for (const kind of HALL_EVENT_KINDS) source.addEventListener(kind, refresh);
    // The readout event carries the table: everyone sees it at once, the view follows with the rest.
    source.addEventListener('readout', (e: MessageEvent<string>) => {
      const table = readoutFromEvent(e.data);
      if (table) setView((v) => (v && !v.readout ? { ...v, readout: table } : v));
    });
    source.addEventListener('time', (e: MessageEvent<string>) => {
      try {
        const { serverTime } = JSON.parse(e.data) as { serverTime: string };
        const ms = Date.parse(serverTime);
        if (!Number.isNaN(ms)) correct(ms);
      } catch {
        // a malformed tick changes nothing; the next comes in ten seconds
      }
    });
    source.onopen = () => {
      setLive('live');
      // The stage also moves with the clock alone (the deadline, the window's end): look again after a gap.
      if (down) refresh();
      down = false;
    };
    source.onerror = () => {
      down = true;
      setLive('reconnecting');
      // EventSource retries by itself, except after an error status (a session that expired…): then anew.
      if (source.readyState === EventSource.CLOSED) retry = window.setTimeout(() => setAttempt((a) => a + 1), RECONNECT_MS);
    };
    return () => {
      source.close();
      window.clearTimeout(retry);
    };
  }, [open, at, attempt, refresh, correct]);

  return { view, notOpen, error: view ? undefined : error, live, refresh, act };
}
