import dayjs, { type Dayjs } from 'dayjs';
import { formatBeijing } from '../../format.ts';

// The platform's times are Beijing time (UTC+8, no daylight saving) whatever the browser's zone. A
// picker shows wall-clock time, so its values carry the Beijing wall clock, and go back to the server
// as ISO instants with an explicit +08:00 offset.

/** An ISO instant as a picker value showing its Beijing wall-clock time. */
export function toPicker(iso: string | null | undefined): Dayjs | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : dayjs(formatBeijing(ms));
}

/** A picker value (Beijing wall clock) as an ISO instant with the +08:00 offset. */
export function fromPicker(value: Dayjs | null | undefined): string | null {
  return value ? `${value.format('YYYY-MM-DDTHH:mm:ss')}+08:00` : null;
}

/** Beijing business date (YYYY-MM-DD) at a given wall-clock time of an existing value, else midnight. */
export function onDate(date: string, keepTimeOf: Dayjs | null | undefined): Dayjs {
  const time = keepTimeOf ? keepTimeOf.format('HH:mm:ss') : '00:00:00';
  return dayjs(`${date} ${time}`);
}
