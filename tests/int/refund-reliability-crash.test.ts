/**
 * `kill -9` of the server while it pays bond refunds (issue 13's "done when", task 10; decision 0033):
 * a real server process with its job workers on, a bidder that never bid asks for its six deposits back;
 * the server is killed with SIGKILL while the refund jobs are paying them at the (sandbox) bank, and
 * started again. Each refund ends paid exactly once: the bank holds one payment per refund, and each
 * refund records that payment — a job killed between the bank's answer and its record is retried and
 * answered with the first payment, never a second one.
 */
import type { BondRefundView } from '@bidhall/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, postJson } from '../reliability/bid-client.ts';
import { startServerProcess, type ServerProcess } from '../reliability/server-process.ts';
import { createWorld, type World } from '../reliability/world.ts';
import { createPlatformUser, login, TEST_PASSWORD } from '../support/test-app.ts';

const DEPOSITS = 6;
const DAY = 86_400_000;
let world: World;
let server: ServerProcess;
let bidder = '';

beforeAll(async () => {
  world = await createWorld({
    bidders: 1,
    // In the setup app: the bidder's sub-account, six deposits at the sandbox bank, the statement imported by staff.
    extraSetup: async (t, w) => {
      const [b] = w.bidders;
      const sectionId = w.sections[0]!.sectionId;
      const opened = await t.built.app.inject({
        method: 'POST',
        url: `/api/v1/bond-accounts/mine?sectionId=${sectionId}`,
        payload: {},
        headers: { cookie: b!.cookie },
      });
      expect(opened.statusCode, opened.body).toBeLessThan(300);
      const account = (opened.json() as { accountNumber: string }).accountNumber;
      for (let i = 0; i < DEPOSITS; i++) {
        const paid = await t.built.app.inject({
          method: 'POST',
          url: '/sandbox/bank/transfers',
          payload: {
            payeeAccount: account,
            amountFen: String(100_000 + i),
            payerAccount: '6222020200110077',
            payerName: b!.name,
          },
        });
        expect(paid.statusCode, paid.body).toBe(201);
      }
      await createPlatformUser(t, { username: 'staff.crash', kind: 'staff', regionCode: '150600' });
      const from = new Date(t.clock.now().getTime() - DAY).toISOString();
      const to = new Date(t.clock.now().getTime() + 1000).toISOString();
      const statement = (
        await t.built.app.inject({ method: 'GET', url: `/sandbox/bank/statements?from=${from}&to=${to}&format=camt053` })
      ).body;
      const imported = await t.built.app.inject({
        method: 'POST',
        url: '/api/v1/bank-statements?name=stmt.xml',
        headers: { cookie: await login(t, 'staff.crash'), 'content-type': 'application/xml' },
        payload: Buffer.from(statement),
      });
      expect(imported.statusCode, imported.body).toBe(201);
      expect((imported.json() as { matchedCount: number }).matchedCount).toBe(DEPOSITS);
    },
  });
  server = await startServerProcess(world.serverEnv({ JOBS: 'on' }));
  const res = await postJson(`${server.url}/api/v1/auth/login`, '', {
    username: world.bidders[0]!.username,
    password: TEST_PASSWORD,
  });
  expect(res.status, res.body.toString()).toBe(200);
  bidder = String(res.headers['set-cookie']?.find((c) => c.startsWith('bh_session='))?.split(';')[0]);
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await world?.destroy();
});

const refunds = () => getJson<BondRefundView[]>(`${server.url}/api/v1/bond-refunds/mine`, bidder);

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('kill -9 while refunds are paid (task 10)', () => {
  it('[task-10] a server killed while its jobs pay refunds pays each one exactly once after the restart', async () => {
    const asked = await postJson(`${server.url}/api/v1/bond-refunds/mine`, bidder, { sectionId: world.sections[0]!.sectionId });
    expect(asked.status, asked.body.toString()).toBe(201);
    expect(asked.json<BondRefundView[]>().map((r) => r.state)).toEqual(Array(DEPOSITS).fill('requested'));

    // Killed once the jobs have started paying and before they are done.
    const paidBefore = await until(
      'a first refund paid',
      async () => {
        const n = (await refunds()).filter((r) => r.state !== 'requested').length;
        return n > 0 ? n : undefined;
      },
      60_000,
    );
    await server.kill9();
    expect(paidBefore).toBeLessThan(DEPOSITS);

    // Restarted: the queued jobs run, the one killed mid-payment is retried (its missed heartbeats fail it).
    server = await startServerProcess(world.serverEnv({ JOBS: 'on' }));
    const relogin = await postJson(`${server.url}/api/v1/auth/login`, '', {
      username: world.bidders[0]!.username,
      password: TEST_PASSWORD,
    });
    bidder = String(relogin.headers['set-cookie']?.find((c) => c.startsWith('bh_session='))?.split(';')[0]);
    const done = await until(
      'every refund paid',
      async () => {
        const all = await refunds();
        return all.every((r) => r.state !== 'requested') ? all : undefined;
      },
      150_000,
    );
    await server.stop();

    const payments = await world.withDb(
      async (db) =>
        (
          await sql<{ instruction_id: string; bank_serial: string; amount_fen: string }>`
            SELECT instruction_id::text, bank_serial, amount_fen::text FROM finance.sandbox_payment ORDER BY seq`.execute(db.db)
        ).rows,
    );
    // One payment per refund, and each refund records the bank's payment — its serial and its amount.
    expect(payments).toHaveLength(DEPOSITS);
    expect(new Set(payments.map((p) => p.instruction_id))).toEqual(new Set(done.map((r) => r.id)));
    for (const r of done) {
      const p = payments.find((x) => x.instruction_id === r.id)!;
      expect([r.bankSerial, (BigInt(r.principalFen) + BigInt(r.interestFen!)).toString()]).toEqual([p.bank_serial, p.amount_fen]);
    }
  }, 300_000);
});
