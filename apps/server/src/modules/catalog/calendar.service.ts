import { defaultHolidayCalendar, type HolidayCalendar, InvalidCalendarDataError, type Clock } from '@bidhall/rules';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Actor, AuditTrail } from '../../platform/audit/audit-trail.ts';

export interface HolidayYearInput {
  year: number;
  holidays: string[];
  workdays: string[];
  source: string;
}

const dateText = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

/**
 * The working-day calendar in force: the packaged holiday data with the years staff entered laid
 * over it. Held in memory and rebuilt whenever staff store a year.
 */
export async function createCalendarService(deps: { db: Db; clock: Clock; audit: AuditTrail }) {
  let calendar: HolidayCalendar = defaultHolidayCalendar;
  let staffYears = new Set<number>();

  async function reload() {
    const rows = await deps.db
      .selectFrom('catalog.holiday_year')
      .select(['year', sql<string[]>`holidays::text[]`.as('holidays'), sql<string[]>`workdays::text[]`.as('workdays')])
      .orderBy('year')
      .execute();
    let next = defaultHolidayCalendar;
    for (const r of rows) next = next.withYear({ year: r.year, holidays: r.holidays.map(dateText), workdays: r.workdays.map(dateText) });
    calendar = next;
    staffYears = new Set(rows.map((r) => r.year as number));
  }
  await reload();

  async function storeYear(input: HolidayYearInput, actor: Actor & { id: string }) {
    try {
      defaultHolidayCalendar.withYear(input);
    } catch (err) {
      if (err instanceof InvalidCalendarDataError) {
        throw new DomainError('CALENDAR_DATA_INVALID', err.message, { problems: err.problems });
      }
      throw err;
    }
    await deps.db.transaction().execute(async (trx) => {
      const values = {
        holidays: sql`${input.holidays}::date[]`,
        workdays: sql`${input.workdays}::date[]`,
        source: input.source,
        entered_by: actor.id,
        entered_at: deps.clock.now(),
      };
      await trx
        .insertInto('catalog.holiday_year')
        .values({ year: input.year, ...values })
        .onConflict((oc) => oc.column('year').doUpdateSet(values))
        .execute();
      await deps.audit.record(trx, actor, {
        action: 'catalog.holidayYear.stored',
        targetType: 'holidayYear',
        targetId: String(input.year),
        details: { ...input },
      });
    });
    await reload();
  }

  function years() {
    return calendar.coveredYears().map((year) => ({ year, source: staffYears.has(year) ? ('staff' as const) : ('package' as const) }));
  }

  /** One year's rest days and make-up working days in force, and for a year staff entered, the notice they named. */
  async function year(y: number) {
    const data = calendar.yearData(y);
    const row = staffYears.has(y)
      ? await deps.db.selectFrom('catalog.holiday_year').select(['source', 'entered_at']).where('year', '=', y).executeTakeFirst()
      : undefined;
    return {
      year: y,
      source: row ? ('staff' as const) : ('package' as const),
      holidays: [...data.holidays],
      workdays: [...data.workdays],
      notice: row?.source ?? null,
      enteredAt: row ? new Date(row.entered_at as Date | string).toISOString() : null,
    };
  }

  return { current: () => calendar, storeYear, years, year, reload };
}

export type CalendarService = Awaited<ReturnType<typeof createCalendarService>>;
