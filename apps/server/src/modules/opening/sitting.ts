import type { SectionSnapshotView, Sitting } from '@bidhall/contracts';

/** Where a sitting's hall routes live: bids at /hall, prequalification applications at /application-hall. */
export const HALL_PATH: Record<Sitting, string> = { bid: 'hall', application: 'application-hall' };

/**
 * The instant a sitting's hall opens (decision 0023): the application deadline of a section tendered
 * with prequalification, or the bid deadline; null when the section has none (yet).
 */
export function sittingDeadline(section: Pick<SectionSnapshotView, 'method' | 'timetable'>, sitting: Sitting): Date | null {
  if (sitting === 'application' && section.method !== 'prequalification') return null;
  const at = sitting === 'application' ? section.timetable.applicationDeadline : section.timetable.bidDeadline;
  return at ? new Date(at) : null;
}

/** How the hall says its sitting in the audit trail and error messages. */
export const sittingNoun = (sitting: Sitting) => (sitting === 'application' ? 'application' : 'bid');
