import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gmSuite, keyId, privateKeyFromPem, privateKeyToPem, publicKeyToPem, type PrivateKey } from '@bidhall/crypto';

export interface PlatformSigningKey {
  key: PrivateKey;
  keyId: string;
  publicKeyPem: string;
}

function describe(key: PrivateKey): PlatformSigningKey {
  return { key, keyId: keyId(key.publicKey), publicKeyPem: publicKeyToPem(key.publicKey) };
}

/**
 * The platform's SM2 key for tree heads and timestamps: read from a PKCS#8 PEM file, or created
 * there (mode 0600) on first start. Every instance of one deployment must share the same file.
 */
export function loadOrCreateSigningKey(path: string): PlatformSigningKey {
  if (existsSync(path)) return describe(privateKeyFromPem(readFileSync(path, 'utf8')));
  const key = gmSuite.generateKeyPair();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, privateKeyToPem(key), { mode: 0o600, flag: 'wx' });
  return describe(key);
}

/** A fresh key held in memory only, for tests. */
export function ephemeralSigningKey(): PlatformSigningKey {
  return describe(gmSuite.generateKeyPair());
}
