import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('has working defaults: port 3000, embedded database in ./data', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it('PORT, DATA_DIR and DATABASE_URL override', () => {
    const c = loadConfig({ PORT: '8080', DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://u@h/db' });
    expect(c).toMatchObject({ port: 8080, dataDir: '/tmp/x', databaseUrl: 'postgres://u@h/db' });
  });

  it('the trust store folder defaults to DATA_DIR/trust and TRUST_STORE_DIR overrides it', () => {
    expect(loadConfig({ DATA_DIR: '/tmp/x' })).toMatchObject({ trustStoreDir: '/tmp/x/trust', certificateChallengeTtlSeconds: 300 });
    expect(loadConfig({ TRUST_STORE_DIR: '/etc/bidhall/cas' }).trustStoreDir).toBe('/etc/bidhall/cas');
    expect(() => loadConfig({ CERTIFICATE_CHALLENGE_TTL_SECONDS: '5' })).toThrow(ConfigError);
  });

  it('the blob store defaults to DATA_DIR/blobs and BLOB_DIR overrides it', () => {
    expect(loadConfig({ DATA_DIR: '/tmp/x' }).blobDir).toBe('/tmp/x/blobs');
    expect(loadConfig({ BLOB_DIR: '/srv/blobs' }).blobDir).toBe('/srv/blobs');
  });

  it('RULE_PROFILE selects the statutory periods: the law in force by default, or CTS-EBS01-2016', () => {
    expect(loadConfig({}).ruleProfile).toBe('statutory');
    expect(loadConfig({ RULE_PROFILE: 'cts-ebs01-2016' }).ruleProfile).toBe('cts-ebs01-2016');
    expect(() => loadConfig({ RULE_PROFILE: 'lenient' })).toThrow(ConfigError);
  });

  it('refuses bad values, naming every bad variable', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const issues = (err as ConfigError).issues.join('\n');
      expect(issues).toContain('PORT');
      expect(issues).toContain('DATABASE_URL');
      expect(issues).toContain('LOG_LEVEL');
    }
  });
});

describe('proxies and rate limits (decision 0013)', () => {
  it('trusts no proxy by default; TRUST_PROXY lists addresses, CIDRs and named ranges, and refuses anything else', () => {
    expect(loadConfig({})).toMatchObject({ trustProxy: [], redisUrl: undefined, rateLimitScale: 1 });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,loopback,::1' }).trustProxy).toEqual(['10.0.0.1', '192.168.0.0/16', 'loopback', '::1']);
    for (const bad of ['true', '10.0.0.1/33', 'proxy.example.cn', '*']) expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(ConfigError);
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', RATE_LIMIT_SCALE: '10' })).toMatchObject({ redisUrl: 'redis://127.0.0.1:6379', rateLimitScale: 10 });
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(ConfigError);
  });
});

describe('password hashing cost (decision 0047)', () => {
  it("PASSWORD_COST is scrypt's N as a power of two: 17 by default, lower only outside production", () => {
    expect(loadConfig({}).passwordCost).toBe(17);
    expect(loadConfig({ PASSWORD_COST: '10' }).passwordCost).toBe(10);
    expect(loadConfig({ NODE_ENV: 'production', PASSWORD_COST: '18' }).passwordCost).toBe(18);
    expect(() => loadConfig({ NODE_ENV: 'production', PASSWORD_COST: '16' })).toThrow(/PASSWORD_COST/);
    for (const bad of ['9', '19', '12.5', 'high']) expect(() => loadConfig({ PASSWORD_COST: bad }), bad).toThrow(/PASSWORD_COST/);
  });
});
