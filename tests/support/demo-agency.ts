import { type Kysely, sql } from 'kysely';

/** The demo's agency (agency.demo). */
export const DEMO_AGENCY = { username: 'agency.demo', name: '内蒙古示范招标代理有限公司' } as const;

/**
 * The demo's agency runs none of the demo's sections that reach an award (the demo tenderer organises them
 * itself, and no route changes a registered tendering project's organiser). The appraisal's tests hand the
 * section's tendering project to agency.demo the way an entry form naming it would have registered it:
 * organised by the agency, with its mandate. Returns the agency's entity id.
 */
export async function entrustDemoAgency(db: Kysely<unknown>, sectionId: string): Promise<string> {
  const agency = (
    await sql<{ id: string; name: string }>`SELECT id, name FROM identity.market_entity WHERE name = ${DEMO_AGENCY.name}`.execute(
      db,
    )
  ).rows[0]!;
  const tp = (
    await sql<{ id: string; tenderer_entity_id: string }>`
    SELECT tp.id, tp.tenderer_entity_id FROM projects.section s JOIN projects.tendering_project tp ON tp.id = s.tendering_project_id WHERE s.id = ${sectionId}`.execute(
      db,
    )
  ).rows[0]!;
  const setBy = (
    await sql<{
      id: string;
    }>`SELECT id FROM identity.user_account WHERE entity_id = ${tp.tenderer_entity_id} ORDER BY created_at LIMIT 1`.execute(db)
  ).rows[0]!.id;
  await sql`UPDATE projects.tendering_project SET organisation = 'agency', agency_entity_id = ${agency.id}, agency_name = ${agency.name} WHERE id = ${tp.id}`.execute(
    db,
  );
  await sql`INSERT INTO projects.mandate (tendering_project_id, agency_entity_id, duties, other, set_by, set_at)
    VALUES (${tp.id}, ${agency.id}, ARRAY['prepareDocuments', 'publishNotices', 'answerQuestions', 'organiseOpening'], '', ${setBy}, now())
    ON CONFLICT (tendering_project_id) DO NOTHING`.execute(db);
  return agency.id;
}
