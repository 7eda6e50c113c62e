// Every area's messages merged per language: what i18next loads, and what the message tests read.
import en from './en.ts';
import zhCN from './zh-CN.ts';
import projectsEn from './projects.en.ts';
import projectsZhCN from './projects.zh-CN.ts';
import portalEn from './portal.en.ts';
import portalZhCN from './portal.zh-CN.ts';
import bidderEn from './bidder.en.ts';
import bidderZhCN from './bidder.zh-CN.ts';
import biddingEn from './bidding.en.ts';
import biddingZhCN from './bidding.zh-CN.ts';
import deskEn from './desk.en.ts';
import deskZhCN from './desk.zh-CN.ts';
import exchangeEn from './exchange.en.ts';
import exchangeZhCN from './exchange.zh-CN.ts';
import financeEn from './finance.en.ts';
import financeZhCN from './finance.zh-CN.ts';
import systemEn from './system.en.ts';
import systemZhCN from './system.zh-CN.ts';
import hallEn from './hall.en.ts';
import hallZhCN from './hall.zh-CN.ts';
import applicationHallEn from './applicationHall.en.ts';
import applicationHallZhCN from './applicationHall.zh-CN.ts';
import applicationBiddingEn from './applicationBidding.en.ts';
import applicationBiddingZhCN from './applicationBidding.zh-CN.ts';
import recordTemplatesEn from './recordTemplates.en.ts';
import recordTemplatesZhCN from './recordTemplates.zh-CN.ts';
import expertsEn from './experts.en.ts';
import evaluationReportEn from './evaluationReport.en.ts';
import evaluationReportZhCN from './evaluationReport.zh-CN.ts';
import expertsZhCN from './experts.zh-CN.ts';
import evaluationEn from './evaluation.en.ts';
import evaluationZhCN from './evaluation.zh-CN.ts';
import evaluationVenuesEn, { evaluationVenueProblemsEn } from './evaluationVenues.en.ts';
import evaluationCompareEn, { evaluationCompareProblemsEn } from './evaluationCompare.en.ts';
import evaluationCompareZhCN, { evaluationCompareProblemsZhCN } from './evaluationCompare.zh-CN.ts';
import evaluationVenuesZhCN, { evaluationVenueProblemsZhCN } from './evaluationVenues.zh-CN.ts';
import evaluationClarifyEn, { evaluationClarifyProblemsEn } from './evaluationClarify.en.ts';
import evaluationClarifyZhCN, { evaluationClarifyProblemsZhCN } from './evaluationClarify.zh-CN.ts';
import applicationReviewEn from './applicationReview.en.ts';
import applicationReviewZhCN from './applicationReview.zh-CN.ts';
import awardEn from './award.en.ts';
import awardZhCN from './award.zh-CN.ts';
import contractEn from './contract.en.ts';
import contractZhCN from './contract.zh-CN.ts';
import guaranteesEn from './guarantees.en.ts';
import guaranteesZhCN from './guarantees.zh-CN.ts';
import feesEn from './fees.en.ts';
import feesZhCN from './fees.zh-CN.ts';
import prequalificationEn from './prequalification.en.ts';
import prequalificationZhCN from './prequalification.zh-CN.ts';
import appraisalEn from './appraisal.en.ts';
import appraisalZhCN from './appraisal.zh-CN.ts';
import problemsEn from './problems.en.ts';
import problemsZhCN from './problems.zh-CN.ts';

export const resources = {
  'zh-CN': {
    translation: {
      ...zhCN,
      ...projectsZhCN,
      ...portalZhCN,
      ...bidderZhCN,
      ...biddingZhCN,
      ...deskZhCN,
      ...exchangeZhCN,
      ...financeZhCN,
      ...systemZhCN,
      ...hallZhCN,
      ...applicationHallZhCN,
      ...applicationBiddingZhCN,
      ...recordTemplatesZhCN,
      ...expertsZhCN,
      ...evaluationReportZhCN,
      ...evaluationZhCN,
      ...evaluationVenuesZhCN,
      ...evaluationClarifyZhCN,
      ...evaluationCompareZhCN,
      ...applicationReviewZhCN,
      ...awardZhCN,
      ...prequalificationZhCN,
      ...guaranteesZhCN,
      ...feesZhCN,
      ...contractZhCN,
      ...appraisalZhCN,
      errors: { ...zhCN.errors, ...problemsZhCN, ...evaluationVenueProblemsZhCN, ...evaluationCompareProblemsZhCN, ...evaluationClarifyProblemsZhCN },
    },
  },
  en: {
    translation: { ...en, ...projectsEn, ...portalEn, ...bidderEn, ...biddingEn, ...deskEn, ...exchangeEn, ...financeEn, ...systemEn, ...hallEn, ...applicationHallEn, ...applicationBiddingEn, ...recordTemplatesEn, ...expertsEn, ...evaluationReportEn, ...evaluationEn, ...evaluationVenuesEn, ...evaluationClarifyEn, ...evaluationCompareEn, ...applicationReviewEn, ...awardEn, ...prequalificationEn, ...guaranteesEn, ...feesEn, ...contractEn, ...appraisalEn, errors: { ...en.errors, ...problemsEn, ...evaluationVenueProblemsEn, ...evaluationCompareProblemsEn, ...evaluationClarifyProblemsEn } },
  },
};
