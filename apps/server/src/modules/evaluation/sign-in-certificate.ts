import { evaluationSignInPayload, type EvaluationSignInCertificate, type Sitting } from '@bidhall/contracts';
import { publicKeyFromPem, verifyJson, type JsonSignature } from '@bidhall/crypto';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { EvaluationDeps } from './evaluation.deps.ts';
import { consumeSignInChallenge } from './sign-in-challenge.ts';
import { venueTables } from './venues/venue.tables.ts';

/**
 * The certificate half of the evaluation sign-in (A-155, decision 0026): the member signs
 * {action: 'evaluationSignIn', sectionId, nonce} with a certificate bound to its own account (an expert's
 * personal certificate, a representative's entity certificate bound in its name). Runs after the device
 * check: in an evaluation with venues that check has taken the nonce, and the certificate must sign the
 * same one; otherwise the nonce is taken here. Returns the certificate's fingerprint for the audit.
 */
export async function checkSignInCertificate(
  trx: Db,
  deps: Pick<EvaluationDeps, 'clock' | 'personalCertificate'>,
  args: { sectionId: string; sitting: Sitting; userId: string; certificate: EvaluationSignInCertificate; deviceNonce: string | undefined },
): Promise<string> {
  const { sectionId, sitting, userId, certificate } = args;
  const venues = await venueTables(trx).selectFrom('evaluation.venue_assignment').select('venue_id').where('section_id', '=', sectionId).where('sitting', '=', sitting).limit(1).execute();
  if (venues.length) {
    if (certificate.nonce !== args.deviceNonce) throw new DomainError('CHALLENGE_UNKNOWN', 'the certificate and the workstation sign the same sign-in challenge');
  } else {
    await consumeSignInChallenge(trx, deps.clock.now(), { sectionId, sitting, userId, nonce: certificate.nonce });
  }
  const cert = await deps.personalCertificate(trx, userId, certificate.certificatePem);
  let ok: boolean;
  try {
    ok = verifyJson(evaluationSignInPayload(sectionId, certificate.nonce), certificate.signature as JsonSignature, publicKeyFromPem(cert.publicKeyPem));
  } catch {
    ok = false;
  }
  if (!ok) throw new DomainError('EVALUATION_SIGN_IN_SIGNATURE_INVALID', 'the signature is not over this sign-in challenge by your certificate');
  return cert.fingerprint;
}
