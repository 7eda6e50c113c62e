import type { CryptoError} from '@bidhall/crypto';
import { fromBase64, isCryptoError, verifyCmsDetached } from '@bidhall/crypto';
import { z } from 'zod';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { Clock } from '@bidhall/rules';
import type { CertificateTrust } from './certificate-trust.ts';

const base64 = z.string().min(4).max(1_400_000).regex(/^[A-Za-z0-9+/=\s]+$/, 'base64');

const signerView = z.object({
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  fingerprint: z.string(),
  notAfter: z.string(),
  signingTime: z.string().nullable(),
  chainLength: z.number().int(),
});

function bytes(text: string, what: string): Uint8Array {
  try {
    return fromBase64(text.replace(/\s/g, ''));
  } catch {
    throw new DomainError('VALIDATION_FAILED', `${what} is not base64`);
  }
}

/**
 * F-08 on the server: a detached CMS signature (GM/T 0010 with SM2, or RFC 5652) over a document is
 * checked against the recognised CAs, at the signing time the signature states.
 */
export function registerSignatureVerifyRoutes(app: AppInstance, deps: { trust: CertificateTrust; clock: Clock }) {
  app.post(
    '/api/v1/signatures/verify',
    {
      config: { access: { authenticated: true, scope: { none: 'checks a signature the caller brings against the trust store' } } },
      schema: {
        tags: ['certificates'],
        summary: 'Verify a detached CMS signature over a document against the recognised CAs',
        body: z.strictObject({ content: base64, signature: base64 }),
        response: {
          200: z.discriminatedUnion('valid', [
            z.object({ valid: z.literal(true), form: z.enum(['rfc5652', 'gmt0010']), signers: z.array(signerView) }),
            z.object({ valid: z.literal(false), code: z.string(), reason: z.string() }),
          ]),
        },
      },
    },
    async (request) => {
      const content = bytes(request.body.content, 'content');
      const cms = bytes(request.body.signature, 'signature');
      const { store, crls } = deps.trust.current();
      try {
        const result = await verifyCmsDetached(cms, content, { store, crls });
        return {
          valid: true as const,
          form: result.form,
          signers: result.signers.map((s) => ({
            subject: s.cert.subject.text,
            issuer: s.cert.issuer.text,
            serialNumber: s.cert.serialNumber,
            fingerprint: s.cert.fingerprint,
            notAfter: s.cert.notAfter.toISOString(),
            signingTime: s.signingTime ? s.signingTime.toISOString() : null,
            chainLength: s.chain?.chain.length ?? 0,
          })),
        };
      } catch (err) {
        if (isCryptoError(err)) return { valid: false as const, code: (err as CryptoError).code, reason: (err as CryptoError).reason };
        throw err;
      }
    },
  );
}
