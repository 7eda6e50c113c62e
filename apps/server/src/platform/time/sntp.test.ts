import { createSocket } from 'node:dgram';
import { fixedClock } from '@bidhall/rules';
import { afterEach, describe, expect, it } from 'vitest';
import { parseNtpServer, querySntp } from './sntp.ts';

const NOW = Date.parse('2026-03-02T02:00:00Z');
const clock = fixedClock(NOW);
const sockets: ReturnType<typeof createSocket>[] = [];
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});

/** A server that answers each request through `answer(request)`, at 127.0.0.1:<random>. */
async function server(answer: (req: Buffer) => Buffer | null): Promise<{ host: string; port: number }> {
  const s = createSocket('udp4');
  sockets.push(s);
  s.on('message', (msg, peer) => {
    const reply = answer(msg);
    if (reply) s.send(reply, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => s.bind(0, '127.0.0.1', resolve));
  return { host: '127.0.0.1', port: s.address().port };
}

function reply(req: Buffer, opts: { ms: number; stratum?: number; mode?: number; originate?: Buffer; kiss?: string }): Buffer {
  const r = Buffer.alloc(48);
  r[0] = (4 << 3) | (opts.mode ?? 4);
  r[1] = opts.stratum ?? 2;
  if (opts.kiss) r.write(opts.kiss, 12, 'latin1');
  (opts.originate ?? req.subarray(40, 48)).copy(r, 24);
  const seconds = Math.floor(opts.ms / 1000) + 2_208_988_800;
  const fraction = Math.floor(((opts.ms % 1000) / 1000) * 2 ** 32);
  for (const at of [32, 40]) {
    r.writeUInt32BE(seconds >>> 0, at);
    r.writeUInt32BE(fraction >>> 0, at + 4);
  }
  return r;
}

describe('SNTP client (RFC 4330)', () => {
  it('reads host, host:port and IPv6 server names; refuses anything else', () => {
    expect(parseNtpServer('ntp.ntsc.ac.cn')).toEqual({ host: 'ntp.ntsc.ac.cn', port: 123 });
    expect(parseNtpServer(' 127.0.0.1:1234 ')).toEqual({ host: '127.0.0.1', port: 1234 });
    expect(parseNtpServer('[::1]:1230')).toEqual({ host: '::1', port: 1230 });
    expect(parseNtpServer('::1')).toEqual({ host: '::1', port: 123 });
    for (const bad of ['', 'a b', 'host:0', 'host:99999', 'host:12x', 'x;rm']) expect(() => parseNtpServer(bad)).toThrow();
  });

  it('measures the offset of a server ahead of us, with the request carrying a nonce instead of our time', async () => {
    let sent: Buffer | undefined;
    const s = await server((req) => {
      sent = Buffer.from(req);
      return reply(req, { ms: NOW + 2500 });
    });
    const m = await querySntp(s, { clock, timeoutMs: 2000 });
    expect(m).toMatchObject({ server: `127.0.0.1:${s.port}`, offsetMs: 2500, delayMs: 0, stratum: 2 });
    expect(sent![0]).toBe(0x23);
    // The transmit field is random, not 2026 in NTP seconds.
    expect(Math.abs(sent!.readUInt32BE(40) - (NOW / 1000 + 2_208_988_800))).toBeGreaterThan(60);
  });

  it('ignores an answer that does not echo the nonce (forged or stale) and times out', async () => {
    const s = await server((req) => reply(req, { ms: NOW, originate: Buffer.alloc(8, 7) }));
    await expect(querySntp(s, { clock, timeoutMs: 300 })).rejects.toThrow('no answer in time');
  });

  it('refuses a kiss-o’-death, an unsynchronised server and an answer not in server mode', async () => {
    const kiss = await server((req) => reply(req, { ms: NOW, stratum: 0, kiss: 'RATE' }));
    await expect(querySntp(kiss, { clock, timeoutMs: 2000 })).rejects.toThrow('kiss code RATE');
    const unsynced = await server((req) => reply(req, { ms: NOW, stratum: 16 }));
    await expect(querySntp(unsynced, { clock, timeoutMs: 2000 })).rejects.toThrow('not synchronised');
    const client = await server((req) => reply(req, { ms: NOW, mode: 3 }));
    await expect(querySntp(client, { clock, timeoutMs: 2000 })).rejects.toThrow('mode 3');
  });

  it('a name that does not resolve fails without waiting for the timeout', async () => {
    await expect(querySntp({ host: 'no-such-host.invalid', port: 123 }, { clock, timeoutMs: 5000 })).rejects.toThrow(
      /cannot resolve|no answer/,
    );
  });
});
