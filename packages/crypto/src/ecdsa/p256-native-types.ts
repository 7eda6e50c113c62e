/** ECDSA P-256 / ECDH operations a backend may provide natively (OpenSSL in Node). */
export interface P256Native {
  /** DER ECDSA signature with SHA-256 over `message` (the backend hashes). */
  sign(privateKey: Uint8Array, message: Uint8Array): Uint8Array;
  /** Verifies a DER signature over `message`; throws when the key is not a valid point. */
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
  /** ECDH: the shared x-coordinate (32 bytes); throws when the point is not on the curve. */
  ecdhX(privateKey: Uint8Array, publicKey: Uint8Array): Uint8Array;
  /** A fresh key pair: 32-byte scalar and 65-byte uncompressed point. */
  generate(): { d: Uint8Array; point: Uint8Array };
}
