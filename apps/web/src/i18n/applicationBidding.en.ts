// English: preparing and submitting prequalification applications. Same keys as applicationBidding.zh-CN.ts (the type enforces it).
import type applicationBiddingZhCN from './applicationBidding.zh-CN.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const applicationBiddingEn: Strings<typeof applicationBiddingZhCN> = {
  applicationBidding: {
    tab: 'Application',
    obtainFirst: 'Download the prequalification document first, then prepare and submit your application.',
    closed: 'The application deadline has passed (on the platform server clock): applications can no longer be submitted, changed or withdrawn.',
    req: {
      title: 'What the prequalification document requires',
      instructions: 'Instructions to applicants',
      deadline: 'Application deadline',
      document: 'Prequalification document',
      custodians: 'Opening',
      threshold: 'any {{k}} of {{n}} custodians together (the applicant alone can also decrypt)',
      parts: 'Parts of the application',
      fields: 'Application summary',
    },
    draft: { title: 'A sealed application has not been fully submitted yet (sealed {{time}})' },
    done: {
      submitted: 'Application submitted: the platform received it at {{time}} and issued a receipt',
      withdrawn: 'Application withdrawn ({{time}})',
    },
    bids: {
      title: 'My applications and receipts',
      new: 'Prepare an application',
      none: 'No application submitted yet',
      withdrawn: 'Application withdrawn; a withdrawal receipt was issued',
      withdrawConfirm: 'Withdraw the application?',
      documentChanged: 'A clarification changed the prequalification document after you sealed your application (version {{from}} → {{to}})',
      replace: 'Replace the application',
    },
    compose: {
      mode: { modify: 'Modify: prepare the whole application again; it replaces the current one', supplement: 'Supplement: add or replace some files, keep the rest' },
      summary: 'Application summary',
      files: 'Application files',
      sealAndSubmit: 'Sign, seal and submit the application',
    },
    receipt: {
      title: { submitted: 'Application receipt', withdrawn: 'Application withdrawal receipt' },
      entity: 'Applicant',
      manifestSm3: 'Application manifest SM3',
    },
  },
};

export default applicationBiddingEn;
