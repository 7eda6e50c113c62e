/**
 * A local SNTP server (RFC 4330) for the F-07 tests: node:dgram on 127.0.0.1 at a random port,
 * answering with `clock.now() + skewMs`, so a test decides how far the platform's clock is off.
 */
import { createSocket } from 'node:dgram';
import type { Clock } from '@bidhall/rules';

const NTP_UNIX_OFFSET_S = 2_208_988_800;

export interface SntpResponder {
  /** `127.0.0.1:<port>`, as NTP_SERVERS takes it. */
  address: string;
  /** How far the responder's time is ahead of the clock (negative: behind). */
  skewMs: number;
  /** Requests answered so far. */
  answered: number;
  close(): Promise<void>;
}

function writeTimestamp(buf: Buffer, at: number, ms: number) {
  const seconds = Math.floor(ms / 1000) + NTP_UNIX_OFFSET_S;
  buf.writeUInt32BE(seconds >>> 0, at);
  buf.writeUInt32BE(Math.floor(((ms % 1000) / 1000) * 2 ** 32) >>> 0, at + 4);
}

export async function startSntpResponder(clock: Clock, opts: { skewMs?: number; stratum?: number } = {}): Promise<SntpResponder> {
  const socket = createSocket('udp4');
  const responder: SntpResponder = {
    address: '',
    skewMs: opts.skewMs ?? 0,
    answered: 0,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
  socket.on('message', (msg, peer) => {
    if (msg.length < 48 || (msg[0]! & 7) !== 3) return;
    const now = clock.now().getTime() + responder.skewMs;
    const reply = Buffer.alloc(48);
    reply[0] = (4 << 3) | 4; // LI 0, version 4, mode 4 (server)
    reply[1] = opts.stratum ?? 1;
    reply.write('TEST', 12, 'latin1'); // reference id
    writeTimestamp(reply, 16, now); // reference
    msg.copy(reply, 24, 40, 48); // originate = the client's transmit
    writeTimestamp(reply, 32, now); // receive
    writeTimestamp(reply, 40, now); // transmit
    responder.answered++;
    socket.send(reply, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  responder.address = `127.0.0.1:${socket.address().port}`;
  return responder;
}
