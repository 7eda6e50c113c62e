/**
 * A counter-mode deterministic bit generator from SM3: block_i = SM3(label || seed || u64be(i)).
 * Anyone with the seed regenerates the same stream; without it the stream is unpredictable.
 */
import { sm3 } from '../hash/hash.ts';
import { u64be, utf8 } from '../util/bytes.ts';
import { CryptoError } from '../errors.ts';

const LABEL = utf8('bidhall/v1/draw-drbg');

export class Sm3CounterDrbg {
  private counter = 0;
  private block: Uint8Array = new Uint8Array(0);
  private offset = 0;
  /** Number of 32-bit words handed out (part of the draw's audit trail). */
  words = 0;
  private readonly seed: Uint8Array;

  constructor(seed: Uint8Array) {
    if (seed.length < 16) throw new CryptoError('MALFORMED_INPUT', 'draw seed must be at least 16 bytes');
    this.seed = Uint8Array.from(seed);
  }

  nextUint32(): number {
    if (this.offset + 4 > this.block.length) {
      this.block = sm3(LABEL, this.seed, u64be(this.counter++));
      this.offset = 0;
    }
    const v = new DataView(this.block.buffer, this.block.byteOffset + this.offset, 4).getUint32(0, false);
    this.offset += 4;
    this.words++;
    return v;
  }
}

/**
 * A uniform integer in [0, n) from 32-bit words by rejection sampling: words at or above the largest
 * multiple of n below 2^32 are discarded, so every result has exactly the same probability.
 */
export function uniformBelow(n: number, nextWord: () => number): number {
  if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new CryptoError('MALFORMED_INPUT', `cannot draw below ${n}`);
  const limit = 2 ** 32 - (2 ** 32 % n);
  for (;;) {
    const w = nextWord();
    if (w < limit) return w % n;
  }
}
