import { EventEmitter } from 'node:events';

/**
 * Tells the live streams of a hall that it changed (after the change committed); each stream then reads
 * the events it has not sent from the database, so a missed signal costs a delay, never an event.
 * One process: a change another process commits reaches its streams with their next time tick (10 s);
 * relaying these through PostgreSQL NOTIFY would make that immediate (decision 0021).
 */
export function createHallBus() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const generations = new Map<string, number>();
  return {
    changed(sectionId: string) {
      generations.set(sectionId, (generations.get(sectionId) ?? 0) + 1);
      emitter.emit(sectionId);
    },
    /** How many changes were signalled: a read begun at this generation began after every one of them. */
    generation(sectionId: string): number {
      return generations.get(sectionId) ?? 0;
    },
    subscribe(sectionId: string, listener: () => void): () => void {
      emitter.on(sectionId, listener);
      return () => emitter.off(sectionId, listener);
    },
  };
}

export type HallBus = ReturnType<typeof createHallBus>;
