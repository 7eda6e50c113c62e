/**
 * The file-based KeyProvider: a certificate (PEM) and its PKCS#8 private key (PEM), as `bidhall
 * demo-ca` writes them. `pemKeyProvider` uses only @bidhall/crypto functions that its browser entry
 * also exports and Web Crypto (for RSA), so a browser login can do exactly the same.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { KeyProvider } from '@bidhall/contracts';
import { CryptoError, decodePem, keyId, parseCertificate, privateKeyFromPem, suiteForKey } from '@bidhall/crypto';

export function pemKeyProvider(options: { certificatePem: string; privateKeyPem: string; label?: string }): KeyProvider {
  const cert = parseCertificate(options.certificatePem);
  const label = options.label ?? cert.subject.text;
  const certificate = async () => options.certificatePem;
  if (cert.keyAlg === 'rsa') {
    const der = decodePem(options.privateKeyPem, 'PRIVATE KEY').der;
    const key = globalThis.crypto.subtle.importKey(
      'pkcs8',
      der.slice().buffer,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    return {
      label,
      certificate,
      sign: async (data) =>
        new Uint8Array(await globalThis.crypto.subtle.sign('RSASSA-PKCS1-v1_5', await key, data.slice().buffer)),
    };
  }
  const key = privateKeyFromPem(options.privateKeyPem);
  if (!cert.publicKey || keyId(cert.publicKey) !== keyId(key.publicKey)) {
    throw new CryptoError('BAD_KEY', 'the private key does not belong to the certificate');
  }
  // SM2 signs with SM3 and the default signer ID 1234567812345678; P-256 with SHA-256.
  return { label, certificate, sign: async (data) => suiteForKey(key).sign(key, data) };
}

/** The same, from a certificate file and a key file. */
export async function fileKeyProvider(certFile: string, keyFile: string): Promise<KeyProvider> {
  const [certificatePem, privateKeyPem] = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile, 'utf8')]);
  return pemKeyProvider({ certificatePem, privateKeyPem, label: basename(certFile) });
}
