import type { FeedPage, NoticeList, NoticeListItem, NoticeListQuery, NoticePage, PublicationType } from '@bidhall/contracts';
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { tables } from './disclosure.deps.ts';
import type { PublicationTable } from './disclosure.tables.ts';
import { tsqueryLiteral } from './search-text.ts';

type Row = Selectable<PublicationTable>;

/** The portal's notice page path (apps/web). */
export const noticeUrl = (id: string) => `/notices/${id}`;

export function listItem(r: Row): NoticeListItem {
  return {
    id: r.id,
    type: r.type as PublicationType,
    title: r.title,
    regionCode: r.region_code,
    category: r.category,
    sectionIds: r.section_ids,
    round: r.round,
    prominent: r.prominent,
    status: r.status,
    publishedAt: r.published_at.toISOString(),
    excerpt: r.excerpt,
    contentSm3: r.content_sm3,
    logIndex: Number(r.log_index),
    url: noticeUrl(r.id),
  };
}

/** A list cursor: the last item's sort key (rank when searching, publication time, sequence). */
interface ListCursor {
  rank: number | null;
  at: string;
  seq: string;
}

function encodeCursor(c: ListCursor): string {
  return Buffer.from(JSON.stringify([c.rank, c.at, c.seq])).toString('base64url');
}

function decodeCursor(raw: string, searching: boolean): ListCursor {
  try {
    const [rank, at, seq] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [unknown, unknown, unknown];
    const ok =
      (searching ? Number.isSafeInteger(rank) : rank === null) &&
      typeof at === 'string' &&
      !Number.isNaN(Date.parse(at)) &&
      typeof seq === 'string' &&
      /^\d{1,18}$/.test(seq);
    if (ok) return { rank: rank as number | null, at, seq };
  } catch {
    // falls through to the refusal
  }
  throw new DomainError('CURSOR_INVALID', 'the cursor is not one this list returned for this query');
}

/** GB/T 2260: a city (…00) covers its districts, a province (…0000) its cities. */
function regionPattern(code: string): string {
  if (code.endsWith('0000')) return `${code.slice(0, 2)}%`;
  if (code.endsWith('00')) return `${code.slice(0, 4)}%`;
  return code;
}

/** A Shanghai business date as the instant it starts; an ISO instant as itself. */
function instant(value: string, endOfDay: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = new Date(`${value}T00:00:00+08:00`);
    return endOfDay ? new Date(start.getTime() + 86_400_000) : start;
  }
  return new Date(value);
}

