import { CONTRACT_ARCHIVE_FORMAT, type ContractArchive, type ContractContent, contractSigningPayload } from '@bidhall/contracts';
import type { JsonSignature } from '@bidhall/crypto';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { json } from './contract.deps.ts';
import type { ContractReading } from './contract.read.ts';

/**
 * The concluded contract's archive package (task 18, decision 0043): the content both sides signed, its
 * SM3, and each side's signature with the certificate it was made with — everything a reader needs to
 * check the contract offline, without the platform.
 */
export function createContractArchive(
  reading: Pick<ContractReading, 'current' | 'signaturesOf'>,
  db: Parameters<ContractReading['current']>[0],
) {
  return async function archive(sectionId: string): Promise<ContractArchive> {
    // Nothing is archived before the contract is concluded, drafted or not.
    const c = await reading.current(db, sectionId);
    if (!c || c.state !== 'concluded' || !c.concluded_at)
      throw new DomainError(
        'CONTRACT_STATE_CONFLICT',
        `the contract is ${c?.state ?? 'not drafted'}: only a concluded contract is archived`,
        {
          state: c?.state ?? null,
        },
      );
    const signatures = await reading.signaturesOf(db, c.id, c.content_sm3);
    return {
      format: CONTRACT_ARCHIVE_FORMAT,
      contractId: c.id,
      sectionId: c.section_id,
      round: c.round,
      content: json<ContractContent>(c.content),
      contentSm3: c.content_sm3,
      concludedAt: c.concluded_at.toISOString(),
      publicationId: c.publication_id,
      signatures: signatures.map((s) => ({
        side: s.side,
        entityName: s.entity_name,
        signedAt: s.signed_at.toISOString(),
        certificateFingerprint: s.certificate_fingerprint,
        certificatePem: s.certificate_pem,
        payload: contractSigningPayload(c.section_id, c.id, s.content_sm3) as ContractArchive['signatures'][number]['payload'],
        signature: json<JsonSignature>(s.signature),
      })),
    };
  };
}
