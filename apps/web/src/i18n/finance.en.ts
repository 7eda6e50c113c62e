// English: bid bonds (bank statement import and reconciliation, virtual sub-accounts). Same keys as finance.zh-CN.ts.
import type financeZhCN from './finance.zh-CN.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const financeEn: Strings<typeof financeZhCN> = {
  finance: {
    nav: 'Bid bonds',
    title: 'Bid bonds',
    subtitle:
      'Import statements of the bond settlement account (CSV or ISO 20022 camt.053): each line is stored once by its bank serial and reconciled to a bidder’s virtual sub-account. Before the opening, who paid a matched line and for which section stays sealed.',
    import: {
      title: 'Import a bank statement',
      drop: 'Click or drop a statement file (.csv or camt.053 .xml, at most 10 MB)',
      tooLarge: '{{name}} is larger than {{max}} MB',
      done: '{{lines}} lines read: {{stored}} new, {{duplicates}} already imported, {{matched}} matched to sub-accounts',
      invalid: 'The statement was not imported: problems at',
      where: 'Where',
      field: 'Field',
      message: 'Problem',
      readOnly: 'Only trading-centre staff import statements',
    },
    imports: {
      title: 'Imports',
      fileName: 'File',
      format: 'Format',
      importedAt: 'Imported',
      lines: 'Lines',
      stored: 'New',
      duplicates: 'Duplicates',
      matched: 'Matched',
      showLines: 'Show lines',
      empty: 'No statement imported yet',
    },
    lines: {
      title: 'Statement lines',
      all: 'All',
      importFilter: 'Import',
      allImports: 'All imports',
      bookedAt: 'Booked',
      amount: 'Amount (yuan)',
      status: 'Status',
      payer: 'Payer',
      payerAccount: 'Payer account',
      payeeAccount: 'Sub-account',
      voucherNo: 'Voucher',
      bankSerial: 'Bank serial',
      reconciledTo: 'Section / bidder',
      sealed: 'Sealed until the deadline',
      sealedHint:
        'Matched to a bidder’s virtual sub-account; the payer, the sub-account and its section are shown once that section’s bid deadline has passed (A-107)',
    },
    statuses: { matched: 'Matched', unmatched: 'Unmatched', debit: 'Debit' },
  },
};

export default financeEn;
