// English: the evaluation report and the evaluator's personal certificates. Same keys as evaluationReport.zh-CN.ts.
import type evaluationReportZhCN from './evaluationReport.zh-CN.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const evaluationReportEn: Strings<typeof evaluationReportZhCN> = {
  evaluationReport: {
    title: 'Evaluation report',
    states: { none: 'Not drafted', draft: 'Drafting', generated: 'Awaiting signatures', signing: 'Being signed', complete: 'Complete' },
    notSummarised: 'Once the summary is computed, the chair drafts and generates the report',
    generate: 'Generate the report',
    regenerate: 'Generate again with the changes',
    generated: 'The report is generated; every member signs it now',
    complete: 'Every member has signed; the report was pushed to the supervision platform',
    namesWithheld: 'The experts’ names are not shown to the tenderer before the result is decided',
    parts: {
      remarks: 'The committee’s remarks',
      problems: 'Problems found',
      recommendations: 'Recommendations to the tenderer',
      remarksHint: 'The committee’s view of the evaluation and its result',
      problemsHint: 'E.g. problems in the bids, defects of the tender document',
      recommendationsHint: 'E.g. what to check before the contract is signed',
      save: 'Save',
      saved: 'Saved',
    },
    sign: {
      open: 'Sign the report',
      title: 'Sign the evaluation report',
      lead: 'Choose your certificate file and key file: the signature is made in this browser and the key is not uploaded. Once signed, the report no longer changes.',
      dissentToggle: 'I disagree with the result (my statement is signed with the report)',
      dissentPlaceholder: 'State your disagreement and why',
      submit: 'Sign',
      done: 'You signed the report',
    },
    signers: {
      member: 'Member',
      seat: 'Seat {{seat}}',
      representative: 'Tenderer representative',
      name: 'Name',
      signed: 'Signed',
      waiting: 'Waiting',
      certificate: 'Certificate',
      dissent: 'Dissent',
    },
    personal: {
      title: 'Personal certificate',
      bind: 'Bind a certificate',
      bindTitle: 'Bind a personal certificate',
      lead: 'Choose a personal certificate of a recognised CA and its key file: this browser signs a one-time challenge of the platform to prove you hold it. You sign your evaluation sign-in and the report with it.',
      none: 'No personal certificate bound: bind one before you sign in to an evaluation or sign a report',
      bound: 'Personal certificate bound',
      unbind: 'Unbind',
      unbindConfirm: 'You can no longer sign in or sign with this certificate. Unbind it?',
      until: 'valid until {{date}}',
      status: { valid: 'Valid', expiring: 'Expiring', expired: 'Expired', notYetValid: 'Not yet valid', revoked: 'Revoked by its CA', unbound: 'Unbound' },
    },
  },
};

export default evaluationReportEn;
