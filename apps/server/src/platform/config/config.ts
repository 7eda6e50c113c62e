import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { RULE_PROFILE_CODES, type RuleProfileCode } from '@bidhall/rules';
import { z } from 'zod';
import { DEFAULT_NTP_SERVERS, type NtpServer, parseNtpServer } from '../time/sntp.ts';

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z.coerce.number().int().positive().default(1_048_576),
  SESSION_TTL_HOURS: z.coerce.number().int().positive().max(720).default(12),
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10_000),
  WEB_DIST: z.string().optional(),
  SIGNING_KEY_FILE: z.string().min(1).optional(),
  TRUST_STORE_DIR: z.string().min(1).optional(),
  BLOB_DIR: z.string().min(1).optional(),
  /** The platform's public address, stated in every notice and invitation (B-002, B-008). */
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000').transform((u) => u.replace(/\/+$/, '')),
  CERTIFICATE_CHALLENGE_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  /** Proxies whose X-Forwarded-For is believed (decision 0013): addresses, CIDRs or loopback/linklocal/uniquelocal, comma-separated. */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const items = (v ?? '').split(',').map((x) => x.trim()).filter(Boolean);
      const bad = items.filter((x) => !isProxyAddress(x));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `not an address, CIDR or loopback/linklocal/uniquelocal: ${bad.join(', ')}` });
      return items;
    }),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  RATE_LIMIT_SCALE: z.coerce.number().positive().max(1_000_000).default(1),
  CERTIFICATE_CHALLENGES_PER_CLIENT: z.coerce.number().int().min(1).max(10_000).default(20),
  CERTIFICATE_CHALLENGES_MAX: z.coerce.number().int().min(1).max(10_000_000).default(10_000),
  JOBS: z
    .enum(['on', 'off'])
    .default('on')
    .transform((v) => v === 'on'),
  /** Unset: on with the demo data only (decision 0018). EXCHANGE_SANDBOX is the older name. */
  SANDBOX: z.enum(['on', 'off']).optional(),
  EXCHANGE_SANDBOX: z.enum(['on', 'off']).optional(),
  /** Time servers for the clock check (F-07, decision 0015): `host`, `host:port` or `[v6]:port`, comma-separated. */
  NTP_SERVERS: z
    .string()
    .default(DEFAULT_NTP_SERVERS.join(','))
    .transform((v, ctx) => {
      try {
        return v.split(',').filter((x) => x.trim()).map(parseNtpServer);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
  /** Unset: `lenient` with the demo data, `strict` otherwise. */
  TIME_TRUST: z.enum(['strict', 'lenient']).optional(),
  TIME_MAX_OFFSET_MS: z.coerce.number().int().min(1).max(60_000).default(1000),
  TIME_MAX_AGE_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  TIME_CHECK_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  APPROVAL_SERVICE_URL: z.url({ protocol: /^https?$/ }).optional().or(z.literal('').transform(() => undefined)),
  PUBLIC_SERVICE_URL: z.url({ protocol: /^https?$/ }).optional().or(z.literal('').transform(() => undefined)),
  DESIGNATED_MEDIA_URL: z.url({ protocol: /^https?$/ }).optional().or(z.literal('').transform(() => undefined)),
  SUPERVISION_URL: z.url({ protocol: /^https?$/ }).optional().or(z.literal('').transform(() => undefined)),
  /** Minutes between published tree heads (decision 0014): a divisor of 60, so the cron keeps it exactly. */
  LOG_HEAD_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .refine((m) => m > 0 && 60 % m === 0, 'must divide 60: 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60')
    .default(10),
  /** The statutory periods timetables are judged by (decision 0017): the law in force, or CTS-EBS01-2016's figures. */
  RULE_PROFILE: z.enum(RULE_PROFILE_CODES).default('statutory'),
  /** scrypt's N as a power of two for new password hashes (decision 0047); below 17 only outside production. */
  PASSWORD_COST: z.coerce.number().int().min(10).max(18).default(17),
}).refine((c) => c.NODE_ENV !== 'production' || c.PASSWORD_COST >= 17, {
  path: ['PASSWORD_COST'],
  message: "must be at least 17 (OWASP's scrypt floor) in production",
});

export interface AppConfig {
  /**
   * SANDBOX: the platform serves sandbox stand-ins for the investment approval platform, the public
   * service platform and the designated media under /sandbox, used when their URLs are not set, to
   * loopback callers and signed-in staff only. Undefined: on with the demo data, off otherwise.
   */
  exchangeSandbox: boolean | undefined;
  /** NTP_SERVERS: the time servers the clock is checked against (the National Time Service Center by default). */
  ntpServers: NtpServer[];
  /** TIME_TRUST: whether deadline-critical actions are refused while the clock is not vouched for; undefined: with the demo or not. */
  timeTrust: 'strict' | 'lenient' | undefined;
  /** TIME_MAX_OFFSET_MS: the largest offset from the time servers that still counts as synchronised. */
  timeMaxOffsetMs: number;
  /** TIME_MAX_AGE_SECONDS: how long one measurement vouches for the clock. */
  timeMaxAgeSeconds: number;
  /** TIME_CHECK_INTERVAL_SECONDS: how often the clock is measured. */
  timeCheckIntervalSeconds: number;
  /** APPROVAL_SERVICE_URL: the investment approval platform's API base (GET …/projects/{code}). */
  approvalServiceUrl: string | undefined;
  /** PUBLIC_SERVICE_URL: the public service platform's exchange API base (POST …/messages). */
  publicServiceUrl: string | undefined;
  /** DESIGNATED_MEDIA_URL: the national designated media's exchange API base, same protocol (decision 0010). */
  designatedMediaUrl: string | undefined;
  /** SUPERVISION_URL: the administrative supervision platform's exchange API base, same protocol (A-153, decision 0026). */
  supervisionUrl: string | undefined;
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: string;
  bodyLimit: number;
  sessionTtlHours: number;
  cookieSecure: boolean;
  shutdownGraceMs: number;
  webDist: string | undefined;
  jobsEnabled: boolean;
  /** The platform's SM2 key (PKCS#8 PEM); created on first start. */
  signingKeyFile: string;
  /**
   * The recognised CAs (CA 全区通): root and intermediate certificates (PEM or DER, *.pem *.crt
   * *.cer *.der) and their CRLs (*.crl), read at start and on reload.
   */
  trustStoreDir: string;
  /** The content-addressed file store (attachments, packages): `<BLOB_DIR>/ab/cd/<sm3>`. */
  blobDir: string;
  /** How long a certificate login challenge may be answered. */
  certificateChallengeTtlSeconds: number;
  /**
   * TRUST_PROXY: the reverse proxies whose X-Forwarded-For names the client (Fastify's trustProxy as a
   * list); empty, the connection's own address is the client's, whatever the headers say.
   */
  trustProxy: string[];
  /** REDIS_URL: the rate limits' counters are shared in Redis; unset, each process counts in memory. */
  redisUrl: string | undefined;
  /** RATE_LIMIT_SCALE: multiplies every per-client limit of platform/http/rate-limit.ts (e.g. behind a large NAT). */
  rateLimitScale: number;
  /** CERTIFICATE_CHALLENGES_PER_CLIENT / _MAX: unanswered login challenges per client address, and stored in all. */
  certificateChallengeBounds: { perClient: number; total: number };
  /** PUBLIC_BASE_URL: the platform's public address, without a trailing slash. */
  publicBaseUrl: string;
  /** LOG_HEAD_INTERVAL_MINUTES: how often a signed tree head is published on the portal and to the public service platform. */
  logHeadIntervalMinutes: number;
  /**
   * RULE_PROFILE: 'statutory' (the law in force on each section's creation date) or 'cts-ebs01-2016'
   * (the standard's figures where they differ, e.g. B-040's 7 working days), for the whole platform.
   */
  ruleProfile: RuleProfileCode;
  /**
   * PASSWORD_COST: scrypt's N as a power of two for new password hashes; each hash keeps its own, so
   * lowering or raising it never locks an account out. 17 (OWASP's floor) by default and at least in
   * production; the test runs lower it, each login there costing a millisecond instead of half a second.
   */
  passwordCost: number;
}

const onOff = (v: 'on' | 'off' | undefined) => (v === undefined ? undefined : v === 'on');

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(item: string): boolean {
  if (PROXY_NAMES.has(item)) return true;
  const [address, prefix, ...rest] = item.split('/');
  const version = isIP(address ?? '');
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

export class ConfigError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
  }
}

