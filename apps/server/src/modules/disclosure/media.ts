import type { OutboxDestination, Publication } from '@bidhall/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { tables } from './disclosure.deps.ts';

/** Notices that go to the national designated media when a section is of a mandatory project. */
const NOTICE_TYPES: ReadonlySet<string> = new Set(['tenderNotice', 'prequalificationNotice']);
/** Publications that change or end a notice: their readers are wherever the notice was read. */
const FOLLOW_UP_TYPES: ReadonlySet<string> = new Set(['clarification', 'siteVisit', 'termination', 'retender']);

/**
 * The media a publication goes to besides the portal (decision 0010). Always the public service
 * platform. The national designated media (NDRC Order 10) also gets a tender or prequalification
 * notice of a mandatory project (B-001, B-037), and any clarification, site visit, termination or
 * re-tender of sections whose notice went there, so a reader of the media sees what became of it.
 * Invitation results are not notices under Order 10 and stay off the designated media.
 */
export async function mediaFor(trx: Db, p: Publication): Promise<OutboxDestination[]> {
  if (NOTICE_TYPES.has(p.type)) return p.mandatory ? ['publicService', 'designatedMedia'] : ['publicService'];
  if (!FOLLOW_UP_TYPES.has(p.type) || p.sectionIds.length === 0) return ['publicService'];
  const earlier = await tables(trx)
    .selectFrom('disclosure.publication')
    .select('id')
    .where('status', '!=', 'withdrawn')
    .where(sql<boolean>`section_ids ?| ${sql.val(p.sectionIds)}::text[]`)
    .where(sql<boolean>`media ? 'designatedMedia'`)
    .limit(1)
    .executeTakeFirst();
  return earlier ? ['publicService', 'designatedMedia'] : ['publicService'];
}
