import type { Sitting } from '@bidhall/contracts';

/**
 * What an evaluation is held for (decision 0032): the bids (评标, the 'bid' sitting) or the
 * prequalification applications (资格审查, the 'application' sitting). Each sitting has its own rows,
 * routes, scope resource and audit actions; the code is the same.
 */
export interface EvaluationSitting {
  sitting: Sitting;
  /** The path segment after /api/v1/sections/:id/. */
  segment: 'evaluation' | 'application-review';
  /** The scope resource its routes resolve. */
  resource: 'evaluation' | 'applicationReview';
  /** The audit actions' prefix. */
  action: 'evaluation' | 'applicationReview';
  /** The supervision message's kind for the completed report. */
  reportKind: 'evaluationReport' | 'applicationReviewReport';
  /** Its name in messages to people. */
  zh: { work: string; report: string; committee: string };
}

export const EVALUATION_SITTINGS: Record<Sitting, EvaluationSitting> = {
  bid: {
    sitting: 'bid',
    segment: 'evaluation',
    resource: 'evaluation',
    action: 'evaluation',
    reportKind: 'evaluationReport',
    zh: { work: '评标', report: '评标报告', committee: '评标委员会' },
  },
  application: {
    sitting: 'application',
    segment: 'application-review',
    resource: 'applicationReview',
    action: 'applicationReview',
    reportKind: 'applicationReviewReport',
    zh: { work: '资格审查', report: '资格审查报告', committee: '资格审查委员会' },
  },
};
