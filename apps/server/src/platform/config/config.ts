import { resolve } from 'node:path';
import { z } from 'zod';

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
  JOBS: z
    .enum(['on', 'off'])
    .default('on')
    .transform((v) => v === 'on'),
  EXCHANGE_SANDBOX: z
    .enum(['on', 'off'])
    .default('on')
    .transform((v) => v === 'on'),
  APPROVAL_SERVICE_URL: z.url({ protocol: /^https?$/ }).optional().or(z.literal('').transform(() => undefined)),
  PUBLIC_SERVICE_URL: z.url({ protocol: /^https?$/ }).optional().or(z.literal('').transform(() => undefined)),
  DESIGNATED_MEDIA_URL: z.url({ protocol: /^https?$/ }).optional().or(z.literal('').transform(() => undefined)),
});

export interface AppConfig {
  /**
   * EXCHANGE_SANDBOX: the platform serves sandbox stand-ins for the investment approval platform and
   * the public service platform under /sandbox, used when their URLs are not set.
   */
  exchangeSandbox: boolean;
  /** APPROVAL_SERVICE_URL: the investment approval platform's API base (GET …/projects/{code}). */
  approvalServiceUrl: string | undefined;
  /** PUBLIC_SERVICE_URL: the public service platform's exchange API base (POST …/messages). */
  publicServiceUrl: string | undefined;
  /** DESIGNATED_MEDIA_URL: the national designated media's exchange API base, same protocol (decision 0010). */
  designatedMediaUrl: string | undefined;
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
  /** PUBLIC_BASE_URL: the platform's public address, without a trailing slash. */
  publicBaseUrl: string;
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
    exchangeSandbox: c.EXCHANGE_SANDBOX,
    approvalServiceUrl: c.APPROVAL_SERVICE_URL,
    publicServiceUrl: c.PUBLIC_SERVICE_URL,
    designatedMediaUrl: c.DESIGNATED_MEDIA_URL,
    signingKeyFile: resolve(c.SIGNING_KEY_FILE ?? `${c.DATA_DIR}/keys/platform-signing-key.pem`),
    trustStoreDir: resolve(c.TRUST_STORE_DIR ?? `${c.DATA_DIR}/trust`),
    blobDir: resolve(c.BLOB_DIR ?? `${c.DATA_DIR}/blobs`),
    certificateChallengeTtlSeconds: c.CERTIFICATE_CHALLENGE_TTL_SECONDS,
    publicBaseUrl: c.PUBLIC_BASE_URL,
  };
}
