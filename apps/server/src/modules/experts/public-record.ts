import { type ExpertPublicEntry, maskName } from '@bidhall/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

interface Row {
  kind: ExpertPublicEntry['kind'];
  at: Date | string;
  id: string;
  name: string;
  region_code: string;
  level: string;
  specialties: string[];
  note: string | null;
}

/**
 * The public record (公示, issue 12 §1, task 27): admissions, removals and every behaviour record —
 * violations, penalties, rewards, training and assessments — newest first, with the name masked and
 * nothing else personal. The cursor is the last entry's time and id.
 */
export async function publicRecord(db: Db, query: { limit: number; cursor?: string }) {
  const [atText, idText] = (query.cursor ?? '').split('|');
  const after = atText && idText && !Number.isNaN(Date.parse(atText)) && /^[0-9a-f-]{36}$/.test(idText) ? { at: new Date(atText), id: idText } : null;
  const entries = sql<Row>`
    SELECT CASE WHEN ev.action = 'admit' THEN 'admitted' ELSE 'removed' END AS kind, ev.at, ev.id,
           e.name, e.region_code, e.level, e.specialties, ev.reason AS note
      FROM experts.expert_event ev JOIN experts.expert e ON e.id = ev.expert_id
     WHERE ev.action IN ('admit', 'remove')
    UNION ALL
    SELECT r.kind, r.recorded_at, r.id, e.name, e.region_code, e.level, e.specialties, r.description
      FROM experts.expert_record r JOIN experts.expert e ON e.id = r.expert_id`;
  const { rows } = await sql<Row>`
    SELECT * FROM (${entries}) x
     WHERE ${after ? sql`(x.at, x.id) < (${after.at}, ${after.id}::uuid)` : sql`true`}
     ORDER BY x.at DESC, x.id DESC
     LIMIT ${query.limit + 1}`.execute(db);
  const shown = rows.slice(0, query.limit);
  const last = shown[shown.length - 1];
  return {
    items: shown.map(
      (r): ExpertPublicEntry => ({
        kind: r.kind,
        at: new Date(r.at).toISOString(),
        maskedName: maskName(r.name),
        regionCode: r.region_code,
        level: r.level as ExpertPublicEntry['level'],
        specialties: r.specialties,
        note: r.note,
      }),
    ),
    nextCursor: rows.length > query.limit && last ? `${new Date(last.at).toISOString()}|${last.id}` : null,
  };
}
