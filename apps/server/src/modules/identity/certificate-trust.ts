/**
 * The recognised CAs (CA 全区通): a TrustStore of several CAs' roots and intermediates and their
 * CRLs, read from TRUST_STORE_DIR at start and again on reload. A reload that fails keeps the store in
 * force, so a half-copied folder never leaves the platform trusting nothing (or the wrong thing).
 */
import { readdir } from 'node:fs/promises';
import type { TrustStoreView } from '@bidhall/contracts';
import { CryptoError, equalBytes, loadTrustStoreFromDir, TrustStore, type Crl } from '@bidhall/crypto';
import type { Clock } from '@bidhall/rules';
import { DomainError } from '../../platform/errors/domain-error.ts';

export interface LoadedTrust {
  store: TrustStore;
  crls: Crl[];
  loadedAt: Date | null;
}

export interface CertificateTrust {
  /** The configured folder, or undefined when none is (tests that build the app bare). */
  readonly dir: string | undefined;
  current(): LoadedTrust;
  /** Reads the folder again; throws TRUST_STORE_INVALID and keeps the old store when it cannot. */
  reload(): Promise<TrustStoreView>;
  /** True when the folder holds no certificate or CRL file at all (the demo fills it then). */
  folderIsEmpty(): Promise<boolean>;
  view(): TrustStoreView;
}

const TRUST_FILE = /\.(pem|crt|cer|der|crl)$/i;

async function trustFiles(dir: string): Promise<string[] | null> {
  try {
    return (await readdir(dir)).filter((f) => TRUST_FILE.test(f));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export function createCertificateTrust(dir: string | undefined, clock: Clock): CertificateTrust {
  let loaded: LoadedTrust = { store: new TrustStore(), crls: [], loadedAt: null };

  function view(): TrustStoreView {
    const now = clock.now();
    const { store, crls } = loaded;
    const cas = [
      ...store.anchors.map((c) => ({ c, kind: 'root' as const })),
      ...store.intermediates.map((c) => ({ c, kind: 'intermediate' as const })),
    ];
    return {
      dir: dir ?? null,
      loadedAt: loaded.loadedAt?.toISOString() ?? null,
      authorities: cas.map(({ c, kind }) => ({
        kind,
        subject: c.subject.text,
        issuer: c.issuer.text,
        keyAlg: c.keyAlg,
        serialNumber: c.serialNumber,
        notBefore: c.notBefore.toISOString(),
        notAfter: c.notAfter.toISOString(),
        fingerprintSm3: c.fingerprint,
      })),
      crls: crls.map((crl) => ({
        issuer: crl.issuer.text,
        thisUpdate: crl.thisUpdate.toISOString(),
        nextUpdate: crl.nextUpdate?.toISOString() ?? null,
        revokedCount: crl.revoked.size,
        issuerKnown: cas.some(({ c }) => equalBytes(c.subject.der, crl.issuer.der)),
        stale: crl.nextUpdate !== undefined && crl.nextUpdate.getTime() < now.getTime(),
      })),
    };
  }

  return {
    dir,
    current: () => loaded,
    view,
    async folderIsEmpty() {
      if (!dir) return false;
      const files = await trustFiles(dir);
      return files === null || files.length === 0;
    },
    async reload() {
      if (!dir || (await this.folderIsEmpty())) {
        // Nothing configured or nothing there yet: no CA is recognised, every certificate is refused.
        loaded = { store: new TrustStore(), crls: [], loadedAt: clock.now() };
        return view();
      }
      try {
        const { store, crls } = await loadTrustStoreFromDir(dir);
        loaded = { store, crls, loadedAt: clock.now() };
      } catch (err) {
        if (err instanceof CryptoError) {
          throw new DomainError('TRUST_STORE_INVALID', `trust store ${dir}: ${err.reason}`, { cryptoCode: err.code });
        }
        throw err;
      }
      return view();
    },
  };
}
