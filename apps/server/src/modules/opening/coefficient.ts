import type { Sitting } from '@bidhall/contracts';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { HallBus } from './hall-bus.ts';
import { hallStore, type HallRow } from './hall-store.ts';
import { hallTx } from './hall-tx.ts';
import type { CoefficientSpec, OpeningDeps } from './opening.deps.ts';

export const COEFFICIENT_DRAW_PURPOSE = 'opening.coefficient';
const SCALE = 10_000;

/** Every value K may take, as the method writes them (at most four decimals): min, min + step, …, max. */
export function coefficientPool(spec: CoefficientSpec): string[] {
  const decimals = Math.min(4, (String(spec.step).split('.')[1] ?? '').length);
  const [min, max, step] = [spec.min, spec.max, spec.step].map((v) => Math.round(v * SCALE)) as [number, number, number];
  const pool: string[] = [];
  for (let v = min; v <= max && pool.length <= 10_000; v += step) pool.push((v / SCALE).toFixed(decimals));
  return pool;
}

/**
 * The price coefficient drawn in the hall (A-113; the method's K): committed with the readout, then
 * performed from a signed head that contains the commitment and revealed, then recorded in the hall.
 * Each step is idempotent: a restart or a second caller picks up where the first stopped.
 */
export function createCoefficientDraw(deps: Pick<OpeningDeps, 'db' | 'draws' | 'sections' | 'clock' | 'audit'>, bus: HallBus, sitting: Sitting) {
  const { record, event } = hallTx(deps, sitting);
  const store = (db: Db) => hallStore(db, sitting);
  const drawActor = (hall: HallRow): Actor & { id: string } => ({ kind: 'system', id: hall.unseal_started_by!, label: 'opening hall' });

  /** Inside the readout's transaction: commits the draw, or records K at once when the range is one value. */
  async function commit(trx: Db, hall: HallRow, now: Date): Promise<void> {
    const spec = hall.coefficient_spec as CoefficientSpec | null;
    if (!spec || hall.coefficient || hall.coefficient_draw_id || !hall.unseal_started_by) return;
    const pool = coefficientPool(spec);
    if (pool.length === 1) {
      await store(trx).updateHall(hall.section_id, hall.round, { coefficient: pool[0]! });
      await record(trx, drawActor(hall), hall, 'coefficientFixed', { coefficient: pool[0] });
      await event(trx, hall, 'coefficientDrawn', now, { coefficient: pool[0] });
      return;
    }
    const { id } = await deps.draws.commitDraw(trx, { purpose: COEFFICIENT_DRAW_PURPOSE, subjectType: 'section', subjectId: hall.section_id, pool, count: 1 }, drawActor(hall));
    await store(trx).updateHall(hall.section_id, hall.round, { coefficient_draw_id: id });
  }

  /** After the readout committed: performs and reveals the draw and records K. */
  async function complete(sectionId: string, round: number): Promise<boolean> {
    const hall = await store(deps.db).hall(sectionId, round);
    if (!hall?.coefficient_draw_id || hall.coefficient) return false;
    const actor = drawActor(hall);
    const selected = (await deps.draws.selection(deps.db, hall.coefficient_draw_id)) ?? (await deps.draws.perform(hall.coefficient_draw_id, actor)).selected;
    await deps.draws.reveal(hall.coefficient_draw_id, actor);
    const done = await deps.db.transaction().execute(async (trx) => {
      const locked = (await store(trx).hall(sectionId, round, true))!;
      if (locked.coefficient) return false;
      const now = deps.clock.now();
      await store(trx).updateHall(sectionId, round, { coefficient: selected[0]! });
      await record(trx, actor, locked, 'coefficientDrawn', { coefficient: selected[0], drawId: locked.coefficient_draw_id });
      await event(trx, locked, 'coefficientDrawn', now, { coefficient: selected[0], drawId: locked.coefficient_draw_id });
      return true;
    });
    if (done) bus.changed(sectionId);
    return done;
  }

  return { commit, complete };
}

export type CoefficientDraw = ReturnType<typeof createCoefficientDraw>;
