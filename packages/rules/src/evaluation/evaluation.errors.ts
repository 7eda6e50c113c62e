import { RulesError } from '../rules.errors.ts';

/** An evaluator's score outside the factor's range: the evaluator corrects it before anything is summed. */
export class ScoreOutOfRangeError extends RulesError {
  declare readonly code: 'SCORE_OUT_OF_RANGE';
  readonly evaluatorId: string;
  readonly bidId: string;
  readonly factor: string;
  readonly score: number;

  constructor(evaluatorId: string, bidId: string, factor: string, score: number, range: { min: number; max: number }) {
    super('SCORE_OUT_OF_RANGE', `evaluator ${evaluatorId} gave bid ${bidId} ${score} on factor ${factor}, outside ${range.min}…${range.max}`, {
      evaluatorId,
      bidId,
      factor,
      score,
      min: range.min,
      max: range.max,
    });
    this.name = 'ScoreOutOfRangeError';
    this.evaluatorId = evaluatorId;
    this.bidId = bidId;
    this.factor = factor;
    this.score = score;
  }
}

/** Input the engine cannot evaluate: a missing verdict or score, a price of zero, a coefficient off the grid … */
export class EvaluationInputError extends RulesError {
  declare readonly code: 'EVALUATION_INPUT_INVALID';

  constructor(message: string, details: Readonly<Record<string, unknown>> = {}) {
    super('EVALUATION_INPUT_INVALID', message, details);
    this.name = 'EvaluationInputError';
  }
}
