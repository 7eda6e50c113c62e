import { randomUUID } from 'node:crypto';
import { signJson, verifyJson, type JsonSignature, type PublicKey } from '@bidhall/crypto';
import type { Clock } from '@bidhall/rules';
import type { PlatformSigningKey } from '../keys/signing-key.ts';

/**
 * A timestamp token in the spirit of RFC 3161: the platform's time authority states that a hash
 * existed at `genTime`, signed with the platform's SM2 key over RFC 8785 canonical JSON. The host's
 * clock is kept on the national time service (see docs/deployment.md), which is what F-07 asks.
 */
export interface TimestampToken {
  version: 1;
  hashAlg: 'SM3' | 'SHA-256';
  /** Hex digest of the stamped data. */
  messageImprint: string;
  genTime: string;
  serial: string;
  /** keyId of the time authority's key. */
  tsa: string;
  signature: JsonSignature;
}

type Unsigned = Omit<TimestampToken, 'signature'>;

function unsigned(t: TimestampToken | Unsigned): Unsigned {
  return { version: t.version, hashAlg: t.hashAlg, messageImprint: t.messageImprint, genTime: t.genTime, serial: t.serial, tsa: t.tsa };
}

export interface TimeAuthority {
  stamp(hashAlg: TimestampToken['hashAlg'], messageImprint: string): TimestampToken;
}

export function createTimeAuthority(deps: { clock: Clock; signingKey: PlatformSigningKey }): TimeAuthority {
  return {
    stamp(hashAlg, messageImprint) {
      const body: Unsigned = {
        version: 1,
        hashAlg,
        messageImprint: messageImprint.toLowerCase(),
        genTime: deps.clock.now().toISOString(),
        serial: randomUUID(),
        tsa: deps.signingKey.keyId,
      };
      return { ...body, signature: signJson(body, deps.signingKey.key) };
    },
  };
}

/** True when the token is signed by `key` and stamps `messageImprint`. */
export function verifyTimestampToken(token: TimestampToken, key: PublicKey, messageImprint?: string): boolean {
  if (messageImprint && token.messageImprint !== messageImprint.toLowerCase()) return false;
  return verifyJson(unsigned(token), token.signature, key);
}
