import type { Sitting } from '@bidhall/contracts';
import { createContext, useContext } from 'react';
import { EVALUATION_SEGMENT } from '../../api/evaluation.ts';

/**
 * Which evaluation a room holds (decision 0032): the bids' evaluation (评标, 'bid') or the
 * prequalification review of applications (资格审查, 'application'). The room page provides it; the
 * panels that only know the section (the report, the video room, the files) read it here.
 */
export const EvaluationSittingContext = createContext<Sitting>('bid');

export const useEvaluationSitting = () => useContext(EvaluationSittingContext);

/** The web app's page of a sitting's room: /sections/:id/evaluation, or /sections/:id/application-review. */
export const roomPath = (sectionId: string, sitting: Sitting) => `/sections/${sectionId}/${EVALUATION_SEGMENT[sitting]}`;

/**
 * Where a room's words are: a review says 资格审查, 资格审查委员会, 申请人… where the evaluation says 评标,
 * 评标委员会, 投标人… (`applicationReview.*` holds those of the `evaluation.*` keys that differ, and
 * `applicationReviewReport.*`, `applicationReviewVenues.*` those of the report and the video room).
 */
export const roomWords = (sitting: Sitting) => (sitting === 'application' ? 'applicationReview' : 'evaluation') as 'evaluation' | 'applicationReview';
export const reportWords = (sitting: Sitting) => (sitting === 'application' ? 'applicationReviewReport' : 'evaluationReport') as 'evaluationReport' | 'applicationReviewReport';
export const videoWords = (sitting: Sitting) => (sitting === 'application' ? 'applicationReviewVenues' : 'evaluationVenues') as 'evaluationVenues' | 'applicationReviewVenues';

/** 实施条例 第十九条: fewer applicants passing the prequalification than this and it is held again. */
export const MIN_QUALIFIED = 3;
