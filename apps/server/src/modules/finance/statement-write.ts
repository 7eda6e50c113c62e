import { CSV_COLUMNS } from './statement-parse.ts';
import { fenToYuan } from './money.ts';

/** An entry as the sandbox bank writes it into a statement: a credit into a sub-account, or a debit (a refund paid out). */
export interface StatementCredit {
  /** Credit unless said otherwise. */
  direction?: 'credit' | 'debit';
  bankSerial: string;
  voucherNo: string;
  bookedAt: Date;
  amountFen: bigint;
  payerAccount: string;
  payerName: string;
  payeeAccount: string;
  /** The payer's own reference (camt.053 EndToEndId), e.g. the gateway's order id; NOTPROVIDED when none. */
  reference?: string;
  /** The payment's remittance information (附言, camt.053 RmtInf/Ustrd). */
  remittance?: string;
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The documented CSV (docs/bank-statements.md): header row, one entry a line, yuan with two decimals. */
export function writeCsv(credits: readonly StatementCredit[]): string {
  const rows = credits.map((c) => {
    const v: Record<(typeof CSV_COLUMNS)[number], string> = {
      bookedAt: c.bookedAt.toISOString(),
      amountYuan: fenToYuan(c.amountFen),
      currency: 'CNY',
      direction: c.direction === 'debit' ? 'D' : 'C',
      payerAccount: c.payerAccount,
      payerName: c.payerName,
      payeeAccount: c.payeeAccount,
      bankSerial: c.bankSerial,
      voucherNo: c.voucherNo,
    };
    return CSV_COLUMNS.map((k) => csvCell(v[k])).join(',');
  });
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An ISO 20022 camt.053.001.08 statement of the settlement account for the period: credits and debits. */
export function writeCamt053(p: { statementId: string; account: string; accountName: string; from: Date; to: Date; createdAt: Date; credits: readonly StatementCredit[] }): string {
  const debit = (c: StatementCredit) => c.direction === 'debit';
  const sum = (rows: readonly StatementCredit[]) => rows.reduce((s, c) => s + c.amountFen, 0n);
  const credits = p.credits.filter((c) => !debit(c));
  const debits = p.credits.filter(debit);
  const entries = p.credits
    .map(
      (c) => `      <Ntry>
        <Amt Ccy="CNY">${fenToYuan(c.amountFen)}</Amt>
        <CdtDbtInd>${debit(c) ? 'DBIT' : 'CRDT'}</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><DtTm>${c.bookedAt.toISOString()}</DtTm></BookgDt>
        <ValDt><Dt>${beijingDate(c.bookedAt)}</Dt></ValDt>
        <AcctSvcrRef>${esc(c.bankSerial)}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${debit(c) ? 'ICDT' : 'RCDT'}</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs><AcctSvcrRef>${esc(c.bankSerial)}</AcctSvcrRef><EndToEndId>${esc(c.reference ?? 'NOTPROVIDED')}</EndToEndId><TxId>${esc(c.voucherNo)}</TxId></Refs>
            <Amt Ccy="CNY">${fenToYuan(c.amountFen)}</Amt>
            <CdtDbtInd>${debit(c) ? 'DBIT' : 'CRDT'}</CdtDbtInd>
            <RltdPties>
              <Dbtr><Pty><Nm>${esc(c.payerName)}</Nm></Pty></Dbtr>
              <DbtrAcct><Id><Othr><Id>${esc(c.payerAccount)}</Id></Othr></Id></DbtrAcct>
              <CdtrAcct><Id><Othr><Id>${esc(c.payeeAccount)}</Id></Othr></Id></CdtrAcct>
            </RltdPties>${c.remittance ? `\n            <RmtInf><Ustrd>${esc(c.remittance)}</Ustrd></RmtInf>` : ''}
          </TxDtls>
        </NtryDtls>
      </Ntry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>${esc(p.statementId)}</MsgId><CreDtTm>${p.createdAt.toISOString()}</CreDtTm></GrpHdr>
    <Stmt>
      <Id>${esc(p.statementId)}</Id>
      <CreDtTm>${p.createdAt.toISOString()}</CreDtTm>
      <FrToDt><FrDtTm>${p.from.toISOString()}</FrDtTm><ToDtTm>${p.to.toISOString()}</ToDtTm></FrToDt>
      <Acct><Id><Othr><Id>${esc(p.account)}</Id></Othr></Id><Ccy>CNY</Ccy><Nm>${esc(p.accountName)}</Nm></Acct>
      <TxsSummry><TtlCdtNtries><NbOfNtries>${credits.length}</NbOfNtries><Sum>${fenToYuan(sum(credits))}</Sum></TtlCdtNtries><TtlDbtNtries><NbOfNtries>${debits.length}</NbOfNtries><Sum>${fenToYuan(sum(debits))}</Sum></TtlDbtNtries></TxsSummry>
${entries}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}

function beijingDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