export function createPublicationQueries(deps: { db: Db }) {
  const t = tables(deps.db);

  /**
   * Lists and searches, newest first (best match first when searching), by keyset cursor: new
   * publications arriving between pages neither repeat nor push items past the reader.
   */
  async function list(query: NoticeListQuery): Promise<NoticeList> {
    const tsq = query.q ? tsqueryLiteral(query.q) : null;
    if (query.q && !tsq) return { items: [], nextCursor: null };
    const rank = tsq ? sql<string>`round(ts_rank(search, ${tsq}::tsquery) * 1000000)::bigint` : null;
    let q = t.selectFrom('disclosure.publication').selectAll().where('status', '!=', 'withdrawn');
    if (rank) q = q.select(rank.as('rank')).where(sql<boolean>`search @@ ${tsq}::tsquery`);
    if (query.regionCode) {
      const pattern = regionPattern(query.regionCode);
      q = pattern.endsWith('%') ? q.where('region_code', 'like', pattern) : q.where('region_code', '=', pattern);
    }
    if (query.category) q = q.where('category', '=', query.category);
    if (query.type) q = q.where('type', '=', query.type);
    if (query.prominent !== undefined) q = q.where('prominent', '=', query.prominent);
    if (query.sectionId) q = q.where(sql<boolean>`section_ids ? ${query.sectionId}`);
    if (query.from) q = q.where('published_at', '>=', instant(query.from, false));
    if (query.to) q = q.where('published_at', '<', instant(query.to, true));
    if (query.cursor) {
      const c = decodeCursor(query.cursor, Boolean(rank));
      q = rank
        ? q.where(sql<boolean>`(${rank}, published_at, seq) < (${c.rank}::bigint, ${new Date(c.at)}::timestamptz, ${c.seq}::bigint)`)
        : q.where(sql<boolean>`(published_at, seq) < (${new Date(c.at)}::timestamptz, ${c.seq}::bigint)`);
    }
    if (rank) q = q.orderBy(rank, 'desc');
    const rows = (await q.orderBy('published_at', 'desc').orderBy('seq', 'desc').limit(query.limit + 1).execute()) as (Row & { rank?: string })[];
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(listItem),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({ rank: rank ? Number(last.rank) : null, at: last.published_at.toISOString(), seq: String(last.seq) })
          : null,
    };
  }

  /** A notice page: withdrawn and terminated ones stay readable, marked, so links never break. */
  async function get(id: string): Promise<NoticePage> {
    const r = await t.selectFrom('disclosure.publication').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new DomainError('PUBLICATION_NOT_FOUND', 'no such publication');
    const related = r.section_ids.length
      ? await t
          .selectFrom('disclosure.publication')
          .selectAll()
          .where('id', '!=', id)
          .where('status', '!=', 'withdrawn')
          .where(sql<boolean>`section_ids ?| ${sql.val(r.section_ids)}::text[]`)
          // Clarifications and other prominent announcements first (B-014), then newest.
          .orderBy('prominent', 'desc')
          .orderBy('published_at', 'desc')
          .orderBy('seq', 'desc')
          .limit(50)
          .execute()
      : [];
    const logIndex = Number(r.log_index);
    return {
      ...listItem(r),
      sourceId: r.source_id,
      bodyHtml: r.body_html,
      links: r.links,
      statusChangedAt: r.status_changed_at?.toISOString() ?? null,
      statusReason: r.status_reason,
      content: r.content,
      media: r.media,
      receipt: {
        logIndex,
        url: `/api/v1/log/receipt?index=${logIndex}`,
        verify: `curl -s '<platform>/api/v1/log/receipt?index=${logIndex}' > receipt.json && bidhall log verify --receipt receipt.json --url <platform>`,
      },
      related: related.map(listItem),
    };
  }

  /** The change feed: every event after `after`, in the order the events committed. */
  async function feed(after: number, limit: number): Promise<FeedPage> {
    const rows = await t
      .selectFrom('disclosure.feed_event as e')
      .innerJoin('disclosure.publication as p', 'p.id', 'e.publication_id')
      .selectAll('p')
      .select(['e.seq as event_seq', 'e.event', 'e.occurred_at', 'e.reason'])
      .where('e.seq', '>', String(after))
      .orderBy('e.seq')
      .limit(limit)
      .execute();
    const events = rows.map((r) => ({
      cursor: String(r.event_seq),
      event: r.event,
      occurredAt: r.occurred_at.toISOString(),
      reason: r.reason,
      publication: listItem(r as unknown as Row),
    }));
    return { events, nextCursor: events.length ? events[events.length - 1]!.cursor : String(after) };
  }

  /** The newest publications for the Atom feed. */
  async function latest(filter: { regionCode?: string; category?: string; type?: string }, limit: number): Promise<Row[]> {
    let q = t.selectFrom('disclosure.publication').selectAll().where('status', '!=', 'withdrawn');
    if (filter.regionCode) {
      const pattern = regionPattern(filter.regionCode);
      q = pattern.endsWith('%') ? q.where('region_code', 'like', pattern) : q.where('region_code', '=', pattern);
    }
    if (filter.category) q = q.where('category', '=', filter.category);
    if (filter.type) q = q.where('type', '=', filter.type);
    return q.orderBy('published_at', 'desc').orderBy('seq', 'desc').limit(limit).execute();
  }

  return { list, get, feed, latest };
}

export type PublicationQueries = ReturnType<typeof createPublicationQueries>;
