// English: the daily appraisal of agencies (action plan task 26, decision 0044). Same keys as appraisal.zh-CN.ts.
import type appraisalZhCN from './appraisal.zh-CN.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const appraisalEn: Strings<typeof appraisalZhCN> = {
  appraisal: {
    nav: { record: 'Agencies’ public record' },
    items: { compliance: 'Compliance', service: 'Service', efficiency: 'Efficiency' },
    overall: 'Overall',
    raters: { tenderer: 'Tenderer', staff: 'Trading centre' },
    recordKinds: { commendation: 'Commendation', violation: 'Violation', penalty: 'Penalty' },
    card: {
      title: 'Agency rating',
      agency: 'Agency: {{name}}',
      hint: 'Once the winner is decided, the tenderer and the staff of the region rate the section’s agency (1–5 on each item), each rater once; the means are published in the agencies’ public record.',
      rate: 'Rate',
      addRecord: 'Record conduct',
      empty: 'No ratings yet',
      means: 'Means',
      meansValue: '{{value}} ({{count}} ratings)',
      rater: 'Rater',
      comment: 'Comment',
      at: 'Rated at',
      closed: {
        noAgency: 'The tenderer runs this section itself: there is no agency',
        notDecided: 'The agency is rated once the winner is decided',
        rated: 'You have rated this section’s agency',
        notRater: 'The tenderer and the trading centre rate the agency',
      },
    },
    rateModal: {
      title: 'Rate the agency',
      lead: 'Rate the service of {{name}} on this section, item by item (1 lowest, 5 highest). A rating cannot be changed once given.',
      comment: 'Comment (optional)',
      commentPlaceholder:
        'e.g. the quality of the tender document, timely answers and clarifications, the opening and evaluation',
      done: 'Rating given',
    },
    recordModal: {
      title: 'Record an agency’s conduct',
      agency: 'Agency',
      kind: 'Kind',
      date: 'Date',
      description: 'What happened',
      descriptionPlaceholder: 'e.g. published a clarification late; ordered to correct it',
      section: 'Section concerned',
      sectionHint: 'Recorded in the section’s region; without a section, in yours',
      done: 'Recorded and published',
    },
    expert: { title: 'My ratings' },
    record: {
      title: 'Agencies’ public record',
      subtitle:
        'How tenderers and the trading centre rated each tendering agency after the award of its sections (the means), and its commendations, violations and penalties',
      region: 'Region',
      allRegions: 'All regions',
      agency: 'Agency',
      count: 'Ratings',
      records: 'Records',
      recordsCount: '{{count}}',
      noRating: 'Not rated',
      noRecords: 'No records',
      empty: 'No agency has been rated or recorded yet',
      date: 'Date',
      kind: 'Kind',
      description: 'What happened',
      addRecord: 'Record conduct',
      total: '{{total}} agencies',
    },
  },
};

export default appraisalEn;
