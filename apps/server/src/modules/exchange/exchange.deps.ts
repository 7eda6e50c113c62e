import type { Clock } from '@bidhall/rules';
import type { Kysely } from 'kysely';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { ExchangeTables } from './exchange.tables.ts';

/** A request answered by this very application in-process (Fastify's inject), for the sandbox. */
export type SelfInject = (request: {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  payload?: string;
}) => Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>;

/** What the exchange module needs from outside; nothing more is passed in. */
export interface ExchangeDeps {
  db: Db;
  clock: Clock;
  audit: AuditTrail;
  jobs: JobQueue;
  /** SANDBOX: serve the sandbox approval platform, public service platform and designated media under /sandbox. */
  sandbox: boolean;
  /** APPROVAL_SERVICE_URL, e.g. `https://approval.example.cn/api/v1`; the sandbox when unset. */
  approvalServiceUrl?: string;
  /** PUBLIC_SERVICE_URL, e.g. `https://ggzy.example.cn/exchange/v1`; the sandbox when unset. */
  publicServiceUrl?: string;
  /** DESIGNATED_MEDIA_URL: the national designated media's exchange API (same protocol); the sandbox when unset. */
  designatedMediaUrl?: string;
  /** SUPERVISION_URL: the administrative supervision platform's exchange API (same protocol, A-153); the sandbox when unset. */
  supervisionUrl?: string;
  /** The HTTP client for configured URLs; `globalThis.fetch` unless a test replaces it. */
  fetch?: typeof fetch;
  /** How the sandbox is reached when no URL is configured: in-process, so no port is needed. */
  selfInject?: SelfInject;
}

export function tables(db: Db): Kysely<ExchangeTables> {
  return db as unknown as Kysely<ExchangeTables>;
}
