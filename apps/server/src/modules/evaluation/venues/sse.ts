import type { FastifyReply, FastifyRequest } from 'fastify';

/** How often an open stream is written to: keeps proxies from idling it out, and finds a dead link. */
export const HEARTBEAT_MS = 10_000;

export interface SseChannel {
  send(event: string, data: unknown): void;
  /** Called once when the client goes or the link dies. */
  onClose(listener: () => void): void;
}

/** Takes over the reply as a Server-Sent Events stream with a heartbeat carrying the server time. */
export function openSse(request: FastifyRequest, reply: FastifyReply, now: () => Date): SseChannel {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
    'x-request-id': request.id,
  });
  const listeners: (() => void)[] = [];
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(timer);
    for (const l of listeners) l();
  };
  const send = (event: string, data: unknown) => {
    if (closed) return;
    if (!res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`) && res.destroyed) close();
  };
  const timer = setInterval(() => send('heartbeat', { serverTime: now().toISOString() }), HEARTBEAT_MS);
  timer.unref();
  request.raw.on('close', close);
  res.on('close', close);
  res.on('error', close);
  res.write('retry: 2000\n\n');
  send('heartbeat', { serverTime: now().toISOString() });
  return { send, onClose: (l) => (closed ? l() : void listeners.push(l)) };
}

export const wantsStream = (request: FastifyRequest) => String(request.headers.accept ?? '').includes('text/event-stream');
