import { randomUUID } from 'node:crypto';
import { type Publication, publicationInput } from '@bidhall/contracts';
import { canonicalJson, sm3, toHex } from '@bidhall/crypto';
import { sql } from 'kysely';
import { type Actor, systemActor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type DisclosureDeps, tables } from './disclosure.deps.ts';
import { mediaFor } from './media.ts';
import { checkNoticeHtml, noticeText } from './notice-html.ts';
import { tsvectorLiteral } from './search-text.ts';

export interface PublishResult {
  publicationId: string;
  contentSm3: string;
  logIndex: number;
}

/** The outbox kinds disclosure sends to the public service platform and the designated media. */
export const PUBLICATION_KIND = 'publication';
export const WITHDRAWAL_KIND = 'publicationWithdrawal';

const EXCERPT_CHARS = 160;
/** Publications a termination or re-tender closes; the exception notices themselves stay. */
const CLOSABLE_TYPES = ['tenderNotice', 'prequalificationNotice', 'invitationResult', 'clarification', 'siteVisit'];

/** Hands out change-feed numbers under the feed_state row lock: in commit order, no gaps skipped. */
async function nextFeedSeqs(trx: Db, count: number): Promise<number[]> {
  if (count === 0) return [];
  const row = await tables(trx)
    .updateTable('disclosure.feed_state')
    .set({ last_seq: sql`last_seq + ${count}` })
    .where('id', '=', 1)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  const last = Number(row.last_seq);
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}

/**
 * Writes publications. One canonical JSON (RFC 8785) per publication is stored here, committed to by
 * a public log entry with its SM3, and enqueued to the public service platform (and, for notices of
 * mandatory projects, the national designated media: `mediaFor`) in the same transaction: every
 * medium carries identical content the moment the publishing transaction commits (A-54, B-001, B-003,
 * B-014, B-036, B-037).
 */
