/**
 * @bidhall/crypto, Node entry: everything in browser.ts with the OpenSSL (node:crypto) backend
 * installed for SM3, SM4, HMAC and AES-GCM, plus the Node-only pieces: streaming seal/unseal and
 * loading a CA folder.
 */
import './node/install.ts';

export * from './browser.ts';
export { sealStream, unsealStream, type ByteSource, type NodeSealed, type NodeUnsealed } from './node/seal-stream.ts';
export { loadTrustStoreFromDir, type LoadedCaDir } from './node/trust-store-dir.ts';
