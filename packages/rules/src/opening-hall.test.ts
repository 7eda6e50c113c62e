import { describe, expect, it } from 'vitest';
import { unsealFailureOutcome, unsealingOpen, unsealWindowEnd, hallStage, openingQuorum, type HallFacts } from './opening-hall.ts';

const deadline = new Date('2027-01-05T01:30:00Z'); // 09:30 in Beijing
const at = (minutes: number) => new Date(deadline.getTime() + minutes * 60_000);
const facts = (over: Partial<HallFacts> = {}): HallFacts => ({
  bidDeadline: deadline,
  failedAt: null,
  unsealStartedAt: null,
  unsealWindowMinutes: 30,
  allBidsSettled: false,
  readoutAt: null,
  recordPublishedAt: null,
  ...over,
});

describe('opening hall rules', () => {
  it('opens with three valid bids; fewer bids, or fewer signed-in bidders where bidders decrypt, is a re-tender', () => {
    expect(openingQuorum({ validBids: 3, signedIn: 3, bidderDecrypts: true })).toEqual({ opens: true });
    expect(openingQuorum({ validBids: 2, signedIn: 2, bidderDecrypts: true })).toEqual({ opens: false, reason: 'fewerThanThreeBids' });
    expect(openingQuorum({ validBids: 5, signedIn: 2, bidderDecrypts: true })).toEqual({ opens: false, reason: 'fewerThanThreeSignedIn' });
    // Where the custodians decrypt, nobody needs to be signed in for the bids to open.
    expect(openingQuorum({ validBids: 3, signedIn: 0, bidderDecrypts: false })).toEqual({ opens: true });
    // A-119, B-044: applications need 3 uploaded; how many applicants signed in does not stop them.
    expect(openingQuorum({ validBids: 2, signedIn: 2, bidderDecrypts: true, applications: true })).toEqual({ opens: false, reason: 'fewerThanThreeApplications' });
    expect(openingQuorum({ validBids: 3, signedIn: 1, bidderDecrypts: true, applications: true })).toEqual({ opens: true });
  });

  it('a failed decryption: the document’s remedy where it has one, else revoked by the bidder’s fault and withdrawn otherwise', () => {
    expect(unsealFailureOutcome('bidder', true)).toBe('remedy');
    expect(unsealFailureOutcome('bidder', false)).toBe('revoked');
    expect(unsealFailureOutcome('platformOrOther', false)).toBe('withdrawn');
  });

  it('the stage follows the facts and the clock: waiting, sign-in, unsealing until the window closes, readout, record, closed', () => {
    expect(hallStage(facts(), at(-1))).toBe('waiting');
    expect(hallStage(facts(), at(0))).toBe('signIn');
    const started = facts({ unsealStartedAt: at(5) });
    expect(unsealWindowEnd(started)).toEqual(at(35));
    expect(hallStage(started, at(34))).toBe('unsealing');
    expect(unsealingOpen(started, at(34))).toBe(true);
    // The window closes on time, settled or not.
    expect(hallStage(started, at(35))).toBe('readout');
    expect(unsealingOpen(started, at(35))).toBe(false);
    // Every bid settled before the window's end: straight on to the readout.
    expect(hallStage(facts({ unsealStartedAt: at(5), allBidsSettled: true }), at(10))).toBe('readout');
    expect(hallStage(facts({ unsealStartedAt: at(5), readoutAt: at(40) }), at(41))).toBe('record');
    expect(hallStage(facts({ unsealStartedAt: at(5), readoutAt: at(40), recordPublishedAt: at(90) }), at(91))).toBe('closed');
    expect(hallStage(facts({ failedAt: at(0) }), at(1))).toBe('failed');
  });

  it('the same facts give the same stage however often asked (a restart or a repeated job changes nothing)', () => {
    const f = facts({ unsealStartedAt: at(5) });
    const stages = [at(6), at(6), at(20), at(6)].map((t) => hallStage(f, t));
    expect(stages).toEqual(['unsealing', 'unsealing', 'unsealing', 'unsealing']);
  });
});
