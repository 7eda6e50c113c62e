import type { EvaluationMonitorView } from '@bidhall/contracts';
import { useEffect, useState } from 'react';
import { monitorEventsUrl, venuesApi } from '../../../api/evaluationVenues.ts';

export type MonitorLive = 'connecting' | 'live' | 'reconnecting';

/**
 * The monitor, live: the first view over JSON, then every change from its Server-Sent Events stream
 * (a room's entry or exit at once, sign-ins and submissions within seconds). EventSource reconnects
 * by itself; each event is the whole view, so nothing is lost while away.
 */
export function useMonitor() {
  const [view, setView] = useState<EvaluationMonitorView>();
  const [error, setError] = useState<unknown>();
  const [live, setLive] = useState<MonitorLive>('connecting');

  useEffect(() => {
    let alive = true;
    venuesApi.monitor().then(
      (v) => alive && setView(v),
      (err) => alive && setError(err),
    );
    const source = new EventSource(monitorEventsUrl);
    source.addEventListener('monitor', (e) => {
      if (!alive) return;
      setView(JSON.parse((e as MessageEvent<string>).data) as EvaluationMonitorView);
      setError(undefined);
    });
    source.onopen = () => alive && setLive('live');
    source.onerror = () => alive && setLive('reconnecting');
    return () => {
      alive = false;
      source.close();
    };
  }, []);

  return { view, error, live };
}
