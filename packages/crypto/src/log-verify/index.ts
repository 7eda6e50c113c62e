/**
 * `@bidhall/crypto/log-verify`: the one verifier of the public log, shared by the CLI, the witness and
 * the web app. Browser-safe: nothing here imports a Node built-in (its test bundles it to prove it).
 */
export { allPassed, firstFailure, passed, failed, skipped, reasonOf, type Check } from './checks.ts';
export {
  checkLogReceipt,
  readLogReceipt,
  isSignedTreeHead,
  entryPositionCheck,
  treeHeadCheck,
  inclusionCheck,
  timestampCheck,
  type LogReceipt,
  type ReceiptResult,
  type TimestampToken,
} from './receipt.ts';
export { LOG_ENTRIES_PAGE, LOG_HEADS_PAGE, type LogSource } from './source.ts';
export {
  verifyWholeLog,
  allHeads,
  LogFailure,
  type LogFailureReason,
  type LogProgress,
  type WholeLogResult,
} from './whole-log.ts';
export { judgeHeads, checkSince, checkHeads, type HeadVerdict, type HeadFailure } from './heads.ts';
export { auditCommittedJson, auditCommitment, checkAuditRow, type AuditCommitted, type AuditRowEvidence } from './audit.ts';
export { COSIGNATURE_KIND, cosignTreeHead, verifyCosignature, cosignatureNames, type Cosignature } from './cosign.ts';
