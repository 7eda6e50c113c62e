import 'i18next';
import type zhCN from './zh-CN.ts';
import type projectsZhCN from './projects.zh-CN.ts';
import type portalZhCN from './portal.zh-CN.ts';
import type bidderZhCN from './bidder.zh-CN.ts';
import type biddingZhCN from './bidding.zh-CN.ts';
import type deskZhCN from './desk.zh-CN.ts';
import type exchangeZhCN from './exchange.zh-CN.ts';
import type financeZhCN from './finance.zh-CN.ts';
import type systemZhCN from './system.zh-CN.ts';
import type hallZhCN from './hall.zh-CN.ts';
import type applicationHallZhCN from './applicationHall.zh-CN.ts';
import type applicationBiddingZhCN from './applicationBidding.zh-CN.ts';
import type recordTemplatesZhCN from './recordTemplates.zh-CN.ts';
import type expertsZhCN from './experts.zh-CN.ts';
import type evaluationReportZhCN from './evaluationReport.zh-CN.ts';
import type evaluationZhCN from './evaluation.zh-CN.ts';
import type evaluationVenuesZhCN from './evaluationVenues.zh-CN.ts';
import type evaluationCompareZhCN from './evaluationCompare.zh-CN.ts';
import type evaluationClarifyZhCN from './evaluationClarify.zh-CN.ts';
import type applicationReviewZhCN from './applicationReview.zh-CN.ts';
import type awardZhCN from './award.zh-CN.ts';
import type contractZhCN from './contract.zh-CN.ts';
import type guaranteesZhCN from './guarantees.zh-CN.ts';
import type feesZhCN from './fees.zh-CN.ts';
import type prequalificationZhCN from './prequalification.zh-CN.ts';
import type appraisalZhCN from './appraisal.zh-CN.ts';
import type problemsZhCN from './problems.zh-CN.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN & typeof projectsZhCN & typeof portalZhCN & typeof bidderZhCN & typeof biddingZhCN & typeof deskZhCN & typeof exchangeZhCN & typeof financeZhCN & typeof systemZhCN & typeof hallZhCN & typeof applicationHallZhCN & typeof applicationBiddingZhCN & typeof recordTemplatesZhCN & typeof expertsZhCN & typeof evaluationReportZhCN & typeof evaluationZhCN & typeof evaluationVenuesZhCN & typeof evaluationClarifyZhCN & typeof evaluationCompareZhCN & typeof applicationReviewZhCN & typeof awardZhCN & typeof prequalificationZhCN & typeof contractZhCN & typeof guaranteesZhCN & typeof feesZhCN & typeof appraisalZhCN & { errors: typeof problemsZhCN } };
  }
}
