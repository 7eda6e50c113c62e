import type { ContractContent, ContractInput, SectionSnapshotView } from '@bidhall/contracts';
import { canonicalJson, sm3, toHex } from '@bidhall/crypto';
import type { AwardedSection, ContractTerms, WinningBidSummary } from './contract.deps.ts';

/**
 * The contract as the parties sign it: the parties and the price from the award (never
 * typed by anyone), the duration and quality the winning bid offered at the opening (else the document's
 * requirement), the document's contract chapter, and the tenderer's own title, manager and clauses.
 */
export function buildContent(p: {
  contractId: string;
  section: Pick<SectionSnapshotView, 'id' | 'code' | 'name' | 'projectName' | 'tendererName'>;
  awarded: AwardedSection;
  terms: ContractTerms | null;
  bid: WinningBidSummary | null;
  input: ContractInput;
}): ContractContent {
  const { awarded, terms, bid, input } = p;
  return {
    format: 'bidhall.contract/1',
    contractId: p.contractId,
    sectionId: p.section.id,
    round: awarded.round,
    title: input.title,
    project: { projectName: p.section.projectName, sectionCode: p.section.code, sectionName: p.section.name },
    tenderer: { entityId: awarded.tendererEntityId, name: p.section.tendererName },
    winner: { entityId: awarded.winnerEntityId, name: awarded.winnerEntityName, bidId: awarded.winnerBidId },
    priceFen: awarded.priceFen,
    durationDays: bid?.durationDays ?? terms?.durationDays ?? null,
    quality: bid?.quality ?? terms?.qualityStandard ?? null,
    // The bid's manager when the readout names one; the tenderer copies it from the bid otherwise.
    projectManager: input.projectManager || bid?.projectManager || '',
    awardNoticeAt: awarded.awardNoticeAt.toISOString(),
    document: terms ? { id: terms.documentId, version: terms.version, contentSm3: terms.contentSm3 } : null,
    terms: { paymentTerms: terms?.paymentTerms ?? null, specialTerms: terms?.specialTerms ?? null },
    clauses: input.clauses.map((c) => ({ title: c.title, text: c.text })),
  };
}

/** Hex SM3 of the content's RFC 8785 canonical JSON: what each side signs. */
export function contentSm3(content: ContractContent): string {
  return toHex(sm3(canonicalJson(content)));
}
