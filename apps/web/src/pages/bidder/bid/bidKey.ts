// The bidder's signing key for a bid, read from the certificate file and its PKCS#8 key file the user
// picks (as the certificate login reads them). The key stays in this page's memory: it signs the
// manifest, a withdrawal or a confirmation, and its public half is what every content key is wrapped to.
import { CryptoError, keyId, parseCertificate, privateKeyFromPem, signJson, suiteForKey, type JsonSignature, type PrivateKey } from '@bidhall/crypto/browser';
import { readPrivateKeyFile } from '../../../trust/certificateFile.ts';
import { loadCertificateFile, type CertificateSummary } from '../../../trust/keyProvider.ts';

export interface BidSigner {
  /** The certificate as the API takes it (PEM, the chain after it when the file has one). */
  certificatePem: string;
  summary: CertificateSummary;
  key: PrivateKey;
  suite: 'gm' | 'intl';
  sign: (value: unknown) => JsonSignature;
}

/** Reads both files and checks that the key is the certificate's; throws CertificateFileError or CryptoError. */
export async function loadBidSigner(certificateFile: File, keyFile: File): Promise<BidSigner> {
  const [cert, keyText] = await Promise.all([loadCertificateFile(certificateFile), readPrivateKeyFile(keyFile)]);
  const parsed = parseCertificate(cert.pem);
  if (!parsed.publicKey || (parsed.keyAlg !== 'sm2' && parsed.keyAlg !== 'p256')) {
    throw new CryptoError('UNSUPPORTED_ALGORITHM', 'a bid is sealed with an SM2 or P-256 key');
  }
  const key = privateKeyFromPem(keyText.pem);
  if (keyId(parsed.publicKey) !== keyId(key.publicKey)) throw new CryptoError('BAD_KEY', 'the private key does not belong to the certificate');
  return {
    certificatePem: cert.pem,
    summary: cert.summary,
    key,
    suite: suiteForKey(key).id,
    sign: (value) => signJson(value, key),
  };
}
