/**
 * @bidhall/crypto for the browser (and any runtime without node:crypto): every primitive runs in
 * pure JavaScript or Web Crypto. Nothing reachable from this file imports a Node built-in (a test
 * bundles it for the browser to prove it). The Node entry, index.ts, re-exports all of this with
 * OpenSSL-backed primitives installed, plus streaming and file-system helpers.
 */
export { CryptoError, isCryptoError, type CryptoErrorCode } from './errors.ts';
export { toHex, fromHex, toBase64, fromBase64, utf8, fromUtf8, concat, equalBytes } from './util/bytes.ts';
export { randomBytes } from './util/random.ts';
export { encodePem, decodePem, decodePemAll, type PemBlock } from './util/pem.ts';

// Algorithms
export { sm3, sha256, hash, hmac, hmacSm3, createHash, createHmac, type HashAlg, type Hasher } from './hash/hash.ts';
export { backend, installBackend, type Backend } from './hash/backend.ts';
export { gmSuite, intlSuite, suite, suiteForKey, suiteForSignatureAlg, type Suite, type SuiteId, type SignatureAlg, type SignOptions } from './suite/suite.ts';
export { DEFAULT_SIGNER_ID, sm2Sign, sm2Verify, sm2Za, sm2Digest, encodeSm2Signature, decodeSm2Signature } from './sm2/sign.ts';
export { sm2Encrypt, sm2Decrypt, type Sm2CipherEncoding } from './sm2/encrypt.ts';
export { webCryptoP256Sign, webCryptoP256Verify, derToP1363, p1363ToDer } from './ecdsa/webcrypto.ts';
export { sm4CtrHmacSm3, aes256Gcm, aeadFor, type Aead, type AeadAlg, type PreparedAead } from './sym/aead.ts';

// Keys
export type { KeyAlg, PublicKey, PrivateKey } from './keys/key-types.ts';
export {
  encodePkcs8,
  decodePkcs8,
  encodeSpki,
  decodeSpki,
  privateKeyToPem,
  privateKeyFromPem,
  publicKeyToPem,
  publicKeyFromPem,
  privateKeyFromScalar,
  publicKeyFromPoint,
} from './keys/pkcs8.ts';
export { keyId } from './keys/key-id.ts';

// Certificates
export { parseCertificate, parseCertificates, isSelfIssued, type Certificate, type CertKeyAlg, type KeyUsageName, type AlgorithmId } from './cert/certificate.ts';
export { decodeName, nameValues, type DistinguishedName, type NameAttribute } from './cert/name.ts';
export { parseCrl, verifyCrl, type Crl, type CrlReason, type RevokedEntry } from './cert/crl.ts';
export type { OcspChecker, OcspResult } from './cert/ocsp.ts';
export {
  certIdOf,
  encodeOcspRequest,
  parseOcspRequest,
  parseOcspResponse,
  issueOcspResponse,
  encodeOcspError,
  verifyOcspResponse,
  OCSP_OID,
  type CertId,
  type OcspRequest,
  type OcspResponse,
  type OcspResponseStatus,
  type SingleOcspResponse,
  type VerifyOcspOptions,
} from './cert/ocsp-message.ts';
export { createOcspResponder, type OcspResponderParams, type OcspStatusOf } from './cert/ocsp-responder.ts';
export { TrustStore } from './cert/trust-store.ts';
export { verifyChain, type VerifyChainOptions, type ChainResult, type CertPurpose } from './cert/verify-chain.ts';
export { verifySignedBytes } from './cert/verify-signature.ts';
export { keySigner, rsaSigner, type CertSigner } from './cert/signer.ts';
export { issueCertificate, issueCrl, encodeName, type NameSpec, type IssueCertificateParams, type IssueCrlParams } from './cert/issue.ts';
export { createDemoCa, createDemoPki, issueEntityCertificate, issueDemoCrl, issueOcspResponderCertificate, type DemoCa, type DemoCaSpec, type EntityCertSpec } from './cert/demo-pki.ts';
export { certificateMatchesEntityName, assertCertificateMatchesEntity, normaliseEntityName, type EntityIdentity } from './cert/entity-name.ts';

// Signatures over documents and data
export { canonicalJson, signJson, verifyJson, assertJsonSignature, type JsonSignature } from './sig/json-signature.ts';
export { signCmsDetached, CMS_GM, CMS_INTL, type CmsSigner, type CmsSignOptions } from './cms/cms-sign.ts';
export { verifyCmsDetached, type CmsVerifyOptions, type CmsVerifyResult, type CmsSignerResult } from './cms/cms-verify.ts';

// Sealed envelopes
export { PART_FORMAT, DEFAULT_CHUNK_SIZE, MAGIC as SEALED_PART_MAGIC, MAX_HEADER_SIZE as MAX_PART_HEADER_SIZE, validateHeader as validatePartHeader, type PartHeader, type PartDigest, type CustodianShare, type WrappedForBidder } from './envelope/format.ts';
export { keyCheck, openShare, recoverContentKey, unwrapForBidder, type OpenedShare, type Recipients, type CustodianKey } from './envelope/key-wrap.ts';
export {
  sealIterable,
  sealBytes,
  unsealIterable,
  unsealBytes,
  readSealedHeader,
  sealedHeaderOf,
  webStreamIterable,
  type SealOptions,
  type KeySource,
  type SealedPartStream,
  type UnsealedPartStream,
} from './envelope/part.ts';
export type { UnsealExpectations } from './envelope/chunks.ts';
export { sealBidSummary, unsealBidSummary, BID_SUMMARY_PART, type SealedBidSummary } from './envelope/bid-summary.ts';
export {
  MANIFEST_FORMAT,
  buildManifest,
  manifestPart,
  signManifest,
  verifyManifest,
  expectedPart,
  type BidManifest,
  type ManifestBond,
  type ManifestDocument,
  type ManifestPart,
  type PreparationFingerprint,
  type SignedManifest,
} from './envelope/manifest.ts';

// Transparency log (RFC 9162 shape, SM3)
export { HASH_SIZE, SM3_MERKLE, merkleHash, leafHash, nodeHash, emptyRoot, type MerkleHash } from './merkle/hashes.ts';
export { treeRoot, subtreeRoot, inclusionProof, consistencyProof, memorySource, type TreeSource } from './merkle/tree.ts';
export { verifyInclusion, verifyConsistency, rootFromInclusionProof } from './merkle/verify.ts';
export { MerkleAccumulator } from './merkle/accumulator.ts';
export { makeTreeHead, signTreeHead, verifyTreeHead, type TreeHead, type SignedTreeHead } from './merkle/tree-head.ts';

// Verifiable draws
export {
  commit,
  verifyCommitment,
  drawSeed,
  draw,
  prepareDraw,
  poolHash,
  canonicalPool,
  canonicalConstraints,
  constraintsHash,
  selectionHash,
  type DrawParams,
  type DrawResult,
  type DrawConstraints,
  type CanonicalConstraints,
} from './draw/draw.ts';
export { Sm3CounterDrbg, uniformBelow } from './draw/drbg.ts';
