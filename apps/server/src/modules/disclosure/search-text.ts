// Chinese full-text search without extensions (PGlite and PostgreSQL 15 have no zhparser): text is
// cut into Han characters and overlapping Han bigrams, plus lower-case ASCII words and numbers, by
// the application. The same cutting makes the query, so `道路` finds `天骄路道路改造` and a phrase
// like `道路改造` must appear in that order.

const HAN = /\p{Script=Han}/u;
const WORD = /[a-z0-9]/;
/** PostgreSQL keeps positions up to 16383; we stop indexing a long body well before. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 64;
export const MAX_INDEXED_CHARS = 20_000;

interface Token {
  lexeme: string;
  position: number;
}

type Run = { kind: 'han'; chars: string[]; start: number } | { kind: 'word'; text: string; start: number };

/** Han runs and ASCII words with their positions; anything else separates (and takes a position). */
function runs(text: string, firstPosition: number): { runs: Run[]; next: number } {
  const out: Run[] = [];
  let position = firstPosition;
  let current: Run | null = null;
  for (const ch of Array.from(text.normalize('NFKC').toLowerCase().slice(0, MAX_INDEXED_CHARS))) {
    if (HAN.test(ch)) {
      if (current?.kind !== 'han') {
        if (current) out.push(current);
        current = { kind: 'han', chars: [], start: position };
      }
      current.chars.push(ch);
      position++;
    } else if (WORD.test(ch)) {
      if (current?.kind !== 'word') {
        if (current) out.push(current);
        current = { kind: 'word', text: '', start: position };
        position++;
      }
      current.text += ch;
    } else {
      if (current) out.push(current);
      current = null;
      position++;
    }
  }
  if (current) out.push(current);
  return { runs: out, next: position + 1 };
}

function tokens(text: string, firstPosition: number): { tokens: Token[]; next: number } {
  const { runs: rs, next } = runs(text, firstPosition);
  const out: Token[] = [];
  for (const r of rs) {
    if (r.kind === 'word') {
      out.push({ lexeme: r.text.slice(0, 60), position: r.start });
      continue;
    }
    r.chars.forEach((ch, i) => {
      out.push({ lexeme: ch, position: r.start + i });
      const nextCh = r.chars[i + 1];
      if (nextCh) out.push({ lexeme: ch + nextCh, position: r.start + i });
    });
  }
  return { tokens: out, next };
}

/** The lexemes of a text, in order (for tests and for highlighting). */
export function searchLexemes(text: string): string[] {
  return tokens(text, 1).tokens.map((t) => t.lexeme);
}

function quote(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * A tsvector literal (`'道路':3A,9B …`) for a title (weight A) and body text (weight B), to be cast
 * with `::tsvector`; no text-search configuration parses it, so PGlite and PostgreSQL agree.
 */
export function tsvectorLiteral(title: string, body: string): string {
  const positions = new Map<string, string[]>();
  const add = (list: Token[], weight: 'A' | 'B') => {
    for (const t of list) {
      if (t.position > MAX_POSITION) continue;
      const entry = positions.get(t.lexeme) ?? [];
      if (entry.length < MAX_POSITIONS_PER_LEXEME) entry.push(`${t.position}${weight}`);
      positions.set(t.lexeme, entry);
    }
  };
  const t = tokens(title, 1);
  add(t.tokens, 'A');
  add(tokens(body, t.next + 1).tokens, 'B');
  return [...positions.entries()].map(([lexeme, pos]) => `${quote(lexeme)}:${pos.join(',')}`).join(' ');
}

/**
 * A tsquery literal for what someone typed: every Han run becomes a phrase of its bigrams (a single
 * character matches itself), every ASCII word a prefix; all must match. Null when nothing searchable.
 */
export function tsqueryLiteral(query: string): string | null {
  const parts: string[] = [];
  for (const r of runs(query.slice(0, 100), 1).runs) {
    if (r.kind === 'word') {
      parts.push(`${quote(r.text.slice(0, 60))}:*`);
    } else if (r.chars.length === 1) {
      parts.push(quote(r.chars[0]!));
    } else {
      const bigrams = r.chars.slice(0, -1).map((ch, i) => quote(ch + r.chars[i + 1]!));
      parts.push(bigrams.length === 1 ? bigrams[0]! : `(${bigrams.join(' <-> ')})`);
    }
  }
  return parts.length ? parts.join(' & ') : null;
}
