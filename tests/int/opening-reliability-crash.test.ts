/**
 * `kill -9` of the server during a remote opening (issue 11, Reliability): a real server process on its
 * data folder (PGlite, or PostgreSQL with DATABASE_URL) takes three sealed bids before a deadline a
 * minute away; after it the hall opens, everyone signs in and two bidders unseal. The server is killed
 * with SIGKILL and started again: the hall is as it was, the third bidder unseals there and the readout
 * comes; killed again straight after, the restarted server finishes the bulk decryption. Nothing is
 * lost or repeated: one readout, hall events numbered 1…n without a gap or a repeat, every part
 * decrypted once.
 */
import { BID_SUMMARY_FORMAT, type BiddingRequirements, type HallEvent, type HallView, type UnsealKit } from '@bidhall/contracts';
import { gmSuite, publicKeyFromPem, randomBytes, toBase64, unwrapForBidder, type PartHeader } from '@bidhall/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, postJson, sealBid, uploadAndSubmit } from '../reliability/bid-client.ts';
import { registerCustodians } from '../reliability/custodians.ts';
import { startServerProcess, type ServerProcess } from '../reliability/server-process.ts';
import { createWorld, type World, type WorldBidder } from '../reliability/world.ts';
import { TEST_PASSWORD } from '../support/test-app.ts';

let world: World;
let server: ServerProcess;
let sectionId: string;
let deadline: Date;
/** The section's manager, logged in over HTTP (its setup session ran on the setup's clock). */
let manager = '';

beforeAll(async () => {
  world = await createWorld({ bidders: 3, extraSetup: registerCustodians });
  sectionId = world.sections[0]!.sectionId;
  // Time for three bids to go in, on the server's own (real) clock.
  deadline = new Date(Date.now() + 45_000);
  await world.setDeadline(sectionId, deadline);
  // With its jobs: the bulk decryption and the sweep run in the server, as in production.
  server = await startServerProcess(world.serverEnv({ JOBS: 'on' }));
  const party = world.registered.agency ?? world.registered.tenderer;
  const login = await postJson(`${server.url}/api/v1/auth/login`, '', { username: party.username, password: TEST_PASSWORD });
  expect(login.status, login.body.toString()).toBe(200);
  manager = String(login.headers['set-cookie']?.find((c) => c.startsWith('bh_session='))?.split(';')[0]);
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await world?.destroy();
});

async function restart() {
  await server.kill9();
  server = await startServerProcess(world.serverEnv({ JOBS: 'on' }));
}

const hall = () => getJson<HallView>(`${server.url}/api/v1/sections/${sectionId}/hall`, manager);
const post = async (path: string, cookie: string, body: unknown = {}) => {
  const res = await postJson(`${server.url}/api/v1/sections/${sectionId}/hall/${path}`, cookie, body);
  expect(res.status, `${path}: ${res.body.toString()}`).toBe(200);
  return res.json<HallView>();
};

/** What the bidder's browser or CLI does: each content key unwrapped with its key, wrapped to the opening key. */
async function unseal(b: WorldBidder): Promise<HallView> {
  const kit = await getJson<UnsealKit>(`${server.url}/api/v1/sections/${sectionId}/hall/unseal-kit`, b.cookie);
  const openingKey = publicKeyFromPem(kit.openingKeyPem);
  const keys = [];
  for (const p of kit.parts) keys.push({ partId: p.partId, wrappedKey: toBase64(await gmSuite.wrapKey(openingKey, await unwrapForBidder(p.header as unknown as PartHeader, b.key))) });
  return post('unseal', b.cookie, { keys });
}

async function until<T>(what: string, probe: () => Promise<{ done: boolean; value: T }>, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const got = await probe();
    if (got.done) return got.value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(got.value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('kill -9 of the server during an opening', () => {
  it('the hall resumes from the database: the same stage and bidders, the last bidder unseals after the restart, one readout, and the bulk decryption finishes once', async () => {
    const req = await getJson<BiddingRequirements>(`${server.url}/api/v1/sections/${sectionId}/bidding`, world.bidders[0]!.cookie);
    const technical = req.document.parts.find((p) => p.key === 'technical') ?? req.document.parts[0]!;
    for (const [i, b] of world.bidders.entries()) {
      const fields = { price: `${(i + 1) * 100}000000`, durationDays: 150 + i, quality: '合格' };
      const bid = await sealBid(req, b, { summary: { format: BID_SUMMARY_FORMAT, sectionId, fields, projectManager: null, team: [], bond: null }, files: { [technical.key]: randomBytes(8 << 20) } });
      const res = await uploadAndSubmit(server.url, b.cookie, sectionId, bid, b.certPem);
      expect(res.status, res.body.toString()).toBe(201);
    }
    expect(Date.now(), 'the bids went in before the deadline').toBeLessThan(deadline.getTime());
    await new Promise((r) => setTimeout(r, deadline.getTime() - Date.now() + 1000));

    // Opened at the deadline; everyone signs in, the tenderer starts the unsealing, two bidders unseal.
    expect((await hall()).stage).toBe('signIn');
    for (const b of world.bidders) await post('sign-in', b.cookie);
    await post('unsealing', manager);
    for (const b of world.bidders.slice(0, 2)) expect((await unseal(b)).mine!.unseal).toBe('unsealed');
    const before = await hall();

    await restart();
    const after = await hall();
    expect(after.stage).toBe('unsealing');
    expect(after.unsealWindowEnd).toBe(before.unsealWindowEnd);
    expect(after.bidders).toEqual(before.bidders);
    expect(after.lastSeq).toBe(before.lastSeq);

    // The third bidder unseals on the restarted server: the readout; the server is killed again once
    // the bulk decryption has started and before it has finished (its job is then active, not queued).
    const readOut = await unseal(world.bidders[2]!);
    expect(readOut.readout!.rows.map((r) => r.values.price)).toEqual(['100000000', '200000000', '300000000']);
    const midway = await until('the bulk decryption to start', async () => {
      const v = await hall();
      return { done: (v.bulk?.done ?? 0) > 0, value: v.bulk! };
    }, 30_000);
    await restart();
    expect(midway.done).toBeLessThan(midway.total);

    // The bulk decryption the readout queued, and the coefficient draw it committed, are finished by the restarted server.
    const done = await until('the bulk decryption and the coefficient', async () => {
      const v = await hall();
      return { done: !!v.bulk?.finishedAt && (v.coefficient === null || !!v.coefficient.value), value: v };
    });
    expect(done.bulk!.total).toBe(world.bidders.length * (1 + req.document.parts.filter((p) => p.required || p.key === technical.key).length));
    expect(done.bulk!.done).toBe(done.bulk!.total);
    expect(done.readout).toEqual(readOut.readout);

    // The hall's events: numbered 1…n without a gap or a repeat, one opening, one readout.
    const events = await getJson<HallEvent[]>(`${server.url}/api/v1/sections/${sectionId}/hall/events?after=0`, manager);
    expect(events.map((e) => e.seq)).toEqual(events.map((_e, i) => i + 1));
    const kinds = events.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'readout')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'opened')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'unsealed')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'coefficientDrawn')).toHaveLength(done.coefficient ? 1 : 0);
  }, 300_000);
});
