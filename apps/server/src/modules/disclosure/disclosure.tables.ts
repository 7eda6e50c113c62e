import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date, Date>;

export interface PublicationTable {
  id: string;
  seq: Generated<string>;
  type: string;
  source_id: string;
  section_ids: ColumnType<string[], string, string>;
  region_code: string;
  category: string;
  title: string;
  body_html: string;
  excerpt: string;
  prominent: boolean;
  published_at: Timestamp;
  round: number;
  links: ColumnType<{ documents?: string }, string, string>;
  /** Where it went besides the portal, as a JSON array of outbox destinations. */
  media: ColumnType<('publicService' | 'designatedMedia')[], string, string>;
  content: string;
  content_sm3: string;
  log_index: ColumnType<string, number, number>;
  status: 'published' | 'withdrawn' | 'terminated';
  status_changed_at: Timestamp | null;
  status_reason: string | null;
  search: ColumnType<string, unknown, unknown>;
}

export interface FeedStateTable {
  id: number;
  last_seq: ColumnType<string, number, unknown>;
}

export interface FeedEventTable {
  seq: ColumnType<string, number, number>;
  publication_id: string;
  event: 'published' | 'withdrawn' | 'terminated';
  occurred_at: Timestamp;
  reason: string | null;
}

export interface DisclosureTables {
  'disclosure.publication': PublicationTable;
  'disclosure.feed_state': FeedStateTable;
  'disclosure.feed_event': FeedEventTable;
}