/** Reads and validates configuration from the environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    dataDir: resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    logLevel: c.LOG_LEVEL,
    bodyLimit: c.BODY_LIMIT,
    sessionTtlHours: c.SESSION_TTL_HOURS,
    cookieSecure: c.COOKIE_SECURE,
    shutdownGraceMs: c.SHUTDOWN_GRACE_MS,
    webDist: c.WEB_DIST,
    jobsEnabled: c.JOBS,
    exchangeSandbox: onOff(c.SANDBOX ?? c.EXCHANGE_SANDBOX),
    ntpServers: c.NTP_SERVERS,
    timeTrust: c.TIME_TRUST,
    timeMaxOffsetMs: c.TIME_MAX_OFFSET_MS,
    timeMaxAgeSeconds: c.TIME_MAX_AGE_SECONDS,
    timeCheckIntervalSeconds: c.TIME_CHECK_INTERVAL_SECONDS,
    approvalServiceUrl: c.APPROVAL_SERVICE_URL,
    publicServiceUrl: c.PUBLIC_SERVICE_URL,
    designatedMediaUrl: c.DESIGNATED_MEDIA_URL,
    supervisionUrl: c.SUPERVISION_URL,
    signingKeyFile: resolve(c.SIGNING_KEY_FILE ?? `${c.DATA_DIR}/keys/platform-signing-key.pem`),
    trustStoreDir: resolve(c.TRUST_STORE_DIR ?? `${c.DATA_DIR}/trust`),
    blobDir: resolve(c.BLOB_DIR ?? `${c.DATA_DIR}/blobs`),
    certificateChallengeTtlSeconds: c.CERTIFICATE_CHALLENGE_TTL_SECONDS,
    trustProxy: c.TRUST_PROXY,
    redisUrl: c.REDIS_URL,
    rateLimitScale: c.RATE_LIMIT_SCALE,
    certificateChallengeBounds: { perClient: c.CERTIFICATE_CHALLENGES_PER_CLIENT, total: c.CERTIFICATE_CHALLENGES_MAX },
    publicBaseUrl: c.PUBLIC_BASE_URL,
    logHeadIntervalMinutes: c.LOG_HEAD_INTERVAL_MINUTES,
    ruleProfile: c.RULE_PROFILE,
    passwordCost: c.PASSWORD_COST,
  };
}
