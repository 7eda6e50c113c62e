import type { Sitting } from '@bidhall/contracts';
import type { Clock } from '@bidhall/rules';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import type { HallBus } from './hall-bus.ts';
import { hallStore, latestHallRound } from './hall-store.ts';
import type { SectionsPort } from './opening.deps.ts';

const TICK_MS = 10_000;
const PAGE = 1000;

/**
 * Server-Sent Events of one hall: first every event after `after` from the database, then each new one
 * as the bus signals a change, and the server time every ten seconds for the countdowns. A client that
 * reconnects sends Last-Event-ID and so misses nothing; the events are the database's, so a restarted
 * server streams the same ones.
 */
export async function streamHallEvents(
  deps: { db: Db; clock: Clock; bus: HallBus; sections: SectionsPort },
  request: FastifyRequest,
  reply: FastifyReply,
  sectionId: string,
  after: number,
  sitting: Sitting = 'bid',
): Promise<void> {
  const section = await deps.sections.get(deps.db, sectionId);
  const round = (await latestHallRound(deps.db, sectionId, sitting)) ?? section?.round ?? 1;
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
    'x-request-id': request.id,
  });
  let last = after;
  let closed = false;
  let running: Promise<void> | null = null;
  let again = false;
  const send = (chunk: string) => {
    if (!closed) res.write(chunk);
  };
  const pump = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          const events = await sharedRead(deps.db, sitting, sectionId, round, last, deps.bus.generation(sectionId));
          for (const e of events) {
            send(frameOf(e));
            last = e.seq;
          }
          if (events.length === PAGE) again = true;
        } while (again && !closed);
      } catch (err) {
        request.log.warn({ err, sectionId }, 'hall stream could not read events');
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const tick = () => {
    send(`event: time\ndata: ${JSON.stringify({ serverTime: deps.clock.now().toISOString() })}\n\n`);
    // The bus is one process's: with the tick the stream also reads what another process committed.
    void pump();
  };
  const unsubscribe = deps.bus.subscribe(sectionId, () => void pump());
  const timer = setInterval(tick, TICK_MS);
  timer.unref();
  request.raw.on('close', () => {
    closed = true;
    clearInterval(timer);
    unsubscribe();
  });
  send('retry: 2000\n\n');
  tick();
  await pump();
}

/**
 * Every stream of a hall reads the events after the same seq when a change is signalled (the readout,
 * to every client at once): reads begun after the same signal (generation) share one query. A read
 * begun before a signal is not shared with a stream woken by it, so no stream misses the change.
 */
const reading = new Map<string, ReturnType<ReturnType<typeof hallStore>['eventsAfter']>>();
function sharedRead(db: Db, sitting: Sitting, sectionId: string, round: number, after: number, generation: number) {
  const key = `${sitting}:${sectionId}:${round}:${after}:${generation}`;
  let read = reading.get(key);
  if (!read) {
    read = hallStore(db, sitting).eventsAfter(sectionId, round, after, PAGE);
    reading.set(key, read);
    const forget = () => void reading.delete(key);
    read.then(forget, forget);
  }
  return read;
}

type StoredEvent = Awaited<ReturnType<ReturnType<typeof hallStore>['eventsAfter']>>[number];
/** An event as the stream sends it, written once for all the streams that share its read. */
const frames = new WeakMap<StoredEvent, string>();
function frameOf(e: StoredEvent): string {
  let frame = frames.get(e);
  if (!frame) {
    frame = `id: ${e.seq}\nevent: ${e.kind}\ndata: ${JSON.stringify({ seq: e.seq, kind: e.kind, at: e.at.toISOString(), data: e.data })}\n\n`;
    frames.set(e, frame);
  }
  return frame;
}

/** The events after `after` of the section's newest hall, as JSON (a client without EventSource polls this). */
export async function hallEventsPage(db: Db, sectionId: string, after: number, sitting: Sitting = 'bid') {
  const round = await latestHallRound(db, sectionId, sitting);
  if (round === null) return [];
  return (await hallStore(db, sitting).eventsAfter(sectionId, round, after, PAGE)).map((e) => ({ seq: e.seq, kind: e.kind, at: e.at.toISOString(), data: e.data }));
}
