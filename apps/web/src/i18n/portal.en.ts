// English: the public portal (notices). Same keys as portal.zh-CN.ts (the type enforces it).
import type portalZhCN from './portal.zh-CN.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const portalEn: Strings<typeof portalZhCN> = {
  portal: {
    nav: 'Notices',
    title: 'Trading notices',
    subtitle:
      'Tender and prequalification notices, clarifications, site visits, terminations and re-tenders, published with the public service platform',
    searchNote: 'Full-text results for "{{q}}", best match first',
    noMatch: 'No notice matches "{{q}}"',
    empty: 'No notices match these filters',
    prominent: 'Important',
    filters: {
      search: 'Project, section, tenderer… (Chinese full-text search)',
      region: 'Region',
      category: 'Trading category',
      type: 'Notice type',
      from: 'Published from',
      to: 'Published to',
      prominentOnly: 'Clarifications and important notices only',
    },
    home: { more: 'All notices' },
    pager: { previous: 'Previous', next: 'Next', page: 'Page {{page}} ({{size}} per page)' },
    feeds: { atom: 'Atom feed', json: 'JSON change feed' },
    types: {
      tenderNotice: 'Tender notice',
      prequalificationNotice: 'Prequalification notice',
      invitationResult: 'Invitation result',
      clarification: 'Clarification',
      siteVisit: 'Site visit',
      termination: 'Termination',
      retender: 'Re-tender',
      openingRecord: 'Opening record',
      candidatePublicity: 'Candidate publicity',
      prequalificationResult: 'Prequalification result',
      awardResult: 'Award result',
      contractConclusion: 'Contract concluded',
      contractPerformance: 'Contract performance',
      contractChange: 'Contract change',
    },
    status: { published: 'Published', withdrawn: 'Withdrawn', terminated: 'Terminated' },
    countdown: { left: '{{days}} d {{clock}} left', closed: 'Closed' },
    timetable: {
      prequalificationNoticeStart: 'Prequalification notice from',
      prequalificationNoticeEnd: 'Prequalification notice until',
      prequalificationDocumentIssueStart: 'Prequalification documents from',
      prequalificationDocumentIssueEnd: 'Prequalification documents until',
      prequalificationQuestionsDeadline: 'Prequalification questions until',
      prequalificationClarificationIssuedAt: 'Prequalification clarification issued',
      applicationDeadline: 'Application deadline',
      documentIssueStart: 'Tender documents from',
      documentIssueEnd: 'Tender documents until',
      questionsDeadline: 'Questions until',
      clarificationIssuedAt: 'Clarification issued',
      bidDeadline: 'Bid deadline (opening)',
    },
    notice: {
      publishedAt: 'Published {{time}}',
      keyDates: 'Sections and key dates',
      round: 'Round {{round}}',
      noSections: 'This notice covers no particular section',
      sectionUnavailable: 'The timetable of this section cannot be read now {{code}}',
      toDocuments: 'Get the tender documents (free)',
      toDocumentsOf: 'Get the tender documents of section {{n}} (free)',
      freeDownload: 'Tender documents are free: log in and download, no other registration',
      related: 'Related notices',
      noRelated: 'No related notices',
      proof: 'Proof of publication',
      contentSm3: 'Content SM3',
      logIndex: 'Log index',
      verifyHere: 'Verify in the browser',
      verifyPage: 'Check the log receipt on the verify page',
      receiptJson: 'Log receipt (JSON)',
      verified: 'Verified: this page shows what the public log records as published',
      notVerified: 'Not verified: see the checks below',
      proofNote:
        "When a notice is published, the SM3 of its canonical content (RFC 8785) enters the platform's public log; the portal, the feeds and the public service platform carry identical content.",
      closedAt: '{{time}}: {{reason}}',
    },
    checks: {
      contentSm3: {
        title: 'Content digest',
        ok: 'The SM3 of the canonical content is {{sm3}}, as this page states',
        failed: "The computed SM3 ({{sm3}}) differs from the page's ({{claimed}})",
      },
      contentShown: {
        title: 'Page content',
        ok: 'The title and text shown are exactly the digested content',
        failed: 'The title or text shown differ from the digested content',
      },
      logCommits: {
        title: 'Log entry',
        ok: 'Log entry {{index}} records this notice and its content digest',
        failed: 'Log entry {{index}} does not record this notice or its digest',
      },
      receiptSignature: {
        title: 'Platform signature',
        ok: 'The receipt is signed by the platform key ({{keyId}}) and unchanged',
        failed: 'The receipt signature is invalid: changed, or not issued by the platform',
      },
      receiptKey: {
        title: 'Platform key',
        ok: "Key id {{keyId}} (the public log's key)",
        failed: 'The platform key cannot be read',
      },
      receiptTimestamp: {
        title: 'File timestamp',
        ok: '{{time}}, the file digest is stamped by the platform time authority',
        failed: 'The timestamp does not match the file digest or its signature is invalid',
      },
      downloadLogged: {
        title: 'Download logged',
        ok: 'Log entry {{index}} records this download',
        failed: 'Log entry {{index}} does not record this download',
      },
      receiptFile: {
        title: 'Downloaded file',
        ok: 'The SM3 of the file downloaded now matches the receipt',
        failed: 'The SM3 of the downloaded file differs from the receipt',
      },
    },
  },
};

export default portalEn;
