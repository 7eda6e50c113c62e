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

  it('[task-12] the trust store folder defaults to DATA_DIR/trust and TRUST_STORE_DIR overrides it', () => {
    expect(loadConfig({ DATA_DIR: '/tmp/x' })).toMatchObject({ trustStoreDir: '/tmp/x/trust', certificateChallengeTtlSeconds: 300 });
    expect(loadConfig({ TRUST_STORE_DIR: '/etc/bidhall/cas' }).trustStoreDir).toBe('/etc/bidhall/cas');
    expect(() => loadConfig({ CERTIFICATE_CHALLENGE_TTL_SECONDS: '5' })).toThrow(ConfigError);
  });

  it('the blob store defaults to DATA_DIR/blobs and BLOB_DIR overrides it', () => {
    expect(loadConfig({ DATA_DIR: '/tmp/x' }).blobDir).toBe('/tmp/x/blobs');
    expect(loadConfig({ BLOB_DIR: '/srv/blobs' }).blobDir).toBe('/srv/blobs');
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
