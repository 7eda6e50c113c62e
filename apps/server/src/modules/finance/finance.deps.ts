import type { GuaranteeTerms, SectionSnapshotView } from '@bidhall/contracts';
import type { Clock, HolidayCalendar } from '@bidhall/rules';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { Kysely } from 'kysely';
import type { AuditTrail } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import type { TransparencyLog } from '../../platform/log/transparency-log.ts';
import type { FinanceTables } from './finance.tables.ts';

/** projects → finance: a section (its round, region, tenderer and timetable). */
export interface SectionsPort {
  get(trx: Db, id: string): Promise<SectionSnapshotView | null>;
}

/** documents → finance: what the section's issued tender document asks of a bond, and who holds it. */
export interface BondDocumentsPort {
  /** The entity obtained the section's issued document for the current round. */
  isHolder(trx: Db, sectionId: string, entityId: string): Promise<boolean>;
  /** The issued document's instructions.bidBondFen (0 when none) and bidValidityDays; null when none is issued. */
  bondTerms(trx: Db, sectionId: string): Promise<{ bidBondFen: bigint; bidValidityDays: number | null } | null>;
}

/** identity → finance: market entities by id or credit code. */
export interface EntitiesPort {
  get(trx: Db, id: string): Promise<{ id: string; name: string; creditCode: string; roles: string[]; status: string } | null>;
  byCreditCode(trx: Db, creditCode: string): Promise<{ id: string; name: string; creditCode: string; roles: string[]; status: string } | null>;
}

/** identity → finance: a detached CMS by a certificate bound to the entity (valid, recognised, not revoked). */
export type VerifyEntitySignaturePort = (
  entityId: string,
  content: Uint8Array,
  signatureBase64: string,
  db?: Db,
) => Promise<{ subject: string; fingerprint: string; serialNumber: string; signingTime: string | null }>;

/** bidding → finance: whether the entity has a live (submitted, not withdrawn) bid on the section's round. */
export interface BidsPort {
  hasLiveBid(trx: Db, sectionId: string, round: number, entityId: string): Promise<boolean>;
}

/**
 * The settlement bank's payment interface (decision 0033): pays out of the settlement account, once per
 * instruction id however often asked, answering with the booking (serial, time, amount) it made.
 */
export interface BankPort {
  pay(instruction: { instructionId: string; amountFen: bigint; payeeAccount: string; payeeName: string; memo: string }): Promise<{ bankSerial: string; bookedAt: Date; amountFen: bigint }>;
}

/**
 * The issuers' interface (电子保函 one-stop, decision 0037): every issuer (bank, insurer, guarantee
 * company) the platform deals with, behind one port. Each call names the platform's id for it — the
 * application, the claim — and the issuer acts once per id however often asked: a repeat is answered
 * with what it did the first time. Guarantees and invoices come back signed (detached CMS over the
 * canonical JSON) with a certificate bound to the issuer's entity, and the platform verifies them.
 */
export interface IssuerOffer {
  entityId: string;
  kind: 'bank' | 'insurer' | 'guaranteeCompany';
  /** Premium rate on the guaranteed amount, basis points; never less than the minimum. */
  rateBp: number;
  minimumPremiumFen: bigint;
}
export interface IssuedGuarantee {
  /** canonicalJson(GuaranteeTerms), as signed. */
  content: string;
  signature: string;
  invoice: { content: string; signature: string };
}
export interface GuaranteeIssuerPort {
  offers(): Promise<IssuerOffer[]>;
  quote(q: { issuerEntityId: string; amountFen: bigint; validFrom: Date; validUntil: Date }): Promise<{ premiumFen: bigint; rateBp: number }>;
  /** Accepts the application (terms without the number, which the issuer gives at issuance) at the quoted premium. */
  apply(a: {
    applicationId: string;
    issuerEntityId: string;
    terms: Omit<GuaranteeTerms, 'guaranteeNumber'>;
    principal: { name: string; creditCode: string };
    premiumFen: bigint;
  }): Promise<{ reference: string }>;
  /** The premium, paid once per application. */
  payPremium(p: { applicationId: string; amountFen: bigint; payerAccount: string; payerName: string }): Promise<{ serial: string; paidAt: Date; amountFen: bigint }>;
  /** The signed guarantee and e-invoice of a paid application (the same ones again when asked again). */
  issue(applicationId: string): Promise<IssuedGuarantee>;
  /** A claim paid to the beneficiary, once per claim id. */
  payClaim(c: { claimId: string; applicationId: string; guaranteeNumber: string; amountFen: bigint; payeeAccount: string; payeeName: string; reason: string }): Promise<{ serial: string; paidAt: Date; amountFen: bigint }>;
  /**
   * Ends the application or guarantee. `accepted`: the platform registered the guarantee (its terms and
   * signature verified); a premium paid for a guarantee never issued or never accepted is refunded.
   */
  cancel(c: { applicationId: string; accepted: boolean }): Promise<{ cancelledAt: Date; refund: { serial: string; amountFen: bigint } | null }>;
}

