/**
 * How many upload bodies stream at once (issue 10: memory flat in the deadline rush). A streaming body
 * holds about a megabyte in the stream stages between its socket and its file; a waiting one holds
 * nothing — its bytes stay in the kernel and TCP tells the client to pause. Waiters start first come,
 * first served, and no entity streams more than `perEntity` bodies at once, so that one bidder's many
 * parts cannot crowd the others out. A body still waiting when the deadline comes is refused by the
 * store like any body in flight then.
 */
export function createUploadGate(limits: { total: number; perEntity: number }) {
  let active = 0;
  const byEntity = new Map<string, number>();
  const waiting: { entityId: string; start: () => void }[] = [];

  const fits = (entityId: string) => active < limits.total && (byEntity.get(entityId) ?? 0) < limits.perEntity;

  function pump() {
    for (let i = 0; i < waiting.length && active < limits.total;) {
      const w = waiting[i]!;
      if (!fits(w.entityId)) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      active++;
      byEntity.set(w.entityId, (byEntity.get(w.entityId) ?? 0) + 1);
      w.start();
    }
  }

  function release(entityId: string) {
    active--;
    const left = (byEntity.get(entityId) ?? 1) - 1;
    if (left > 0) byEntity.set(entityId, left);
    else byEntity.delete(entityId);
    pump();
  }

  /** Waits for a slot; the answer frees it (once, however often it is called). */
  async function acquire(entityId: string): Promise<() => void> {
    await new Promise<void>((start) => {
      waiting.push({ entityId, start });
      pump();
    });
    let freed = false;
    return () => {
      if (freed) return;
      freed = true;
      release(entityId);
    };
  }

  return { acquire, stats: () => ({ active, waiting: waiting.length }) };
}

export type UploadGate = ReturnType<typeof createUploadGate>;
