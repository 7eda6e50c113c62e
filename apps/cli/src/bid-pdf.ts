/**
 * Text parts of a bid to PDF (A-89): plain text or simple Markdown (headings, lists, paragraphs)
 * typeset with pdfkit in a CJK font, so Chinese text renders and extracts correctly. The default font
 * is Debian's Noto Sans CJK (package fonts-noto-cjk); `--font` takes any TTF/OTF/TTC.
 */
import { access, readFile, stat } from 'node:fs/promises';
import PDFDocument from 'pdfkit';

export const DEFAULT_CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** The face of a collection used when none is named: Simplified Chinese. */
export const DEFAULT_COLLECTION_FACE = 'NotoSansCJKsc-Regular';
export const PDF_PRODUCER = 'bidhall bid pdf';

export class PdfError extends Error {}

export interface PdfOptions {
  /** Font file (TTF, OTF or TTC). */
  font?: string;
  /** PostScript name of the face inside a TTC collection. */
  fontFace?: string;
  title?: string;
  markdown?: boolean;
  /** The PDF's creation date (default now); the same text and date give the same bytes. */
  creationDate?: Date;
}

interface Block {
  kind: 'heading' | 'paragraph' | 'bullet' | 'numbered' | 'blank';
  level?: number;
  text: string;
  marker?: string;
}

/** Strips inline Markdown that only changes emphasis: **bold**, *em*, `code`, [text](url). */
function inline(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1');
}

export function blocksOf(text: string, markdown: boolean): Block[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  if (!markdown) return lines.map((l) => (l.trim() === '' ? { kind: 'blank', text: '' } : { kind: 'paragraph', text: l }));
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length)
      blocks.push({ kind: 'paragraph', text: inline(para.join(/[\u3000-\u9fff]$/.test(para[0] ?? '') ? '' : ' ')) });
    para = [];
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    let m: RegExpMatchArray | null;
    if (line.trim() === '') {
      flush();
      blocks.push({ kind: 'blank', text: '' });
    } else if ((m = /^(#{1,6})\s+(.*)$/.exec(line))) {
      flush();
      blocks.push({ kind: 'heading', level: m[1]!.length, text: inline(m[2]!) });
    } else if ((m = /^\s*[-*+]\s+(.*)$/.exec(line))) {
      flush();
      blocks.push({ kind: 'bullet', text: inline(m[1]!) });
    } else if ((m = /^\s*(\d+)[.)]\s+(.*)$/.exec(line))) {
      flush();
      blocks.push({ kind: 'numbered', marker: `${m[1]}.`, text: inline(m[2]!) });
    } else {
      para.push(line.trim());
    }
  }
  flush();
  return blocks;
}

const HEADING_SIZES = [20, 16, 14, 13, 12, 12];

/** Typesets text (or Markdown) into a PDF; resolves to the file's bytes. */
export async function textToPdf(text: string, opts: PdfOptions = {}): Promise<Buffer> {
  const font = opts.font ?? DEFAULT_CJK_FONT;
  try {
    await access(font);
  } catch {
    throw new PdfError(
      opts.font
        ? `the font ${font} cannot be read`
        : `no CJK font at ${font}: install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk) or give --font FILE`,
    );
  }
  const face = opts.fontFace ?? (/\.ttc$/i.test(font) ? DEFAULT_COLLECTION_FACE : undefined);
  const blocks = blocksOf(text, opts.markdown ?? false);
  const title = opts.title ?? blocks.find((b) => b.kind === 'heading')?.text ?? 'bid document';
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    info: { Title: title, Producer: PDF_PRODUCER, Creator: PDF_PRODUCER, CreationDate: opts.creationDate ?? new Date() },
    autoFirstPage: true,
    bufferPages: false,
  });
  const out: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => out.push(c));
    doc.on('end', () => resolve(Buffer.concat(out)));
    doc.on('error', reject);
  });
  try {
    doc.registerFont('body', font, face as string);
    doc.font('body');
  } catch (err) {
    doc.end();
    throw new PdfError(`the font ${font}${face ? ` (${face})` : ''} cannot be used: ${(err as Error).message}`);
  }
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  for (const b of blocks) {
    switch (b.kind) {
      case 'blank':
        doc.moveDown(0.5);
        break;
      case 'heading':
        doc
          .moveDown(0.4)
          .fontSize(HEADING_SIZES[(b.level ?? 1) - 1] ?? 12)
          .text(b.text, { width })
          .moveDown(0.3);
        break;
      case 'bullet':
      case 'numbered': {
        const marker = b.kind === 'bullet' ? '•' : (b.marker ?? '');
        doc.fontSize(11).text(`${marker} ${b.text}`, doc.page.margins.left + 14, undefined, { width: width - 14, lineGap: 3 });
        doc.x = doc.page.margins.left;
        break;
      }
      case 'paragraph':
        doc.fontSize(11).text(b.text, { width, lineGap: 3 });
    }
  }
  doc.end();
  return done;
}

/** Converts a .txt or .md file; Markdown when the name ends in .md / .markdown. */
export async function fileToPdf(path: string, opts: Omit<PdfOptions, 'markdown'> = {}): Promise<Buffer> {
  let text: string;
  let modified: Date;
  try {
    text = await readFile(path, 'utf8');
    modified = (await stat(path)).mtime;
  } catch (err) {
    throw new PdfError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (text.includes('\u0000')) throw new PdfError(`${path} is not a text file`);
  // Dated by the source's modification time: an unchanged text part converts to the same bytes (its sealed part is kept).
  return textToPdf(text, { creationDate: modified, ...opts, markdown: /\.(md|markdown)$/i.test(path) });
}

export const isTextPart = (path: string) => /\.(txt|md|markdown)$/i.test(path);
