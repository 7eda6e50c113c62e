import type { DocumentKind, SectionDetail } from '@bidhall/contracts';

const DAY = 86_400_000;

/**
 * The questions deadline as the server computes it (B-011): the timetable's, else ten days before the
 * bid (or application) deadline. Shown and counted down here; the server decides.
 */
export function questionsDeadline(kind: DocumentKind, s: Pick<SectionDetail, 'timetable'>): string | null {
  const set = kind === 'tender' ? s.timetable.questionsDeadline : s.timetable.prequalificationQuestionsDeadline;
  if (set) return set;
  const deadline = kind === 'tender' ? s.timetable.bidDeadline : s.timetable.applicationDeadline;
  return deadline ? new Date(Date.parse(deadline) - 10 * DAY).toISOString() : null;
}