export function createPublicationService(deps: DisclosureDeps) {
  async function publish(trx: Db, input: Publication, actor: Actor = systemActor): Promise<PublishResult> {
    const parsed = publicationInput.safeParse(input);
    if (!parsed.success) {
      throw new DomainError('PUBLICATION_INVALID', 'the publication is incomplete or malformed', {
        errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    const p = parsed.data;
    const checked = checkNoticeHtml(p.bodyHtml);
    if (!checked.ok) {
      throw new DomainError('NOTICE_HTML_UNSAFE', `the notice is refused: it contains ${checked.problems.map((x) => x.what).join('; ')}`, {
        problems: checked.problems,
      });
    }
    const id = randomUUID();
    const publishedAt = new Date(p.publishedAt);
    const content = {
      publicationId: id,
      type: p.type,
      sourceId: p.sourceId,
      sectionIds: p.sectionIds,
      round: p.round,
      regionCode: p.regionCode,
      category: p.category,
      title: p.title,
      bodyHtml: checked.html,
      prominent: p.prominent,
      publishedAt: publishedAt.toISOString(),
      links: p.links,
    };
    const text = new TextDecoder().decode(canonicalJson(content));
    const contentSm3 = toHex(sm3(new TextEncoder().encode(text)));
    // The public log commits to the content's hash, so anyone can prove what was published and when.
    const [logIndex] = await deps.log.append(trx, [
      {
        type: 'publication',
        publicationId: id,
        publicationType: p.type,
        sourceId: p.sourceId,
        regionCode: p.regionCode,
        publishedAt: content.publishedAt,
        contentSm3,
      },
    ]);
    const bodyText = noticeText(checked.html);
    const media = await mediaFor(trx, p);
    await tables(trx)
      .insertInto('disclosure.publication')
      .values({
        id,
        type: p.type,
        source_id: p.sourceId,
        section_ids: JSON.stringify(p.sectionIds),
        region_code: p.regionCode,
        category: p.category,
        title: p.title,
        body_html: checked.html,
        excerpt: bodyText.length > EXCERPT_CHARS ? `${bodyText.slice(0, EXCERPT_CHARS)}…` : bodyText,
        prominent: p.prominent,
        published_at: publishedAt,
        round: p.round,
        links: JSON.stringify(p.links),
        media: JSON.stringify(media),
        content: text,
        content_sm3: contentSm3,
        log_index: logIndex!,
        status: 'published',
        status_changed_at: null,
        status_reason: null,
        search: sql`${tsvectorLiteral(p.title, bodyText)}::tsvector`,
      })
      .execute();

    const closed = p.type === 'termination' || p.type === 'retender' ? await closeEarlier(trx, id, p) : [];
    const now = deps.clock.now();
    const seqs = await nextFeedSeqs(trx, 1 + closed.length);
    await tables(trx)
      .insertInto('disclosure.feed_event')
      .values([
        { seq: seqs[0]!, publication_id: id, event: 'published', occurred_at: now, reason: null },
        ...closed.map((c, i) => ({ seq: seqs[i + 1]!, publication_id: c, event: 'terminated' as const, occurred_at: now, reason: `${p.type} ${id}` })),
      ])
      .execute();
    await deps.audit.record(trx, actor, {
      action: 'disclosure.publication.published',
      targetType: 'publication',
      targetId: id,
      regionCode: p.regionCode,
      details: { type: p.type, sourceId: p.sourceId, sectionIds: p.sectionIds, round: p.round, contentSm3, logIndex, closed, media },
    });
    for (const destination of media) {
      await deps.outbox.enqueue(trx, { destination, kind: PUBLICATION_KIND, subjectType: 'publication', subjectId: id, regionCode: p.regionCode, content: text });
    }
    return { publicationId: id, contentSm3, logIndex: logIndex! };
  }

  /** A termination closes every live publication of its sections; a re-tender those of earlier rounds. */
  async function closeEarlier(trx: Db, id: string, p: Publication): Promise<string[]> {
    if (p.sectionIds.length === 0) return [];
    let q = tables(trx)
      .updateTable('disclosure.publication')
      .set({ status: 'terminated', status_changed_at: deps.clock.now(), status_reason: `${p.type} ${id}` })
      .where('status', '=', 'published')
      .where('id', '!=', id)
      .where('type', 'in', CLOSABLE_TYPES)
      .where(sql<boolean>`section_ids ?| ${sql.val(p.sectionIds)}::text[]`);
    if (p.type === 'retender') q = q.where('round', '<', p.round);
    const rows = await q.returning('id').execute();
    return rows.map((r) => r.id);
  }

  /** Takes a publication off the portal lists (it stays readable, marked), and tells every medium. */
  async function withdraw(trx: Db, publicationId: string, reason: string, actor: Actor = systemActor): Promise<void> {
    const row = await tables(trx).selectFrom('disclosure.publication').select(['status', 'region_code', 'content_sm3', 'media']).where('id', '=', publicationId).forUpdate().executeTakeFirst();
    if (!row) throw new DomainError('PUBLICATION_NOT_FOUND', 'no such publication');
    if (row.status !== 'published') throw new DomainError('PUBLICATION_STATE_CONFLICT', `the publication is ${row.status}`, { status: row.status });
    const now = deps.clock.now();
    await tables(trx).updateTable('disclosure.publication').set({ status: 'withdrawn', status_changed_at: now, status_reason: reason }).where('id', '=', publicationId).execute();
    const [seq] = await nextFeedSeqs(trx, 1);
    await tables(trx).insertInto('disclosure.feed_event').values({ seq: seq!, publication_id: publicationId, event: 'withdrawn', occurred_at: now, reason }).execute();
    await deps.audit.record(trx, actor, {
      action: 'disclosure.publication.withdrawn',
      targetType: 'publication',
      targetId: publicationId,
      regionCode: row.region_code,
      details: { reason },
    });
    // Every medium that carried the publication hears of its withdrawal, with one identical content.
    const content = new TextDecoder().decode(canonicalJson({ publicationId, contentSm3: row.content_sm3, withdrawnAt: now.toISOString(), reason }));
    for (const destination of row.media) {
      await deps.outbox.enqueue(trx, { destination, kind: WITHDRAWAL_KIND, subjectType: 'publication', subjectId: publicationId, regionCode: row.region_code, content });
    }
  }

  return { publish, withdraw };
}

export type PublicationService = ReturnType<typeof createPublicationService>;
