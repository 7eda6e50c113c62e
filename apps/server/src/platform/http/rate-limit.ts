/**
 * Per-client request limits (decision 0013), declared here for every route in one table and put on
 * each route as it is registered, so route files carry none and a new route is covered by the same
 * table. Counters live in memory, or in Redis when REDIS_URL is set (then every process shares them).
 */
import { createHash } from 'node:crypto';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import type { Access } from '../auth/principal.ts';
import { DomainError } from '../errors/domain-error.ts';
import { SESSION_COOKIE } from './access.ts';

export interface RouteLimit {
  /** Requests per window per client (times RATE_LIMIT_SCALE). */
  max: number;
  windowSeconds: number;
  /** `client`: by address (an IPv6 /64 counts as one); `account`: by the caller's session, else by address. */
  by?: 'client' | 'account';
  /** Counts only the requests this holds for (e.g. a search, not a plain listing). */
  when?: (request: FastifyRequest) => boolean;
  why: string;
}

const SEARCH = (request: FastifyRequest) => {
  const q = (request.query as Record<string, unknown> | undefined)?.q;
  return typeof q === 'string' && q.trim() !== '';
};

const DOWNLOAD: RouteLimit = { max: 60, windowSeconds: 60, by: 'account', why: 'a download streams a file or signs a receipt' };

/** `METHOD url` as registered → its limit. */
export const RATE_LIMITS: Readonly<Record<string, RouteLimit>> = {
  'POST /api/v1/auth/login': { max: 20, windowSeconds: 60, why: 'password guessing; each attempt costs a scrypt hash' },
  'POST /api/v1/auth/totp': { max: 20, windowSeconds: 60, why: 'code guessing (the account also waits after 5 wrong codes)' },
  'POST /api/v1/auth/certificate/challenge': { max: 20, windowSeconds: 60, why: 'each challenge is stored until it expires' },
  'POST /api/v1/auth/certificate/login': { max: 20, windowSeconds: 60, why: 'each attempt verifies a chain and may ask an OCSP responder' },
  'POST /api/v1/registrations': { max: 10, windowSeconds: 3600, why: 'each registration creates an entity and an account' },
  'GET /api/v1/public/notices': { max: 30, windowSeconds: 60, when: SEARCH, why: 'a full-text search scans the notices' },
  'POST /api/v1/tender-documents/:id/downloads': DOWNLOAD,
  'GET /api/v1/tender-documents/:id/download': DOWNLOAD,
  'GET /api/v1/tender-documents/:id/attachments/:attachmentId/content': DOWNLOAD,
  'POST /api/v1/clarifications/:id/downloads': DOWNLOAD,
  'GET /api/v1/clarifications/:id/content': DOWNLOAD,
  'POST /api/v1/sections/:id/bids': { max: 30, windowSeconds: 60, by: 'account', why: 'a submission verifies signatures and certificates, claims uploads and signs a receipt' },
  'POST /api/v1/bank-statements': { max: 20, windowSeconds: 60, by: 'account', why: 'an import parses a statement of up to 10 MB and reconciles every line' },
  'POST /api/v1/bid-uploads': { max: 120, windowSeconds: 60, by: 'account', why: 'each tus creation checks the section and keeps a file until it is finished or replaced' },
  'POST /api/v1/sections/:id/hall/unseal': { max: 30, windowSeconds: 60, by: 'account', why: 'an unsealing unwraps every content key and decrypts the bidSummary' },
  'POST /api/v1/sections/:id/hall/shares': { max: 30, windowSeconds: 60, by: 'account', why: 'a release unwraps every share and may recover and check every content key of a bid' },
  'GET /api/v1/sections/:id/hall/events': { max: 30, windowSeconds: 60, by: 'account', why: 'each stream holds a connection open and replays events from the database' },
  // The prequalification applications' hall (decision 0023): the same costs as the bids'.
  'POST /api/v1/sections/:id/application-hall/unseal': { max: 30, windowSeconds: 60, by: 'account', why: 'an unsealing unwraps every content key and decrypts the bidSummary' },
  'POST /api/v1/sections/:id/application-hall/shares': { max: 30, windowSeconds: 60, by: 'account', why: 'a release unwraps every share and may recover and check every content key of an application' },
  'GET /api/v1/sections/:id/application-hall/events': { max: 30, windowSeconds: 60, by: 'account', why: 'each stream holds a connection open and replays events from the database' },
  // The expert pool's anonymous routes (issue 12 §1).
  'POST /api/v1/expert-applications': { max: 10, windowSeconds: 3600, why: 'each application stores a record staff must review' },
  'GET /api/v1/expert-applications/:id': { max: 30, windowSeconds: 60, why: 'token guessing against an application number' },
  'GET /api/v1/public/expert-record': { max: 60, windowSeconds: 60, why: 'a page of the public record joins events and records of the whole pool' },
  // The agencies' public record (decision 0044): anonymous, like the expert pool's.
  'GET /api/v1/agencies/record': { max: 60, windowSeconds: 60, why: 'a page of the public record aggregates the ratings and records of every agency' },
  'POST /api/v1/sections/:id/committee/draws': { max: 10, windowSeconds: 60, by: 'account', why: 'a draw filters the whole pool, signs a log head and notifies every drawn expert' },
  // The committee reads the bids' files (decision 0028): each read checks and decrypts a whole part, up to hundreds of MiB.
  'GET /api/v1/sections/:id/evaluation/bid-files/:bidId/:partId': { max: 60, windowSeconds: 60, by: 'account', why: 'each read hashes a whole sealed part, then decrypts and hashes it again as it streams' },
  'POST /api/v1/bids/:id/withdrawal': { max: 30, windowSeconds: 60, by: 'account', why: 'a withdrawal verifies a signature and signs a receipt' },
  // The contract's e-signature (decision 0036): a certificate chain, its revocation and a signature checked.
  'POST /api/v1/sections/:id/contract/signatures': { max: 30, windowSeconds: 60, by: 'account', why: 'a signature checks a certificate chain, may ask an OCSP responder, and may publish the contract' },
};

