import type { TimeSourceState, TimeSourceView } from '@bidhall/contracts';
import type { Clock } from '@bidhall/rules';
import { DomainError } from '../errors/domain-error.ts';
import { formatNtpServer, type NtpServer, querySntp, type SntpMeasurement } from './sntp.ts';

export interface TimeSourceOptions {
  clock: Clock;
  servers: readonly NtpServer[];
  /** Beyond this offset the clock is `skewed`. */
  maxOffsetMs: number;
  /** A measurement older than this is `stale`. */
  maxAgeSeconds: number;
  /** `strict` refuses deadline-critical actions unless synchronised; `lenient` only shows the state. */
  mode: 'strict' | 'lenient';
  /** How long one server may take to answer. */
  timeoutMs?: number;
  /** Told when the state changes (a log line for operators). */
  onChange?: (view: TimeSourceView) => void;
  /** The exchange with one server; the SNTP client unless a test replaces it. */
  query?: (server: NtpServer) => Promise<SntpMeasurement>;
}

/**
 * F-07: the platform's clock, checked against configured time servers (the National Time Service
 * Center's by default). Measurements are this process's own (each instance answers with its own
 * host clock); the latest good one decides whether deadline-critical actions may go ahead.
 */
export interface TimeSource {
  /** Asks the servers in order until one answers; keeps the answer (or the failure) and returns the view. */
  measure(): Promise<TimeSourceView>;
  view(): TimeSourceView;
  /** Throws TIME_UNTRUSTED (503) when strict and not synchronised. `action` names what was refused. */
  assertTrusted(action: string): void;
  /** Measures now and then every `intervalMs`, until `stop`. */
  start(intervalMs: number): void;
  stop(): void;
}

export function createTimeSource(opts: TimeSourceOptions): TimeSource {
  const timeoutMs = opts.timeoutMs ?? 3000;
  const query = opts.query ?? ((server: NtpServer) => querySntp(server, { clock: opts.clock, timeoutMs }));
  let last: SntpMeasurement | null = null;
  let lastFailure: { at: Date; reasons: string[] } | null = null;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<TimeSourceView> | undefined;
  let reported: TimeSourceState | undefined;

  function state(): TimeSourceState {
    if (!last) return 'unmeasured';
    // The age runs on the clock being judged: a clock jumped far back or forward makes its answer stale too.
    const age = opts.clock.now().getTime() - last.at.getTime();
    if (age > opts.maxAgeSeconds * 1000 || age < -opts.maxOffsetMs) return 'stale';
    return Math.abs(last.offsetMs) > opts.maxOffsetMs ? 'skewed' : 'synchronised';
  }

  function view(): TimeSourceView {
    const s = state();
    return {
      state: s,
      mode: opts.mode,
      trusted: s === 'synchronised' || opts.mode === 'lenient',
      servers: opts.servers.map(formatNtpServer),
      maxOffsetMs: opts.maxOffsetMs,
      maxAgeSeconds: opts.maxAgeSeconds,
      last: last && {
        server: last.server,
        offsetMs: Math.round(last.offsetMs),
        delayMs: Math.round(last.delayMs),
        stratum: last.stratum,
        at: last.at.toISOString(),
      },
      lastFailure: lastFailure && { at: lastFailure.at.toISOString(), reasons: lastFailure.reasons },
    };
  }

  async function measureOnce(): Promise<TimeSourceView> {
    const reasons: string[] = [];
    for (const server of opts.servers) {
      try {
        last = await query(server);
        lastFailure = null;
        break;
      } catch (err) {
        reasons.push(err instanceof Error ? err.message : String(err));
      }
    }
    if (reasons.length === opts.servers.length)
      lastFailure = { at: opts.clock.now(), reasons: reasons.length ? reasons : ['no time server configured'] };
    const v = view();
    if (v.state !== reported) {
      reported = v.state;
      opts.onChange?.(v);
    }
    return v;
  }

  // Concurrent callers share one measurement rather than sending a burst of requests.
  const measure = () => (running ??= measureOnce().finally(() => (running = undefined)));

  return {
    measure,
    view,
    assertTrusted(action) {
      const v = view();
      if (v.trusted) return;
      throw new DomainError(
        'TIME_UNTRUSTED',
        `the platform cannot vouch for its clock (${v.state}); ${action} waits until it is synchronised with the time service`,
        {
          state: v.state,
          action,
        },
      );
    },
    start(intervalMs) {
      if (timer) return;
      void measure();
      timer = setInterval(() => void measure(), intervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}

/** The platform's own refusal codes for time (registered with the other codes in app.ts). */
export const timeErrors = {
  /** The clock is not synchronised with the time service: deadline-critical actions wait. */
  TIME_UNTRUSTED: 503,
} as const;
