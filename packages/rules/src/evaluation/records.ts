import { EvaluationInputError } from './evaluation.errors.ts';

/** Own keys only, so that an id such as "constructor" never reads Object.prototype. */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The evaluators (in the order given) and the bids (sorted) of a per evaluator → per bid record. */
export function evaluatorsAndBids(records: Readonly<Record<string, Readonly<Record<string, unknown>>>>): { evaluators: string[]; bids: string[] } {
  const evaluators = Object.keys(records);
  if (evaluators.length === 0) throw new EvaluationInputError('no evaluator has given anything yet');
  const bids = new Set<string>();
  for (const e of evaluators) for (const b of Object.keys(records[e]!)) bids.add(b);
  return { evaluators, bids: [...bids].sort(compareIds) };
}

export const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
