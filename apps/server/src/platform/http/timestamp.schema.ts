import { z } from 'zod';

export const timestampToken = z.object({
  version: z.literal(1),
  hashAlg: z.enum(['SM3', 'SHA-256']),
  messageImprint: z.string(),
  genTime: z.string(),
  serial: z.string(),
  tsa: z.string(),
  signature: z.object({ alg: z.enum(['SM2-SM3', 'ES256']), keyId: z.string(), sig: z.string() }),
});
