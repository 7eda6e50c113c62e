import {
  canonicalText,
  TENDER_DOCUMENT_COMMITMENT,
  type AttachmentView,
  type BidPart,
  type BidSummaryField,
  type ChapterView,
  type DocumentKind,
  type EvaluationMethod,
  type ReviewMethod,
} from '@bidhall/contracts';
import { canonicalJson, sm3, toHex } from '@bidhall/crypto';

/**
 * One tender document: a canonical JSON manifest (RFC 8785) of the chapters, the method, the bid
 * structure, the attachments and the imported bill of quantities by SM3 and the commitment (task 18). Its SM3 is the document hash; the
 * tenderer signs exactly these bytes. Every issued clarification makes a new version with the
 * clarification listed (B-015); the rest stays byte-for-byte what was signed.
 */
export interface DocumentManifest {
  format: 'bidhall.tenderDocument/1';
  documentId: string;
  kind: DocumentKind;
  version: number;
  section: { id: string; code: string; name: string; round: number; projectName: string; approvalCode: string; regionCode: string };
  tenderer: { entityId: string; name: string };
  template: { code: string };
  chapters: ChapterView[];
  method: EvaluationMethod | ReviewMethod;
  bidParts: BidPart[];
  bidSummaryFields: BidSummaryField[];
  attachments: { name: string; kind: string; mediaType: string; sm3: string; size: number }[];
  commitment: { version: string; sm3: string };
  /** A works document's imported bill of quantities, by the SM3 of its canonical JSON; absent without one. */
  billOfQuantities?: { format: 'bidhall-boq/1'; version: number; sm3: string; sourceEncoding: 'json' | 'xml'; sourceSm3: string; items: number };
  packagedAt: string;
  /** Absent in version 1; the clarifications issued since, in order. */
  clarifications?: { number: number; kind: string; title: string; contentSm3: string; issuedAt: string }[];
  /** Absent in version 1; the SM3 of the signed version 1. */
  signedVersionSm3?: string;
}

export const commitmentText = () => canonicalText(TENDER_DOCUMENT_COMMITMENT);
export const commitmentSm3 = () => toHex(sm3(commitmentText()));

export function manifestBytes(m: DocumentManifest): Uint8Array {
  return canonicalJson(m);
}

export function manifestSm3(m: DocumentManifest): string {
  return toHex(sm3(manifestBytes(m)));
}

export function attachmentEntries(a: AttachmentView[]): DocumentManifest['attachments'] {
  return [...a]
    .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
    .map((x) => ({ name: x.name, kind: x.kind, mediaType: x.mediaType, sm3: x.sm3, size: x.size }));
}
