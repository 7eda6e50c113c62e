// English: data exchange (the outbox to the public service platform and the national designated media)
// and the media a notice was published in. Same keys as exchange.zh-CN.ts (the type enforces it).
import type exchangeZhCN from './exchange.zh-CN.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const exchangeEn: Strings<typeof exchangeZhCN> = {
  exchange: {
    nav: 'Data exchange',
    title: 'Data exchange',
    subtitle:
      'Messages to the public service platform and the national designated media: each is written with the change it reports, delivered afterwards and retried with backoff when it fails',
    destinations: {
      publicService: 'Public service platform',
      designatedMedia: 'National designated media (China Tendering & Bidding Public Service Platform)',
      supervision: 'Administrative supervision platform',
    },
    destinationShort: { publicService: 'Public service platform', designatedMedia: 'Designated media', supervision: 'Supervision platform' },
    statuses: { pending: 'Pending', retrying: 'Retrying', delivered: 'Delivered', failed: 'Failed (needs staff)' },
    kinds: {
      publication: 'Notice',
      publicationWithdrawal: 'Notice withdrawal',
      tenderingProject: 'Tendering project',
      tenderDocument: 'Tender document',
      prequalificationDocument: 'Prequalification document',
      marketEntity: 'Market entity',
      evaluationReport: 'Evaluation report',
    },
    filters: {
      destination: 'Destination',
      status: 'Delivery status',
      kind: 'Message kind',
      subjectId: 'Subject id',
    },
    columns: {
      seq: '#',
      kind: 'Kind',
      subject: 'Subject',
      destination: 'Destination',
      status: 'Status',
      attempts: 'Attempts',
      nextAttemptAt: 'Next attempt',
      lastError: 'Last error',
      deliveredAt: 'Delivered',
      receipt: 'Receipt',
      createdAt: 'Created',
    },
    retry: 'Send again now',
    retryConfirm: 'Send this message to the {{destination}} again now?',
    retried: 'Sent again: {{status}}',
    loadMore: 'Load more',
    end: 'All shown',
    contentSm3: 'Content SM3',
  },
  noticeMedia: {
    title: 'Published in',
    portal: 'This platform',
    note: 'The notice has the same content, with the same SM3, in every medium',
  },
};

export default exchangeEn;
