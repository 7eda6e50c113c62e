import { randomUUID } from 'node:crypto';
import { signJson, verifyJson, type PublicKey } from '@bidhall/crypto';
import type { Clock } from '@bidhall/rules';
import type { PlatformSigningKey } from '../keys/signing-key.ts';
import type { TimestampToken } from '@bidhall/crypto/log-verify';

/**
 * A timestamp token in the spirit of RFC 3161: the platform's time authority states that a hash
 * existed at `genTime`, signed with the platform's SM2 key over RFC 8785 canonical JSON. The host's
 * clock is kept on the national time service (see docs/deployment.md), and the time source checks it
 * (decision 0015): while it cannot vouch for the clock, no token is issued (TIME_UNTRUSTED).
 */
export type { TimestampToken };

type Unsigned = Omit<TimestampToken, 'signature'>;

function unsigned(t: TimestampToken | Unsigned): Unsigned {
  return { version: t.version, hashAlg: t.hashAlg, messageImprint: t.messageImprint, genTime: t.genTime, serial: t.serial, tsa: t.tsa };
}

export interface TimeAuthority {
  stamp(hashAlg: TimestampToken['hashAlg'], messageImprint: string): TimestampToken;
}

export function createTimeAuthority(deps: { clock: Clock; signingKey: PlatformSigningKey; guard?: { assertTrusted(action: string): void } }): TimeAuthority {
  return {
    stamp(hashAlg, messageImprint) {
      deps.guard?.assertTrusted('issuing a timestamp');
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
