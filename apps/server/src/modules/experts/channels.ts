import { randomUUID } from 'node:crypto';
import type { Clock } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import { tables } from './experts.deps.ts';

/** An SMS or voice-call gateway (a telecom operator's platform in production). */
export interface ChannelGateway {
  /** Sends inside the caller's transaction when the gateway is an outbox; returns the channel used. */
  send(trx: Db, message: { channel: 'sms' | 'voice'; phone: string; text: string }): Promise<void>;
  /** The messages a phone number received (the sandbox's inbox; tests and the demo read it). */
  inbox?(db: Db, phone: string): Promise<{ channel: string; text: string; sentAt: string }[]>;
}

/** The sandbox gateway: messages are kept in experts.sandbox_message and read back from its inbox. */
export function createSandboxGateway(deps: { clock: Clock }): ChannelGateway {
  return {
    async send(trx, m) {
      await tables(trx).insertInto('experts.sandbox_message').values({ id: randomUUID(), channel: m.channel, phone: m.phone, text: m.text, sent_at: deps.clock.now() }).execute();
    },
    async inbox(db, phone) {
      const rows = await tables(db).selectFrom('experts.sandbox_message').selectAll().where('phone', '=', phone).orderBy('seq').execute();
      return rows.map((r) => ({ channel: r.channel, text: r.text, sentAt: r.sent_at.toISOString() }));
    },
  };
}