/** Any other anonymous write gets this, so that a new public POST is never unlimited. */
export const ANONYMOUS_WRITE: RouteLimit = { max: 60, windowSeconds: 60, why: 'an anonymous write' };

/** Left unlimited on purpose, by URL prefix. */
export const UNLIMITED_PREFIXES: Readonly<Record<string, string>> = {
  '/sandbox/': "stand-ins for outside systems, called by the platform's own deliveries",
};

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The limit a route gets: its table entry, else the anonymous-write default, else none. */
export function limitOf(method: string, url: string, access: Access | undefined): RouteLimit | undefined {
  const listed = RATE_LIMITS[`${method} ${url}`];
  if (listed) return listed;
  if (Object.keys(UNLIMITED_PREFIXES).some((p) => url.startsWith(p))) return undefined;
  if (access && 'public' in access && !READS.has(method)) return ANONYMOUS_WRITE;
  return undefined;
}

export interface RateLimitSettings {
  /** Multiplies every `max` (RATE_LIMIT_SCALE; the test app uses a large one). */
  scale: number;
  redisUrl?: string;
  /** Prefix of the Redis keys (tests use their own). */
  nameSpace?: string;
}

type Limiter = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** The client a request counts against: its address, or for `account` limits its session (one per account, F-12). */
function clientKey(limit: RouteLimit, request: FastifyRequest): string {
  const token = limit.by === 'account' ? request.cookies?.[SESSION_COOKIE] : undefined;
  return token ? `session:${createHash('sha256').update(token).digest('base64url')}` : `client:${normalizeIP(request.ip)}`;
}

/**
 * Registered before the access plugin: a limited route counts a request before its session is looked
 * up or its scope resolved, so a flood costs the database nothing.
 */
export const rateLimitPlugin = fp<RateLimitSettings>(async (app, opts) => {
  const redis = opts.redisUrl
    ? new Redis(opts.redisUrl, { connectTimeout: 2000, maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true })
    : undefined;
  if (redis) {
    redis.on('error', (err) => app.log.warn({ err }, 'rate limit store (Redis) unavailable; requests are not limited meanwhile'));
    await redis.connect().catch((err: unknown) => app.log.warn({ err }, 'rate limit store (Redis) unreachable at start'));
    app.addHook('onClose', async () => {
      redis.disconnect();
    });
  }

  await app.register(rateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: opts.nameSpace ?? 'bidhall-rate-limit:' } : {}),
    // An unreachable store lets requests through (logged above): limits protect, they must not take the platform down.
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      new DomainError('RATE_LIMITED', `too many requests; try again in ${context.after}`, {
        retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)),
      }),
  });

  const limiters = new Map<string, Limiter>();
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const limit = limitOf(method === 'HEAD' ? 'GET' : method, route.url, route.config?.access);
      if (!limit) continue;
      const routeKey = `${method === 'HEAD' ? 'GET' : method} ${route.url}`;
      limiters.set(
        `${method} ${route.url}`,
        app.rateLimit({
          max: Math.max(1, Math.round(limit.max * opts.scale)),
          timeWindow: limit.windowSeconds * 1000,
          // One store for every route: the route is part of the key.
          keyGenerator: (request: FastifyRequest) => `${routeKey}|${clientKey(limit, request)}`,
          ...(limit.when ? { allowList: (request: FastifyRequest) => !limit.when!(request) } : {}),
        }) as Limiter,
      );
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const { method, url } = request.routeOptions;
    const limiter = url ? limiters.get(`${method} ${url}`) : undefined;
    if (limiter) await limiter(request, reply);
  });
});