/** award → finance (decision 0038): the section's round's award once the award notice is issued; null before. */
export interface AwardedSection {
  sectionId: string;
  round: number;
  regionCode: string;
  tendererEntityId: string;
  winnerEntityId: string;
  winnerEntityName: string;
  /** The winning price, integer fen as a decimal string. */
  priceFen: string;
  awardNoticeAt: Date;
}
export type AwardedPort = (trx: Db, sectionId: string) => Promise<AwardedSection | null>;

/**
 * The bank's online payment gateway (网上支付, decision 0038): collects a payment into the settlement
 * account once per order id however often asked, answering with the booking it made the first time.
 */
export interface PaymentGatewayPort {
  collect(order: { orderId: string; amountFen: bigint; payerAccount: string; payerName: string; memo: string }): Promise<{ bankSerial: string; paidAt: Date; amountFen: bigint }>;
  /** Whether the gateway booked a collection under this bank serial (its statement line is no transfer to claim). */
  collected(trx: Db, bankSerial: string): Promise<boolean>;
}

/**
 * The record a forfeiture's ground is checked against (decision 0042), each through the module that
 * keeps it: how the bid fared at the opening, whom the award passed over and why, the contract's standing.
 */
export interface ForfeitureFactsPort {
  /** opening: the entity's bid on the round at the opening; 'revoked' is a decryption failure by its own fault with no remedy left. */
  unsealOutcome(trx: Db, sectionId: string, round: number, entityId: string): Promise<'sealed' | 'opened' | 'remedy' | 'revoked' | 'withdrawn' | null>;
  /** award: the candidates ranked above the decided winner and the lawful ground they were passed over on; null when none was. */
  passedOver(trx: Db, sectionId: string): Promise<{ entityIds: string[]; reason: 'declined' | 'noPerformanceBond' | 'disqualified' } | null>;
  /** contract: whether the section's current contract is concluded, and Law 46's due day once the award notice is issued. */
  contractStanding(trx: Db, sectionId: string): Promise<{ concluded: boolean; dueDate: string | null }>;
}

/** notifications → finance: a message to an entity's workspace, in the caller's transaction. */
export type FinanceNotifyPort = (
  trx: Db,
  message: { recipientKind: 'entity'; recipientId: string; topic: string; title: string; body: string; link?: string; dedupeKey?: string },
) => Promise<boolean>;

/** The trading centre's bond settlement account, into which every virtual sub-account pays. */
export interface SettlementAccount {
  bankName: string;
  accountName: string;
  accountNumber: string;
}

export interface FinanceDeps {
  db: Db;
  clock: Clock;
  audit: AuditTrail;
  log: TransparencyLog;
  sections: SectionsPort;
  documents: BondDocumentsPort;
  entities: EntitiesPort;
  verifyEntitySignature: VerifyEntitySignaturePort;
  /** The sandbox bank is served (SANDBOX on); it is also the bank refunds are paid through then. */
  sandbox: boolean;
  jobs: JobQueue;
  /** The working-day calendar in force (catalog): refunds are due 2 working days after the request. */
  calendar(): HolidayCalendar;
  bids: BidsPort;
  /** The settlement bank's payments; without it (and without the sandbox) refunds wait, listed as due. */
  bank?: BankPort;
  /** The demand-deposit rate refunds earn, basis points a year (default 35 = 0.35 %). */
  depositRateBp?: number;
  settlement?: SettlementAccount;
  /** The issuers' interface; without it (and without the sandbox) the one-stop offers no issuer. */
  issuer?: GuaranteeIssuerPort;
  /** The award (decision 0038): performance bonds and fees follow the issued award notice; without it none are asked. */
  awarded?: AwardedPort;
  /** The online payment gateway; without it (and without the sandbox) fees are not paid online. */
  payments?: PaymentGatewayPort;
  /** The record forfeitures are checked against; without it no deposit is forfeited. */
  forfeitureFacts?: ForfeitureFactsPort;
  notify?: FinanceNotifyPort;
}

export const DEFAULT_SETTLEMENT: SettlementAccount = {
  bankName: '中国建设银行鄂尔多斯分行',
  accountName: '鄂尔多斯市公共资源交易中心投标保证金专户',
  accountNumber: '15050171550800000123',
};

export function tables(db: Db): Kysely<FinanceTables> {
  return db as unknown as Kysely<FinanceTables>;
}
