import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Clock } from '@bidhall/rules';

/** Seconds from the NTP epoch (1900-01-01) to the Unix epoch. */
const NTP_UNIX_OFFSET_S = 2_208_988_800;
const PACKET_BYTES = 48;
/** LI 0, version 4, mode 3 (client). */
const CLIENT_HEADER = (4 << 3) | 3;

/** The National Time Service Center (国家授时中心), which F-07 names. */
export const DEFAULT_NTP_SERVERS = ['ntp.ntsc.ac.cn'];

/** One configured server: `host`, `host:port`, `[v6]:port`; port 123 by default. */
export interface NtpServer {
  host: string;
  port: number;
}

export interface SntpMeasurement {
  server: string;
  /** How far the server's clock is ahead of ours (negative: we are ahead), in milliseconds. */
  offsetMs: number;
  /** The round trip, less the server's own processing, in milliseconds. */
  delayMs: number;
  stratum: number;
  /** Our clock when the answer arrived. */
  at: Date;
}

export class SntpError extends Error {
  constructor(
    public readonly server: string,
    message: string,
  ) {
    super(`${server}: ${message}`);
    this.name = 'SntpError';
  }
}

export function parseNtpServer(spec: string): NtpServer {
  const s = spec.trim();
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  const [host, port] = v6 ? [v6[1]!, v6[2]] : isIP(s) === 6 ? [s, undefined] : (s.split(':') as [string, string | undefined]);
  const n = port === undefined ? 123 : Number(port);
  if (!host || !/^[\w.:-]+$/.test(host) || !Number.isInteger(n) || n < 1 || n > 65535)
    throw new Error(`not an NTP server: '${spec}'`);
  return { host, port: n };
}

export const formatNtpServer = (s: NtpServer) =>
  s.port === 123 ? s.host : `${s.host.includes(':') ? `[${s.host}]` : s.host}:${s.port}`;

/** NTP timestamp (seconds and 2^-32 fractions since 1900; era 1 from 2036, RFC 4330 §3) in Unix ms. */
function readTimestamp(buf: Buffer, at: number): number {
  const seconds = buf.readUInt32BE(at);
  const fraction = buf.readUInt32BE(at + 4);
  const era = seconds & 0x80000000 ? 0 : 2 ** 32;
  return (seconds + era - NTP_UNIX_OFFSET_S) * 1000 + (fraction / 2 ** 32) * 1000;
}

/**
 * One SNTP exchange (RFC 4330) with one server. The request's transmit timestamp is a random nonce,
 * not our clock: the answer must echo it as its originate timestamp, so a forged or stale datagram is
 * refused and the server learns nothing of our time. T1 and T4 are read from `clock`, the clock the
 * platform's deadlines run on, so the offset is the one that matters.
 */
export async function querySntp(server: NtpServer, deps: { clock: Clock; timeoutMs: number }): Promise<SntpMeasurement> {
  const name = formatNtpServer(server);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SntpError(name, 'no answer in time')), deps.timeoutMs);
  });
  let socket: Socket | undefined;
  try {
    // One deadline for the name lookup and the exchange: an offline resolver may take long to give up.
    const address = await Promise.race([resolveHost(server.host, name), timeout]);
    socket = createSocket(address.family === 6 ? 'udp6' : 'udp4');
    return await Promise.race([exchange(socket, server.port, address.address, name, deps.clock), timeout]);
  } finally {
    clearTimeout(timer);
    socket?.close();
  }
}

async function resolveHost(host: string, name: string): Promise<{ address: string; family: number }> {
  if (isIP(host)) return { address: host, family: isIP(host) };
  return lookup(host).catch((err: Error) => {
    throw new SntpError(name, `cannot resolve (${err.message})`);
  });
}

function exchange(socket: Socket, port: number, address: string, name: string, clock: Clock): Promise<SntpMeasurement> {
  const nonce = randomBytes(8);
  const request = Buffer.alloc(PACKET_BYTES);
  request[0] = CLIENT_HEADER;
  nonce.copy(request, 40);
  return new Promise<SntpMeasurement>((resolve, reject) => {
    let t1 = 0;
    const fail = (message: string) => reject(new SntpError(name, message));
    socket.on('error', (err) => fail(err.message));
    socket.on('message', (msg) => {
      const t4 = clock.now().getTime();
      // Datagrams that are not the answer to this request are ignored, not failed on.
      if (msg.length < PACKET_BYTES || !msg.subarray(24, 32).equals(nonce)) return;
      const li = msg[0]! >> 6;
      const mode = msg[0]! & 7;
      const stratum = msg[1]!;
      if (mode !== 4) return fail(`answered in mode ${mode}, not as a server`);
      if (stratum === 0)
        return fail(
          `refused (kiss code ${msg
            .subarray(12, 16)
            .toString('latin1')
            .replace(/[^\x20-\x7e]/g, '?')})`,
        );
      if (li === 3 || stratum > 15) return fail('is not synchronised itself');
      if (msg.readUInt32BE(40) === 0 && msg.readUInt32BE(44) === 0) return fail('sent no transmit timestamp');
      const t2 = readTimestamp(msg, 32);
      const t3 = readTimestamp(msg, 40);
      resolve({
        server: name,
        offsetMs: (t2 - t1 + (t3 - t4)) / 2,
        delayMs: Math.max(0, t4 - t1 - (t3 - t2)),
        stratum,
        at: new Date(t4),
      });
    });
    t1 = clock.now().getTime();
    socket.send(request, port, address, (err) => {
      if (err) fail(err.message);
    });
  });
}
