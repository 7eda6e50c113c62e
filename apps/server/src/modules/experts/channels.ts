import { randomUUID } from 'node:crypto';
import type { Clock } from '@bidhall/rules';
import { type ChannelGateway, tables } from './experts.deps.ts';

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
