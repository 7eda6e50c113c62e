import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { StatementFormat } from '@bidhall/contracts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { findBadText } from '../../platform/http/input-guard.ts';
import { yuanToFen } from './money.ts';

/**
 * Bank statements as the settlement bank sends them (docs/bank-statements.md): a CSV with a header row
 * naming the columns below, or an ISO 20022 camt.053 BankToCustomerStatement. Either becomes a list of
 * lines; anything the import cannot read exactly is STATEMENT_INVALID with the line or path of each
 * problem, never a guess.
 */
export interface ParsedLine {
  bankSerial: string;
  bookedAt: Date;
  valueDate: string | null;
  direction: 'credit' | 'debit';
  amountFen: bigint;
  currency: string;
  payerAccount: string | null;
  payerName: string | null;
  payeeAccount: string | null;
  voucherNo: string | null;
  /** Where in the file: `line 4` or `Stmt[0]/Ntry[2]/NtryDtls[0]/TxDtls[0]`. */
  where: string;
}

export interface StatementIssue {
  where: string;
  field: string;
  message: string;
}

/** The CSV columns (header row, any order; unknown columns are refused). */
export const CSV_COLUMNS = ['bookedAt', 'amountYuan', 'currency', 'direction', 'payerAccount', 'payerName', 'payeeAccount', 'bankSerial', 'voucherNo'] as const;
const REQUIRED_CSV = ['bookedAt', 'amountYuan', 'direction', 'payeeAccount', 'bankSerial'] as const;
const MAX_ISSUES = 50;
const MAX_LINES = 100_000;

function invalid(message: string, issues: StatementIssue[]): never {
  throw new DomainError('STATEMENT_INVALID', message, { issues: issues.slice(0, MAX_ISSUES), more: Math.max(0, issues.length - MAX_ISSUES) });
}

/** CSV or camt.053, told by the content (a file's Content-Type is often generic). */
export function parseStatement(bytes: Buffer): { format: StatementFormat; lines: ParsedLine[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    invalid('the statement is not UTF-8 text', [{ where: 'file', field: 'encoding', message: 'not UTF-8' }]);
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') invalid('the statement is empty', [{ where: 'file', field: 'content', message: 'empty' }]);
  const parsed: { format: StatementFormat; lines: ParsedLine[] } = text.trimStart().startsWith('<')
    ? { format: 'camt053', lines: parseCamt053(text) }
    : { format: 'csv', lines: parseCsv(text) };
  assertPlainText(parsed.lines);
  return parsed;
}

/** A control character in a field (NUL, which PostgreSQL refuses in text, or any other) is named, not stored. */
function assertPlainText(lines: ParsedLine[]): void {
  const issues: StatementIssue[] = [];
  for (const { where, ...fields } of lines) {
    const bad = findBadText(fields, '');
    if (bad) issues.push({ where, field: bad.path.slice(1), message: `${bad.character} is not allowed in a statement field` });
  }
  if (issues.length) invalid(`the statement has control characters in ${issues.length} line(s); nothing was imported`, issues);
}

/** An instant with its offset (ISO 8601), or `YYYY-MM-DD HH:mm[:ss]` read as Beijing time (UTC+8, no DST). */
export function parseInstant(text: string): Date | null {
  const t = text.trim();
  const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2}(?:\.\d{1,3})?)?$/.exec(t);
  const iso = local ? `${local[1]}T${local[2]}${local[3] ?? ':00'}+08:00` : t;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(iso)) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A booking date without a time counts at the end of that day in Beijing (the latest it can have arrived). */
