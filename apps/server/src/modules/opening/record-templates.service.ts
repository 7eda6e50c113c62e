import { randomUUID } from 'node:crypto';
import { STANDARD_RECORD_TEMPLATE, type RecordTemplateContent, type RecordTemplateRequest, type RecordTemplateUsed, type RecordTemplateView } from '@bidhall/contracts';
import type { Selectable } from 'kysely';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { RegionScope } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type OpeningDeps, tables } from './opening.deps.ts';
import type { RecordTemplateTable } from './opening.tables.ts';

type Row = Selectable<RecordTemplateTable>;

export interface TemplateCaller {
  actor: Actor;
  userId: string;
  reach: RegionScope;
}

const notFound = (id: string) => new DomainError('RECORD_TEMPLATE_NOT_FOUND', `no opening record template ${id}`);

/**
 * Opening record templates (A-115, decision 0022): a region's staff keep how their records read; a
 * record is drawn up from the default template nearest its section's region, else the platform's, else
 * the standard one, and keeps a copy of it.
 */
export function createRecordTemplates(deps: Pick<OpeningDeps, 'db' | 'clock' | 'audit' | 'regions'>) {
  const { db } = deps;

  async function view(trx: Db, row: Row): Promise<RecordTemplateView> {
    const used = await tables(trx)
      .selectFrom('opening.hall')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('record_template_id', '=', row.id)
      .executeTakeFirstOrThrow();
    return {
      id: row.id,
      name: row.name,
      regionCode: row.region_code,
      content: row.content as RecordTemplateContent,
      isDefault: row.is_default,
      version: row.version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      records: Number(used.n),
    };
  }

  /** A template is kept for a region the caller answers for, or for the whole platform by the top region. */
  function assertReach(regionCode: string | null, reach: RegionScope) {
    if (regionCode === null ? reach.unregioned : reach.codes.includes(regionCode)) return;
    throw new DomainError('OUT_OF_SCOPE', regionCode === null ? 'the whole platform’s template is kept by the top region' : `region ${regionCode} is not yours to administer`);
  }

  async function row(trx: Db, id: string, lock = false): Promise<Row> {
    let q = tables(trx).selectFrom('opening.record_template').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    if (!r) throw notFound(id);
    return r;
  }

  async function assertNameFree(trx: Db, body: RecordTemplateRequest, except: string | null) {
    let q = tables(trx).selectFrom('opening.record_template').select('id').where('name', '=', body.name);
    q = body.regionCode === null ? q.where('region_code', 'is', null) : q.where('region_code', '=', body.regionCode);
    if (except) q = q.where('id', '<>', except);
    if (await q.executeTakeFirst()) throw new DomainError('RECORD_TEMPLATE_NAME_TAKEN', `the region already has a template named ${body.name}`, { name: body.name });
  }

  /** Only one default per region: setting one clears the others'. */
  async function takeDefault(trx: Db, regionCode: string | null, except: string) {
    let q = tables(trx).updateTable('opening.record_template').set({ is_default: false }).where('is_default', '=', true).where('id', '<>', except);
    q = regionCode === null ? q.where('region_code', 'is', null) : q.where('region_code', '=', regionCode);
    await q.execute();
  }

  const audit = (trx: Db, caller: TemplateCaller, action: string, r: { id: string; region_code: string | null }, details: Record<string, unknown>) =>
    deps.audit.record(trx, caller.actor, { action: `opening.recordTemplate.${action}`, targetType: 'recordTemplate', targetId: r.id, regionCode: r.region_code, details });

  return {
    async list(reach: RegionScope): Promise<RecordTemplateView[]> {
      const rows = await tables(db).selectFrom('opening.record_template').selectAll().orderBy('region_code').orderBy('name').execute();
      // The platform's templates apply everywhere: every region's officers see them.
      const mine = rows.filter((r) => r.region_code === null || reach.codes.includes(r.region_code));
      return Promise.all(mine.map((r) => view(db, r)));
    },

    async get(id: string): Promise<RecordTemplateView> {
      return view(db, await row(db, id));
    },

    async create(body: RecordTemplateRequest, caller: TemplateCaller): Promise<RecordTemplateView> {
      assertReach(body.regionCode, caller.reach);
      return db.transaction().execute(async (trx) => {
        await assertNameFree(trx, body, null);
        const now = deps.clock.now();
        const id = randomUUID();
        if (body.isDefault) await takeDefault(trx, body.regionCode, id);
        const inserted = await tables(trx)
          .insertInto('opening.record_template')
          .values({ id, region_code: body.regionCode, name: body.name, content: JSON.stringify(body.content), is_default: body.isDefault, created_at: now, created_by: caller.userId, updated_at: now, updated_by: caller.userId })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(trx, caller, 'created', inserted, { name: body.name, isDefault: body.isDefault, content: body.content });
        return view(trx, inserted);
      });
    },

    async update(id: string, body: RecordTemplateRequest, caller: TemplateCaller): Promise<RecordTemplateView> {
      assertReach(body.regionCode, caller.reach);
      return db.transaction().execute(async (trx) => {
        const before = await row(trx, id, true);
        assertReach(before.region_code, caller.reach);
        await assertNameFree(trx, body, id);
        if (body.isDefault) await takeDefault(trx, body.regionCode, id);
        const updated = await tables(trx)
          .updateTable('opening.record_template')
          .set({ region_code: body.regionCode, name: body.name, content: JSON.stringify(body.content), is_default: body.isDefault, version: before.version + 1, updated_at: deps.clock.now(), updated_by: caller.userId })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(trx, caller, 'updated', updated, { name: body.name, version: updated.version, isDefault: body.isDefault, content: body.content });
        return view(trx, updated);
      });
    },

    /** Records keep their copies: a template in use can still be deleted. */
    async remove(id: string, caller: TemplateCaller): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const before = await row(trx, id, true);
        assertReach(before.region_code, caller.reach);
        await tables(trx).deleteFrom('opening.record_template').where('id', '=', id).execute();
        await audit(trx, caller, 'deleted', before, { name: before.name, version: before.version });
      });
    },

    /** The template a section's record is drawn up from: the default nearest its region, the platform's, or the standard one. */
    async forRegion(trx: Db, regionCode: string): Promise<RecordTemplateUsed> {
      const defaults = await tables(trx).selectFrom('opening.record_template').selectAll().where('is_default', '=', true).execute();
      for (const code of [...deps.regions.chainOf(regionCode), null]) {
        const hit = defaults.find((d) => d.region_code === code);
        if (hit) return { id: hit.id, name: hit.name, version: hit.version, content: hit.content as RecordTemplateContent };
      }
      return STANDARD_RECORD_TEMPLATE;
    },

    /** For the access rules: the region a template belongs to (null: the whole platform). */
    async regionOf(id: string): Promise<{ regionCode: string | null } | null> {
      const r = await tables(db).selectFrom('opening.record_template').select('region_code').where('id', '=', id).executeTakeFirst();
      return r ? { regionCode: r.region_code } : null;
    },
  };
}

export type RecordTemplates = ReturnType<typeof createRecordTemplates>;
