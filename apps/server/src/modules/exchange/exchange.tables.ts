import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date, Date>;

export type Destination = 'publicService' | 'designatedMedia' | 'supervision';

export interface OutboxMessageTable {
  id: string;
  seq: Generated<string>;
  destination: Destination;
  kind: string;
  subject_type: string;
  subject_id: string;
  region_code: string | null;
  content: string;
  content_sm3: string;
  status: 'pending' | 'retrying' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
  receipt: string | null;
}

export interface SandboxReceivedTable {
  receipt_id: string;
  receiver: Destination;
  message_id: string;
  kind: string;
  subject_type: string;
  subject_id: string;
  region_code: string | null;
  content: string;
  content_sm3: string;
  received_at: Timestamp;
}

export interface ExchangeTables {
  'exchange.outbox_message': OutboxMessageTable;
  'exchange.sandbox_received': SandboxReceivedTable;
}
