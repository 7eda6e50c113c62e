import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { fenToYuan, yuanToFen } from './money.ts';
import { parseStatement } from './statement-parse.ts';
import { writeCamt053, writeCsv } from './statement-write.ts';

const issuesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('STATEMENT_INVALID');
    return (err as DomainError).details!.issues as { where: string; field: string }[];
  }
  throw new Error('expected STATEMENT_INVALID');
};

describe('bank statements', () => {
  it('yuan to fen is exact: no floating point anywhere', () => {
    expect(yuanToFen('80000.10')).toBe(8_000_010n);
    expect(yuanToFen('0.29')).toBe(29n);
    expect(yuanToFen('1.1')).toBe(110n);
    expect(yuanToFen('9999999999999999.99')).toBe(999_999_999_999_999_999n);
    for (const bad of ['1.234', '-5', '1,000.00', '1e3', '', '.5']) expect(yuanToFen(bad)).toBeNull();
    expect(fenToYuan(8_000_010n)).toBe('80000.10');
  });

  it('the sandbox bank’s camt.053 and CSV read back line for line', () => {
    const credits = [
      { bankSerial: 'SBX1', voucherNo: 'HD1', bookedAt: new Date('2026-12-01T02:15:00Z'), amountFen: 8_000_010n, payerAccount: '6222020200112233', payerName: '内蒙古"示范"建设有限公司, 分公司', payeeAccount: '1234567890123456789' },
      { bankSerial: 'SBX2', voucherNo: 'HD2', bookedAt: new Date('2026-12-01T03:00:00Z'), amountFen: 1n, payerAccount: '6222020200112234', payerName: 'A & B <Co>', payeeAccount: '9234567890123456789' },
    ];
    const camt = writeCamt053({ statementId: 'S1', account: '1505', accountName: '专户', from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-02T00:00:00Z'), createdAt: new Date(), credits });
    for (const [format, text] of [['camt053', camt], ['csv', writeCsv(credits)]] as const) {
      const parsed = parseStatement(Buffer.from(text));
      expect(parsed.format).toBe(format);
      expect(parsed.lines.map((l) => ({ s: l.bankSerial, v: l.voucherNo, at: l.bookedAt.toISOString(), fen: l.amountFen, payer: l.payerName, to: l.payeeAccount, dir: l.direction }))).toEqual(
        credits.map((c) => ({ s: c.bankSerial, v: c.voucherNo, at: c.bookedAt.toISOString(), fen: c.amountFen, payer: c.payerName, to: c.payeeAccount, dir: 'credit' })),
      );
    }
  });

  it('a CSV in Beijing local time, with a BOM, and bad lines named by number', () => {
    const ok = parseStatement(Buffer.from('\uFEFFbookedAt,amountYuan,direction,payeeAccount,bankSerial\r\n2026-12-01 10:15:00,80000,C,1234567890123456789,B1\r\n'));
    expect(ok.lines[0]).toMatchObject({ amountFen: 8_000_000n, direction: 'credit', currency: 'CNY' });
    expect(ok.lines[0]!.bookedAt.toISOString()).toBe('2026-12-01T02:15:00.000Z');
    const issues = issuesOf(() => parseStatement(Buffer.from('bookedAt,amountYuan,direction,payeeAccount,bankSerial\n2026-12-01T10:00:00+08:00,12.345,C,1,B1\nyesterday,1,X,1,\n')));
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ where: 'line 2', field: 'amountYuan' }),
        expect.objectContaining({ where: 'line 3', field: 'bookedAt' }),
        expect.objectContaining({ where: 'line 3', field: 'direction' }),
        expect.objectContaining({ where: 'line 3', field: 'bankSerial' }),
      ]),
    );
    expect(issuesOf(() => parseStatement(Buffer.from('date,amount\n1,2\n')))[0]).toMatchObject({ where: 'line 1' });
  });

  it('camt.053 with a DOCTYPE or entities is refused; bad entries are named by path', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><Document><BkToCstmrStmt>&b;</BkToCstmrStmt></Document>';
    expect(issuesOf(() => parseStatement(Buffer.from(bomb)))[0]).toMatchObject({ field: 'DOCTYPE' });
    expect(issuesOf(() => parseStatement(Buffer.from('<Document><BkToCstmrStmt>'))).length).toBe(1);
    expect(issuesOf(() => parseStatement(Buffer.from('<Other/>')))[0]).toMatchObject({ field: 'BkToCstmrStmt' });
    const entry = '<Ntry><Amt>1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><DtTm>2026-12-01T10:00:00+08:00</DtTm></BookgDt><AcctSvcrRef>X</AcctSvcrRef></Ntry>';
    const issues = issuesOf(() => parseStatement(Buffer.from(`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>${entry}</Stmt></BkToCstmrStmt></Document>`)));
    expect(issues).toEqual([expect.objectContaining({ where: 'Stmt[0]/Ntry[0]/Amt', field: 'Ccy' })]);
    expect(() => parseStatement(Buffer.from([0xff, 0xfe, 0x00]))).toThrow(DomainError);
  });

  it('camt.053.001.02 shapes: Dbtr/Nm, a booking date without a time (end of the Beijing day), pending entries skipped', () => {
    const xml = `<Document><BkToCstmrStmt><Stmt>
      <Ntry><Amt Ccy="CNY">50.5</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-12-01</Dt></BookgDt><AcctSvcrRef>R1</AcctSvcrRef>
        <NtryDtls><TxDtls><Refs><EndToEndId>E2E-9</EndToEndId></Refs><RltdPties><Dbtr><Nm>甲公司</Nm></Dbtr><DbtrAcct><Id><IBAN>CN00</IBAN></Id></DbtrAcct><CdtrAcct><Id><Othr><Id>1111111111111111111</Id></Othr></Id></CdtrAcct></RltdPties></TxDtls></NtryDtls></Ntry>
      <Ntry><Amt Ccy="CNY">9.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>PDNG</Sts><BookgDt><Dt>2026-12-01</Dt></BookgDt><AcctSvcrRef>R2</AcctSvcrRef></Ntry>
    </Stmt></BkToCstmrStmt></Document>`;
    const { lines } = parseStatement(Buffer.from(xml));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ bankSerial: 'R1', amountFen: 5050n, payerName: '甲公司', payerAccount: 'CN00', payeeAccount: '1111111111111111111', voucherNo: 'E2E-9' });
    expect(lines[0]!.bookedAt.toISOString()).toBe('2026-12-01T15:59:59.999Z');
  });

  it('a control character in a field is named and nothing is imported (PostgreSQL refuses NUL in text)', () => {
    const csv = writeCsv([
      { bankSerial: 'SBX9', voucherNo: 'HD9', bookedAt: new Date('2026-12-01T02:15:00Z'), amountFen: 100n, payerAccount: '6222', payerName: '示范\u0000公司', payeeAccount: '1234' },
    ]);
    expect(issuesOf(() => parseStatement(Buffer.from(csv)))).toEqual([expect.objectContaining({ where: 'line 2', field: 'payerName' })]);
    const at = new Date('2026-12-01T03:00:00Z');
    const xml = writeCamt053({ account: '1234', accountName: '保证金专户', statementId: 'S1', from: at, to: at, createdAt: at, credits: [
      { bankSerial: 'SBX9', voucherNo: 'HD9', bookedAt: new Date('2026-12-01T02:15:00Z'), amountFen: 100n, payerAccount: '6222', payerName: 'X', payeeAccount: '1234' },
    ] }).replace('>X<', '>示范\u0001公司<');
    expect(() => parseStatement(Buffer.from(xml))).toThrow(DomainError);
  });
});
