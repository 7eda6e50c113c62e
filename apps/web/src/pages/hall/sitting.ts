import { HALL_SEGMENT, type Sitting } from '../../api/opening.ts';

/** The web app's page of a sitting's hall: /sections/:id/hall, or /sections/:id/application-hall. */
export const hallPagePath = (sectionId: string, sitting: Sitting) => `/sections/${sectionId}/${HALL_SEGMENT[sitting]}`;

/** The halls a section holds, in the order they sit: its prequalification applications first (decision 0023), then its bids. */
export const sittingsOf = (method: string): Sitting[] => (method === 'prequalification' ? ['application', 'bid'] : ['bid']);

/**
 * Where a hall's words are: an applications' opening says 申请人, 未启封, 资格预审申请文件开启… where the
 * bid opening says 投标人, 未解密, 开标… (`applicationHall.*` holds those of its keys that differ from `hall.*`).
 */
export const hallWords = (sitting: Sitting) => (sitting === 'application' ? 'applicationHall' : 'hall') as 'hall' | 'applicationHall';

/** A file as an application's manifest names it (`part/name`): the name, and its size in KB or MB. */
export function fileLabel(file: { name: string; size: number }): { name: string; size: string } {
  const MIB = 1024 * 1024;
  const name = file.name.slice(file.name.lastIndexOf('/') + 1) || file.name;
  const size = file.size >= MIB ? `${(file.size / MIB).toFixed(1)} MB` : `${Math.max(1, Math.round(file.size / 1024))} KB`;
  return { name, size };
}
