import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfMetadata } from './bid-fingerprint.ts';
import { blocksOf, DEFAULT_CJK_FONT, PDF_PRODUCER, PdfError, textToPdf } from './bid-pdf.ts';
import { runCli } from './test-support/run-cli.ts';

const HAS_FONT = existsSync(DEFAULT_CJK_FONT);
const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
if (!HAS_FONT) console.warn(`${DEFAULT_CJK_FONT} missing (Debian fonts-noto-cjk): the PDF conversion tests are skipped`);
if (!HAS_PDFTOTEXT) console.warn('pdftotext (poppler-utils) missing: the PDF text is checked through its font mapping only');

const dir = mkdtempSync(join(tmpdir(), 'bidhall-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXT =
  '# 施工组织设计\n\n本工程计划工期**180**日历天，质量标准为合格。\n\n- 项目经理：张三\n- 安全文明施工措施\n\n1. 第一阶段 foundation works\n';

function extract(file: string): string {
  return spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout;
}

describe.skipIf(!HAS_FONT)('bid pdf: text parts to PDF with Chinese rendered (A-89)', () => {
  it('[A-89] Markdown becomes a PDF whose extracted text is the Chinese text, with the font embedded', async () => {
    const pdf = await textToPdf(TEXT, { markdown: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(dir, 'plan.pdf');
    writeFileSync(file, pdf);
    if (HAS_PDFTOTEXT) {
      const text = extract(file).replace(/\s+/g, ' ');
      expect(text).toContain('施工组织设计');
      expect(text).toContain('本工程计划工期180日历天，质量标准为合格。');
      expect(text).toContain('项目经理：张三');
      expect(text).toContain('1. 第一阶段 foundation works');
      const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
      expect(fonts).toMatch(/NotoSansCJKsc-Regular/);
      expect(fonts).toMatch(/Identity-H\s+yes\s+yes\s+yes/); // embedded, subset, with a ToUnicode map
    } else {
      expect(pdf.toString('latin1')).toContain('NotoSansCJKsc-Regular');
    }
    expect(pdfMetadata(pdf)).toMatchObject({ Producer: PDF_PRODUCER, Creator: PDF_PRODUCER });
  }, 30_000);

  it('[A-89] `bidhall bid pdf` converts a text file; a missing font is a usage error (exit 2) with a message', async () => {
    writeFileSync(join(dir, 'letter.txt'), '投标函\n致：某某建设单位\n我方愿意按招标文件的要求承包本工程。\n');
    const ok = await runCli(dir, 'bid', 'pdf', 'letter.txt', '-o', 'letter.pdf');
    expect(ok.status, ok.stderr).toBe(0);
    if (HAS_PDFTOTEXT) expect(extract(join(dir, 'letter.pdf'))).toContain('我方愿意按招标文件的要求承包本工程。');
    else expect(readFileSync(join(dir, 'letter.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await runCli(dir, 'bid', 'pdf', 'letter.txt', '-o', 'x.pdf', '--font', '/nonexistent/font.ttf');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/the font \/nonexistent\/font.ttf cannot be read/);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect((await runCli(dir, 'bid', 'pdf', 'letter.txt')).status).toBe(2);
  }, 90_000); // three CLI starts, on a machine busy with the rest of the suite

  it('the same text and date give the same bytes (an unchanged text part keeps its sealed part)', async () => {
    const at = new Date('2026-12-01T08:00:00Z');
    const [a, b] = [await textToPdf('投标函', { creationDate: at }), await textToPdf('投标函', { creationDate: at })];
    expect(a.equals(b)).toBe(true);
  }, 30_000);

  it('refuses a font it cannot use, without a stack trace', async () => {
    writeFileSync(join(dir, 'notafont.ttf'), 'nonsense');
    await expect(textToPdf('x', { font: join(dir, 'notafont.ttf') })).rejects.toBeInstanceOf(PdfError);
  });
});

describe('bid pdf: Markdown blocks', () => {
  it('reads headings, lists and paragraphs, joins Chinese lines without spaces', () => {
    expect(blocksOf('# 标题\n第一行\n第二行\n\n- 项\n2) 二', true)).toEqual([
      { kind: 'heading', level: 1, text: '标题' },
      { kind: 'paragraph', text: '第一行第二行' },
      { kind: 'blank', text: '' },
      { kind: 'bullet', text: '项' },
      { kind: 'numbered', marker: '2.', text: '二' },
    ]);
  });
});