function endOfBeijingDay(date: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const d = new Date(`${date}T23:59:59.999+08:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

// ---------------------------------------------------------------- CSV (RFC 4180)

function csvRecords(text: string): { cells: string[]; line: number }[] {
  const records: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let i = 0;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      i++;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\n' || c === '\r') {
      endCell();
      if (cells.some((x) => x !== '') || cells.length > 1) records.push({ cells, line: startLine });
      cells = [];
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      startLine = line;
    } else cell += c;
    i++;
  }
  if (quoted) invalid('the CSV has an unterminated quoted field', [{ where: `line ${startLine}`, field: 'quote', message: 'unterminated quoted field' }]);
  endCell();
  if (cells.some((x) => x !== '') || cells.length > 1) records.push({ cells, line: startLine });
  return records;
}

function parseCsv(text: string): ParsedLine[] {
  const records = csvRecords(text);
  const header = records.shift()!;
  const names = header.cells.map((c) => c.trim());
  const issues: StatementIssue[] = [];
  for (const n of names) if (!(CSV_COLUMNS as readonly string[]).includes(n)) issues.push({ where: 'line 1', field: n, message: `unknown column; the columns are ${CSV_COLUMNS.join(', ')}` });
  for (const n of REQUIRED_CSV) if (!names.includes(n)) issues.push({ where: 'line 1', field: n, message: 'required column missing' });
  if (new Set(names).size !== names.length) issues.push({ where: 'line 1', field: 'header', message: 'a column is named twice' });
  if (issues.length) invalid('the CSV header is not the statement format (docs/bank-statements.md)', issues);
  if (records.length > MAX_LINES) invalid(`at most ${MAX_LINES} lines per statement`, [{ where: 'file', field: 'lines', message: 'too many lines' }]);
  const lines: ParsedLine[] = [];
  for (const r of records) {
    const where = `line ${r.line}`;
    if (r.cells.length !== names.length) {
      issues.push({ where, field: 'columns', message: `${r.cells.length} fields where the header has ${names.length}` });
      continue;
    }
    const get = (n: string) => {
      const v = r.cells[names.indexOf(n)]?.trim();
      return v === undefined || v === '' ? null : v;
    };
    const bookedAt = parseInstant(get('bookedAt') ?? '');
    if (!bookedAt) issues.push({ where, field: 'bookedAt', message: 'an ISO 8601 instant with its offset, or YYYY-MM-DD HH:mm:ss in Beijing time' });
    const amountFen = yuanToFen(get('amountYuan') ?? '');
    if (amountFen === null || amountFen === 0n) issues.push({ where, field: 'amountYuan', message: 'yuan above zero with at most two decimals, e.g. 80000.00' });
    const dir = (get('direction') ?? '').toUpperCase();
    const direction = dir === 'C' || dir === 'CRDT' ? 'credit' : dir === 'D' || dir === 'DBIT' ? 'debit' : null;
    if (!direction) issues.push({ where, field: 'direction', message: 'C (credit) or D (debit)' });
    const currency = (get('currency') ?? 'CNY').toUpperCase();
    if (currency !== 'CNY') issues.push({ where, field: 'currency', message: 'only CNY' });
    const bankSerial = get('bankSerial');
    if (!bankSerial || bankSerial.length > 64) issues.push({ where, field: 'bankSerial', message: 'required, at most 64 characters' });
    const tooLong = (['payerAccount', 'payerName', 'payeeAccount', 'voucherNo'] as const).find((n) => (get(n)?.length ?? 0) > 200);
    if (tooLong) issues.push({ where, field: tooLong, message: 'at most 200 characters' });
    if (bookedAt && amountFen && direction && bankSerial && currency === 'CNY' && !tooLong && amountFen > 0n) {
      lines.push({
        bankSerial,
        bookedAt,
        valueDate: null,
        direction,
        amountFen,
        currency,
        payerAccount: get('payerAccount'),
        payerName: get('payerName'),
        payeeAccount: get('payeeAccount'),
        voucherNo: get('voucherNo'),
        where,
      });
    }
  }
  if (issues.length) invalid(`the CSV has ${issues.length} problem(s); nothing was imported`, issues);
  return lines;
}

// ---------------------------------------------------------------- camt.053

const ARRAYS = new Set(['Stmt', 'Ntry', 'NtryDtls', 'TxDtls']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
  // Only the five predefined entities; no DOCTYPE reaches the parser (refused before).
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: true,
  isArray: (name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute && ARRAYS.has(name),
});

type X = Record<string, unknown> | string | undefined;
function child(node: X, ...path: string[]): X {
  let at: X = node;
  for (const p of path) {
    if (!at || typeof at === 'string') return undefined;
    const next: unknown = at[p];
    at = Array.isArray(next) ? (next[0] as X) : (next as X);
  }
  return at;
}
function text(node: X, ...path: string[]): string | null {
  const n = child(node, ...path);
  const t = typeof n === 'string' ? n : n && typeof n['#text'] === 'string' ? n['#text'] : null;
  return t === null || t.trim() === '' ? null : t.trim();
}
function list(node: X, name: string): Record<string, unknown>[] {
  if (!node || typeof node === 'string') return [];
  const v = node[name];
  return Array.isArray(v) ? (v as Record<string, unknown>[]) : v ? [v as Record<string, unknown>] : [];
}
function accountId(node: X): string | null {
  return text(node, 'Id', 'Othr', 'Id') ?? text(node, 'Id', 'IBAN');
}
function partyName(node: X): string | null {
  return text(node, 'Nm') ?? text(node, 'Pty', 'Nm');
}

function parseCamt053(xml: string): ParsedLine[] {
  // Entity expansion and external entities are refused outright (no DTD has any business in a statement).
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) invalid('a DOCTYPE or entity declaration is refused', [{ where: 'file', field: 'DOCTYPE', message: 'not allowed' }]);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) invalid(`the XML is not well-formed: ${valid.err.msg}`, [{ where: `line ${valid.err.line}`, field: 'xml', message: valid.err.msg }]);
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch (err) {
    invalid(`the XML cannot be read: ${(err as Error).message}`, [{ where: 'file', field: 'xml', message: (err as Error).message }]);
  }
  const root = child(doc, 'Document', 'BkToCstmrStmt');
  if (!root || typeof root === 'string') invalid('not a camt.053 statement: Document/BkToCstmrStmt is missing', [{ where: 'Document', field: 'BkToCstmrStmt', message: 'missing' }]);
  const issues: StatementIssue[] = [];
  const lines: ParsedLine[] = [];
  list(root, 'Stmt').forEach((stmt, s) => {
    list(stmt, 'Ntry').forEach((ntry, n) => {
      const at = `Stmt[${s}]/Ntry[${n}]`;
      const status = text(ntry, 'Sts', 'Cd') ?? text(ntry, 'Sts');
      if (status && status !== 'BOOK') return; // pending or informational entries are not money received
      const ind = text(ntry, 'CdtDbtInd');
      const direction = ind === 'CRDT' ? 'credit' : ind === 'DBIT' ? 'debit' : null;
      if (!direction) issues.push({ where: at, field: 'CdtDbtInd', message: 'CRDT or DBIT' });
      const dtTm = text(ntry, 'BookgDt', 'DtTm');
      const dt = text(ntry, 'BookgDt', 'Dt');
      const bookedAt = dtTm ? parseInstant(dtTm) : dt ? endOfBeijingDay(dt) : null;
      if (!bookedAt) issues.push({ where: `${at}/BookgDt`, field: 'BookgDt', message: 'DtTm with its offset, or Dt' });
      const valueDate = text(ntry, 'ValDt', 'Dt') ?? text(ntry, 'ValDt', 'DtTm')?.slice(0, 10) ?? null;
      const txs = list(ntry, 'NtryDtls').flatMap((d) => list(d, 'TxDtls'));
      const details: (Record<string, unknown> | undefined)[] = txs.length ? txs : [undefined];
      details.forEach((tx, i) => {
        const where = tx ? `${at}/NtryDtls/TxDtls[${i}]` : at;
        const amtNode = (tx && (child(tx, 'Amt') ?? child(tx, 'AmtDtls', 'TxAmt', 'Amt'))) ?? (details.length === 1 ? child(ntry, 'Amt') : undefined);
        const amountText = text(amtNode);
        const amountFen = amountText === null ? null : yuanToFen(amountText);
        if (amountFen === null || amountFen === 0n) issues.push({ where: `${where}/Amt`, field: 'Amt', message: 'an amount above zero with at most two decimals' });
        const ccy = amtNode && typeof amtNode !== 'string' ? (amtNode['@_Ccy'] as string | undefined) : undefined;
        if (ccy !== 'CNY') issues.push({ where: `${where}/Amt`, field: 'Ccy', message: 'Ccy="CNY" only' });
        const serialBase = (tx && text(tx, 'Refs', 'AcctSvcrRef')) ?? text(ntry, 'AcctSvcrRef');
        const bankSerial = serialBase && (tx && text(tx, 'Refs', 'AcctSvcrRef') ? serialBase : details.length > 1 ? `${serialBase}/${i + 1}` : serialBase);
        if (!bankSerial || bankSerial.length > 64) issues.push({ where, field: 'AcctSvcrRef', message: "the bank's reference (TxDtls/Refs/AcctSvcrRef or Ntry/AcctSvcrRef), at most 64 characters" });
        const refs = tx ? child(tx, 'Refs') : undefined;
        const voucher = [text(refs, 'TxId'), text(refs, 'EndToEndId'), text(refs, 'InstrId')].find((v) => v && v !== 'NOTPROVIDED') ?? null;
        const parties = tx ? child(tx, 'RltdPties') : undefined;
        if (direction && bookedAt && amountFen && bankSerial && ccy === 'CNY' && bankSerial.length <= 64 && amountFen > 0n) {
          lines.push({
            bankSerial,
            bookedAt,
            valueDate,
            direction,
            amountFen,
            currency: 'CNY',
            payerAccount: accountId(child(parties, 'DbtrAcct')),
            payerName: partyName(child(parties, 'Dbtr')),
            payeeAccount: accountId(child(parties, 'CdtrAcct')),
            voucherNo: voucher,
            where,
          });
        }
      });
    });
  });
  if (lines.length > MAX_LINES) invalid(`at most ${MAX_LINES} lines per statement`, [{ where: 'file', field: 'lines', message: 'too many lines' }]);
  if (issues.length) invalid(`the camt.053 statement has ${issues.length} problem(s); nothing was imported`, issues);
  return lines;
}
