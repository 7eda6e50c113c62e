import { businessDate } from '@bidhall/contracts';
import { CalendarDataMissingError, parseBusinessDate, InvalidBusinessDateError } from '@bidhall/rules';
import { z } from 'zod';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { actorOf, requirePrincipal } from '../../platform/http/access.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { CalendarService } from './calendar.service.ts';


function calendarError(err: unknown): never {
  if (err instanceof CalendarDataMissingError) {
    throw new DomainError('CALENDAR_YEAR_MISSING', `no holiday data for ${err.year}; staff must enter that year's notice first`, { year: err.year });
  }
  if (err instanceof InvalidBusinessDateError) throw new DomainError('VALIDATION_FAILED', err.message);
  throw err;
}

/** The working-day calendar: which years have data, staff entry of a new year, and date arithmetic. */
export function registerCalendarRoutes(app: AppInstance, calendar: CalendarService) {
  app.get(
    '/api/v1/calendar/years',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['calendar'],
        summary: 'Years with holiday data and where the data came from',
        response: { 200: z.array(z.object({ year: z.number().int(), source: z.enum(['package', 'staff']) })) },
      },
    },
    async () => calendar.years(),
  );

  app.get(
    '/api/v1/calendar/years/:year',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['calendar'],
        summary: "One year's public holidays and make-up working days in force, and the notice staff entered them from",
        params: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: {
          200: z.object({
            year: z.number().int(),
            source: z.enum(['package', 'staff']),
            holidays: z.array(z.string()),
            workdays: z.array(z.string()),
            notice: z.string().nullable(),
            enteredAt: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => {
      try {
        return await calendar.year(request.params.year);
      } catch (err) {
        calendarError(err);
      }
    },
  );

  app.put(
    '/api/v1/calendar/years/:year',
    {
      config: { access: { roles: ['staff', 'admin'], scope: { platform: 'one working-day calendar for the whole platform' } } },
      schema: {
        tags: ['calendar'],
        summary: "Enter a year's public holidays and make-up working days from the State Council notice",
        params: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
        body: z.strictObject({
          holidays: z.array(businessDate).min(1).max(60),
          workdays: z.array(businessDate).max(20),
          source: z.string().trim().min(4).max(200),
        }),
        response: { 200: z.array(z.object({ year: z.number().int(), source: z.enum(['package', 'staff']) })) },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      await calendar.storeYear({ year: request.params.year, ...request.body }, { ...actorOf(request), id: p.userId });
      return calendar.years();
    },
  );

  app.get(
    '/api/v1/calendar/working-days',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['calendar'],
        summary: 'Working-day arithmetic: the date n working days after a date, and the end of an n-day period',
        querystring: z.strictObject({ from: businessDate, days: z.coerce.number().int().min(0).max(366) }),
        response: {
          200: z.object({ from: z.string(), days: z.number(), afterWorkingDays: z.string(), periodEnd: z.string(), isWorkingDay: z.boolean() }),
        },
      },
    },
    async (request) => {
      try {
        const from = parseBusinessDate(request.query.from);
        const c = calendar.current();
        return {
          from,
          days: request.query.days,
          afterWorkingDays: c.addWorkingDays(from, request.query.days),
          periodEnd: c.periodEnd(from, request.query.days),
          isWorkingDay: c.isWorkingDay(from),
        };
      } catch (err) {
        calendarError(err);
      }
    },
  );
}
