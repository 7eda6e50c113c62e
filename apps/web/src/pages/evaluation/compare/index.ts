// The committee reads and compares the bids (decision 0028): mounted by the evaluation room.
export { BidFiles } from './BidFiles.tsx';
export { ComparisonTable } from './ComparisonTable.tsx';
export { RedFlags } from './RedFlags.tsx';
