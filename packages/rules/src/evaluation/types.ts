/**
 * Structural input types of the evaluation engine. They accept the method as
 * packages/contracts/src/documents.ts defines it (`scoringFactor`, `priceFormula`, `criterion`):
 * @bidhall/rules does not depend on @bidhall/contracts, so only the fields read here are named.
 */

export interface ScoreRange {
  min: number;
  max: number;
}

/** A scoring factor (评分因素): contribution to the total of 100 = score × weight / scoreRange.max. */
export interface FactorInput {
  number: string;
  category: 'technical' | 'commercial' | 'price';
  weight: number;
  scoreRange: ScoreRange;
}

/** The price formula (价格分), as `priceFormula` in the contracts. */
export interface PriceFormulaInput {
  /** 'deviation' (偏差率法, also when absent) or 'ratio' (低价优先法: benchmark / bid × max). */
  scoring?: 'deviation' | 'ratio' | undefined;
  benchmark: {
    base: 'averageOfValidBids' | 'lowestValidBid';
    dropHighest: number;
    dropLowest: number;
    dropWhenAtLeast: number;
    coefficient: { min: number; max: number; step: number };
  };
  deduction: { abovePerPercent: number; belowPerPercent: number };
}

/** evaluator id → bid id → factor number → score. */
export type EvaluatorScores = Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, number>>>>>>;

/** A valid bid's price in integer fen (分). */
export interface BidPrice {
  bidId: string;
  priceFen: bigint;
}
