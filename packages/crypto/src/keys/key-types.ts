/** Key material as plain bytes, so keys move between Node, the browser and storage unchanged. */
export type KeyAlg = 'sm2' | 'p256';

export interface PublicKey {
  readonly alg: KeyAlg;
  /** Uncompressed SEC1 point: 04 || x || y (65 bytes). */
  readonly point: Uint8Array;
}

export interface PrivateKey {
  readonly alg: KeyAlg;
  /** The private scalar, 32 bytes big-endian. */
  readonly d: Uint8Array;
  readonly publicKey: PublicKey;
}
