/**
 * B-024 (政府采购法 第三十六条第一款第（一）项): in government procurement, fewer than three suppliers
 * meeting the qualification requirements or responding substantively to the tender document make the
 * tender fail (废标); the section is tendered again. Under the Tendering Law the committee may still
 * recommend fewer candidates: whether fewer than three valid bids lack competition is its judgement
 * (评标委员会和评标方法暂行规定 第二十七条).
 */
import { isGovernmentProcurement, type ProcurementKind } from '../timetable.ts';

/** Government procurement: at least three compliant suppliers, or the tender fails. */
export const GP_MIN_COMPLIANT_SUPPLIERS = 3;

export interface TenderFailure {
  code: 'GP_FEWER_THAN_THREE_COMPLIANT';
  source: string;
  /** The bids that passed the qualification and compliance review. */
  compliant: number;
  required: number;
}

export const GP_FAILED_TENDER_SOURCE = '中华人民共和国政府采购法 第三十六条第一款第（一）项';

/** Whether the evaluation of a section of this kind, with this many compliant bids, ends the tender; null when it goes on. */
export function tenderFailure(kind: ProcurementKind, compliant: number): TenderFailure | null {
  if (!Number.isSafeInteger(compliant) || compliant < 0) throw new RangeError(`a count of compliant bids, not ${compliant}`);
  if (!isGovernmentProcurement(kind) || compliant >= GP_MIN_COMPLIANT_SUPPLIERS) return null;
  return {
    code: 'GP_FEWER_THAN_THREE_COMPLIANT',
    source: GP_FAILED_TENDER_SOURCE,
    compliant,
    required: GP_MIN_COMPLIANT_SUPPLIERS,
  };
}
