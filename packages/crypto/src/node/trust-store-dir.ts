/** Node only: a TrustStore from a folder of CA certificates (PEM or DER, one or many per file). */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CryptoError } from '../errors.ts';
import { parseCertificates } from '../cert/certificate.ts';
import { TrustStore } from '../cert/trust-store.ts';
import { parseCrl, type Crl } from '../cert/crl.ts';

const CERT_FILE = /\.(pem|crt|cer|der)$/i;
const CRL_FILE = /\.(crl)$/i;

export interface LoadedCaDir {
  store: TrustStore;
  /** CRLs found in the same folder (*.crl). */
  crls: Crl[];
}

export async function loadTrustStoreFromDir(dir: string): Promise<LoadedCaDir> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (err) {
    throw new CryptoError('MALFORMED_INPUT', `cannot read CA folder ${dir}`, { cause: err });
  }
  const store = new TrustStore();
  const crls: Crl[] = [];
  for (const name of names) {
    if (!CRL_FILE.test(name) && !CERT_FILE.test(name)) continue;
    const bytes = new Uint8Array(await readFile(join(dir, name)));
    if (CRL_FILE.test(name)) {
      crls.push(wrap(name, () => parseCrl(bytes)));
      continue;
    }
    for (const cert of wrap(name, () => parseCertificates(bytes))) store.add(cert);
  }
  if (store.anchors.length === 0) throw new CryptoError('CERT_UNTRUSTED', `no root CA certificate found in ${dir}`);
  return { store, crls };
}

function wrap<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof CryptoError) throw new CryptoError(err.code, `${file}: ${err.reason}`, { cause: err });
    throw err;
  }
}
