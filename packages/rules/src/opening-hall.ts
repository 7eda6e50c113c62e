/**
 * The remote opening hall's rules (issue 11, decision 0021; 解密 is "unseal" in the glossary): how many
 * bids an opening needs, what a failed unsealing means, and the hall's stage derived from stored facts
 * and the clock — never stepped, so a restart, a repeated job or a late client all see the same stage.
 */

/** Fewer valid bids (or, where bidders decrypt, signed-in bidders) than this: no opening, re-tender (Reg. 44; B-018, B-033). */
export const MIN_BIDS_TO_OPEN = 3;

export type QuorumFailure = 'fewerThanThreeBids' | 'fewerThanThreeSignedIn' | 'fewerThanThreeApplications';

/**
 * Whether the opening proceeds (A-109). Bids are those live at the deadline; where bidders decrypt their
 * own bids, a bid whose bidder did not sign in cannot be decrypted, so the signed-in count decides too.
 * Prequalification applications (A-119, B-044): fewer than 3 uploaded are not opened; the sign-in rule
 * (B-033) is the bids' alone.
 */
export function openingQuorum(p: { validBids: number; signedIn: number; bidderDecrypts: boolean; applications?: boolean }): { opens: true } | { opens: false; reason: QuorumFailure } {
  if (p.applications) return p.validBids < MIN_BIDS_TO_OPEN ? { opens: false, reason: 'fewerThanThreeApplications' } : { opens: true };
  if (p.validBids < MIN_BIDS_TO_OPEN) return { opens: false, reason: 'fewerThanThreeBids' };
  if (p.bidderDecrypts && p.signedIn < MIN_BIDS_TO_OPEN) return { opens: false, reason: 'fewerThanThreeSignedIn' };
  return { opens: true };
}

/** Whose fault a decryption failure is, as the hall records it. */
export type UnsealFault = 'bidder' | 'platformOrOther';

export type UnsealOutcome = 'remedy' | 'revoked' | 'withdrawn';

/**
 * E-bidding Measures art. 31: where the tender document defines a remedy (here, the custodians' k-of-n
 * shares), it is applied; otherwise a failure by the bidder's fault counts as a revoked bid (the bond
 * may be forfeited under the award rules) and any other failure as a withdrawn one. The opening goes on.
 */
export function unsealFailureOutcome(fault: UnsealFault, remedyAllowed: boolean): UnsealOutcome {
  if (remedyAllowed) return 'remedy';
  return fault === 'bidder' ? 'revoked' : 'withdrawn';
}

export type HallStage = 'waiting' | 'signIn' | 'unsealing' | 'readout' | 'record' | 'closed' | 'failed';

/** What the hall has recorded; every instant as stored, never a string. */
export interface HallFacts {
  bidDeadline: Date;
  /** Set once the quorum was checked and failed: the section goes to re-tender. */
  failedAt: Date | null;
  /** When the tenderer or agency started decryption (from the deadline on). */
  unsealStartedAt: Date | null;
  /** The decryption window the document sets, in minutes. */
  unsealWindowMinutes: number;
  /** Every bid decrypted, or failed with its outcome recorded. */
  allBidsSettled: boolean;
  /** When the readout was published to the hall. */
  readoutAt: Date | null;
  /** When the signed opening record was published (A-114, B-017). */
  recordPublishedAt: Date | null;
}

/** The end of the decryption window, or null before decryption started. */
export function unsealWindowEnd(f: Pick<HallFacts, 'unsealStartedAt' | 'unsealWindowMinutes'>): Date | null {
  return f.unsealStartedAt ? new Date(f.unsealStartedAt.getTime() + f.unsealWindowMinutes * 60_000) : null;
}

/**
 * The hall's stage at `now`. Decryption ends when every bid is settled or the window closes, whichever
 * is first (no decryption after it: A-110); the readout comes next, then the record until it is
 * published.
 */
export function hallStage(f: HallFacts, now: Date): HallStage {
  if (f.failedAt) return 'failed';
  if (now.getTime() < f.bidDeadline.getTime()) return 'waiting';
  if (f.recordPublishedAt) return 'closed';
  if (f.readoutAt) return 'record';
  if (!f.unsealStartedAt) return 'signIn';
  const end = unsealWindowEnd(f)!;
  if (!f.allBidsSettled && now.getTime() < end.getTime()) return 'unsealing';
  return 'readout';
}

/** Whether a bidder's (or a custodian's) decryption is still accepted at `now`. */
export function unsealingOpen(f: HallFacts, now: Date): boolean {
  return hallStage(f, now) === 'unsealing';
}
