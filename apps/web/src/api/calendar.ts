// The working-day calendar (B-004): which years have holiday data, one year's days, staff entry of a
// year from the State Council notice, and the date arithmetic every statutory period uses.
import { api } from './client.ts';
import type { UserKind } from './types.ts';

export type CalendarSource = 'package' | 'staff';

export interface CalendarYear {
  year: number;
  source: CalendarSource;
}

export interface CalendarYearDetail extends CalendarYear {
  holidays: string[];
  workdays: string[];
  /** The notice staff named when they entered the year; null for the packaged data. */
  notice: string | null;
  enteredAt: string | null;
}

export interface WorkingDaysAnswer {
  from: string;
  days: number;
  afterWorkingDays: string;
  periodEnd: string;
  isWorkingDay: boolean;
}

/** Who enters a year (the server's PUT /api/v1/calendar/years/:year roles). */
export const CALENDAR_EDITORS: readonly UserKind[] = ['staff', 'admin'];
/** Who opens the calendar page (anyone may read the data through the API). */
export const CALENDAR_READERS: readonly UserKind[] = ['staff', 'supervisor', 'auditor', 'admin'];

export const calendarApi = {
  years: () => api.get<CalendarYear[]>('/calendar/years'),
  year: (year: number) => api.get<CalendarYearDetail>(`/calendar/years/${year}`),
  store: (year: number, body: { holidays: string[]; workdays: string[]; source: string }) =>
    api.put<CalendarYear[]>(`/calendar/years/${year}`, body),
  workingDays: (from: string, days: number) => api.get<WorkingDaysAnswer>('/calendar/working-days', { from, days }),
};
