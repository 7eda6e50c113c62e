/**
 * Abnormal bidding behaviour (A-149; 围标串标 screening, Implementing Regulations of the Bidding Law
 * art. 40): signs that bids of different bidders were prepared together. A flag is evidence for the
 * committee to weigh, never a verdict. Only bids of different bidders are compared: one bidder's own
 * bids agreeing with each other proves nothing (Cardinal R028 likewise).
 */

/** What the bidder's tool recorded while preparing the bid: hashes only, never the identifiers. */
export interface PreparationInput {
  tool: string;
  toolVersion: string;
  deviceHash: string;
  fileMetaHashes: readonly string[];
}

export interface RedFlagBid {
  bidId: string;
  /** The bidding entity. */
  bidderId: string;
  /** The read-out price in fen; null when none was read out. */
  priceFen: bigint | null;
  /** When the platform received the bid (trusted time), epoch milliseconds. */
  receivedAtMs: number;
  preparation: PreparationInput | null;
  /** The bid's files (not its bidSummary) as its signed manifest lists them. */
  files: readonly { name: string; size: number; plaintextHash: string }[];
}

export type RedFlag =
  | { kind: 'sharedDevice'; bidIds: string[]; evidence: { deviceHash: string } }
  | { kind: 'sharedFileMetadata'; bidIds: string[]; evidence: { fileMetaHash: string } }
  | { kind: 'identicalFile'; bidIds: string[]; evidence: { plaintextHash: string; size: number; files: { bidId: string; name: string }[] } }
  | { kind: 'identicalPrice'; bidIds: string[]; evidence: { priceFen: bigint } }
  | { kind: 'arithmeticPrices'; bidIds: string[]; evidence: { stepFen: bigint; pricesFen: bigint[] } }
  | { kind: 'closeSubmissions'; bidIds: string[]; evidence: { deviceHash: string; spanSeconds: number } };

export interface RedFlagOptions {
  /** Bids from one device received at most this many seconds apart are flagged together (default 120). */
  closeWithinSeconds?: number;
  /** The shortest run of equally spaced prices flagged (default 3; at least 3). */
  minProgression?: number;
}

/** Groups of bids of two or more different bidders sharing a key, in the order the keys first occur. */
function shared(bids: readonly RedFlagBid[], keysOf: (b: RedFlagBid) => Iterable<string>): [string, RedFlagBid[]][] {
  const groups = new Map<string, RedFlagBid[]>();
  for (const b of bids) {
    for (const key of new Set(keysOf(b))) {
      const g = groups.get(key);
      if (g) g.push(b);
      else groups.set(key, [b]);
    }
  }
  return [...groups].filter(([, g]) => new Set(g.map((b) => b.bidderId)).size >= 2);
}

const ids = (g: readonly RedFlagBid[]) => g.map((b) => b.bidId);

/** Maximal runs of at least `min` consecutive distinct prices (ascending) with one positive step. */
function progressions(bids: readonly RedFlagBid[], min: number): { bids: RedFlagBid[]; step: bigint }[] {
  const priced = bids.filter((b): b is RedFlagBid & { priceFen: bigint } => b.priceFen !== null);
  const byPrice = new Map<bigint, RedFlagBid>();
  for (const b of [...priced].sort((x, y) => (x.priceFen < y.priceFen ? -1 : x.priceFen > y.priceFen ? 1 : 0))) if (!byPrice.has(b.priceFen)) byPrice.set(b.priceFen, b);
  const sorted = [...byPrice.values()];
  const runs: { bids: RedFlagBid[]; step: bigint }[] = [];
  let start = 0;
  while (start + min <= sorted.length) {
    const step = sorted[start + 1]!.priceFen! - sorted[start]!.priceFen!;
    let end = start + 1;
    while (end + 1 < sorted.length && sorted[end + 1]!.priceFen! - sorted[end]!.priceFen! === step) end++;
    const run = sorted.slice(start, end + 1);
    if (run.length >= min && new Set(run.map((b) => b.bidderId)).size >= 2) runs.push({ bids: run, step });
    // The run's last price may start the next run with another step.
    start = run.length >= min ? end : start + 1;
  }
  return runs;
}

/** Bids from one device whose receipts follow each other within the window, as chains. */
function closeOnDevice(bids: readonly RedFlagBid[], windowMs: number): { bids: RedFlagBid[]; deviceHash: string }[] {
  const out: { bids: RedFlagBid[]; deviceHash: string }[] = [];
  for (const [deviceHash, group] of shared(bids, (b) => (b.preparation ? [b.preparation.deviceHash] : []))) {
    const timed = [...group].sort((a, b) => a.receivedAtMs - b.receivedAtMs);
    let chain = [timed[0]!];
    const flush = () => {
      if (new Set(chain.map((b) => b.bidderId)).size >= 2) out.push({ bids: chain, deviceHash });
    };
    for (const b of timed.slice(1)) {
      if (b.receivedAtMs - chain[chain.length - 1]!.receivedAtMs <= windowMs) chain.push(b);
      else {
        flush();
        chain = [b];
      }
    }
    flush();
  }
  return out;
}

export function redFlags(bids: readonly RedFlagBid[], options: RedFlagOptions = {}): RedFlag[] {
  const windowSeconds = options.closeWithinSeconds ?? 120;
  const minProgression = Math.max(3, options.minProgression ?? 3);
  if (!Number.isFinite(windowSeconds) || windowSeconds < 0) throw new RangeError('closeWithinSeconds must be a non-negative number');
  const flags: RedFlag[] = [];
  for (const [deviceHash, g] of shared(bids, (b) => (b.preparation ? [b.preparation.deviceHash] : []))) flags.push({ kind: 'sharedDevice', bidIds: ids(g), evidence: { deviceHash } });
  for (const [fileMetaHash, g] of shared(bids, (b) => b.preparation?.fileMetaHashes ?? [])) flags.push({ kind: 'sharedFileMetadata', bidIds: ids(g), evidence: { fileMetaHash } });
  for (const [plaintextHash, g] of shared(bids, (b) => b.files.map((f) => f.plaintextHash))) {
    const files = g.flatMap((b) => b.files.filter((f) => f.plaintextHash === plaintextHash).map((f) => ({ bidId: b.bidId, name: f.name })));
    const size = g[0]!.files.find((f) => f.plaintextHash === plaintextHash)!.size;
    flags.push({ kind: 'identicalFile', bidIds: ids(g), evidence: { plaintextHash, size, files } });
  }
  for (const [price, g] of shared(bids, (b) => (b.priceFen === null ? [] : [String(b.priceFen)]))) flags.push({ kind: 'identicalPrice', bidIds: ids(g), evidence: { priceFen: BigInt(price) } });
  for (const run of progressions(bids, minProgression)) flags.push({ kind: 'arithmeticPrices', bidIds: ids(run.bids), evidence: { stepFen: run.step, pricesFen: run.bids.map((b) => b.priceFen!) } });
  for (const c of closeOnDevice(bids, windowSeconds * 1000)) {
    const span = (c.bids[c.bids.length - 1]!.receivedAtMs - c.bids[0]!.receivedAtMs) / 1000;
    flags.push({ kind: 'closeSubmissions', bidIds: ids(c.bids), evidence: { deviceHash: c.deviceHash, spanSeconds: span } });
  }
  return flags;
}
