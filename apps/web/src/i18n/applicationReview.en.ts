// English: the prequalification review (decision 0032, A-159…A-162). Same keys as applicationReview.zh-CN.ts.
import type applicationReviewZhCN from './applicationReview.zh-CN.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const applicationReviewEn: Strings<typeof applicationReviewZhCN> = {
  applicationReview: {
    title: 'Prequalification review room',
    notOpened: 'The review is not open yet: the trading centre’s staff open it once the review committee is complete.',
    tabs: { documents: 'Prequalification document', files: 'Application files', overview: 'Overview', sheet: 'My review', summary: 'Result', report: 'Review report', video: 'Video room' },
    window: {
      range: 'Review {{start}} to {{end}}',
      startsIn: 'Starts in {{time}}',
      endsIn: 'Ends in {{time}}',
      over: 'The review window is over',
      reminderTitle: 'The review ends soon',
      reminder: '{{minutes}} minutes left: members who have not submitted their sheets, please do so now.',
    },
    open: {
      title: 'Open the review',
      lead: 'Opens once every review committee seat has accepted and the applications were opened. Members then sign in and review within the window, at most 3 days.',
      submit: 'Open the review',
      done: 'The review is open; the expert members were notified',
    },
    members: {
      title: 'Review committee',
      roles: { expert: 'Expert', representative: 'Tenderer representative' },
    },
    chair: { label: 'Chair:', done: 'The review committee’s chair is named' },
    signIn: {
      title: 'Sign in',
      outside: 'Outside the review window ({{start}} to {{end}}): a sign-in is refused.',
      lead: 'These are the applicants. Confirm who you are and that you have no conflict of interest with any of them; if you have, do not sign in and ask the trading centre to replace you.',
      identity: 'I confirm I am {{name}}, reviewing in person',
      noConflict: 'I have no conflict of interest with any applicant listed',
      closed: 'Outside the review window: it runs from {{start}} to {{end}}',
    },
    sheet: {
      bids: 'Applicants',
      readout: 'Application',
      bidder: 'Applicant',
      reference: 'Application reference',
      review: 'Prequalification review (pass / fail)',
      scoring: 'Scoring (limited number)',
      saved: 'Draft saved',
      submit: 'Submit sheet',
      submitted: 'Sheet submitted',
      confirmTitle: 'Submit your sheet?',
      confirm: 'A submitted sheet is frozen and cannot change. Check every verdict and score first.',
      frozen: 'Submitted at {{at}}; the sheet no longer changes.',
    },
    summary: {
      waiting: '{{submitted}} of {{members}} submitted: the chair summarises once every member has.',
      compliance: 'Prequalification review (by majority)',
      scores: 'Scores (limited number)',
      total: 'Total',
      outlierNote: 'The scores of {{names}} stray far from the other members’: the committee checks them and explains in the review report.',
      qualified: 'Applicants who pass the prequalification',
      qualifiedCount: '{{count}} in all',
      none: 'No applicant passes the prequalification',
      limit: 'Limited number: at most {{limit}} applicants pass, highest total first',
      passMethod: 'Pass method: every applicant that passes the review passes the prequalification',
      tooFew: 'Fewer than 3 applicants pass the prequalification',
      tooFewNote: 'Under article 19 of the Regulations on the Implementation of the Bidding Law, the tenderer holds the prequalification again when fewer than 3 applicants pass.',
    },
    links: { room: 'Enter the review room' },
    files: { title: 'Application files', preparing: 'The applications are being decrypted in bulk: some files cannot be read yet.', empty: 'No application files to read' },
  },
  applicationReviewReport: {
    title: 'Prequalification review report',
    notSummarised: 'Once the result is computed, the chair drafts and generates the review report',
    generate: 'Generate the review report',
    regenerate: 'Generate again with the changes',
    generated: 'The review report is generated; every member signs it now',
    complete: 'Every member has signed; the review report was pushed to the supervision platform',
    namesWithheld: 'The experts’ names are not shown to the tenderer before the result is decided',
    parts: {
      remarks: 'The review committee’s remarks',
      problems: 'Problems found',
      recommendations: 'Recommendations to the tenderer',
      remarksHint: 'The committee’s view of the review and its result',
      problemsHint: 'E.g. problems in the applications, defects of the prequalification document',
      recommendationsHint: 'E.g. what to check before the tender document is issued',
    },
    sign: {
      open: 'Sign the review report',
      title: 'Sign the prequalification review report',
      dissentToggle: 'I disagree with the result (my statement is signed with the report)',
      done: 'You signed the review report',
    },
  },
  applicationReviewVenues: {
    video: {
      title: 'Review audio/video room',
      join: 'Join the audio/video room',
      waiting: 'Waiting for other members…',
      observing: 'You watch the review room as an officer (read-only).',
    },
  },
};

export default applicationReviewEn;
