import { z } from 'zod';
import { isoDateTime, regionCode, uuid } from './common.ts';

/**
 * Opening record templates (开标记录模板, A-115; decision 0022): how a region's opening records read —
 * the title and the text before and after, and the order and headings of the record's parts. The
 * facts themselves (bidders, readout, objections, signatures) always come from the hall: a template
 * can arrange them but not leave out what the law requires in the record.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const plain = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !CONTROL.test(s), 'no control characters');

/** The parts of an opening record, each drawn from the hall. */
export const RECORD_BLOCKS = ['bidders', 'readout', 'coefficient', 'objections', 'signatures'] as const;
export const recordBlock = z.enum(RECORD_BLOCKS);
export type RecordBlock = z.infer<typeof recordBlock>;
/** What every record carries whatever the template (E-bidding Measures art. 31, Regulations art. 44, A-114, A-125). */
export const REQUIRED_RECORD_BLOCKS: readonly RecordBlock[] = ['bidders', 'readout', 'objections', 'signatures'];

/** `{{name}}` in a title, preamble or closing: filled from the section and the hall when the record is drawn up. */
export const RECORD_PLACEHOLDERS = ['sectionName', 'sectionCode', 'projectName', 'tendererName', 'bidDeadline', 'openedAt', 'round'] as const;
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Placeholders a text names that the record does not know. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((n) => !(RECORD_PLACEHOLDERS as readonly string[]).includes(n));
}

const templated = (max: number) => plain(max).refine((s) => unknownPlaceholders(s).length === 0, { message: `placeholders are {{${RECORD_PLACEHOLDERS.join('}}, {{')}}}` });

const blocks = z
  .array(z.strictObject({ block: recordBlock, heading: plain(60) }))
  .min(REQUIRED_RECORD_BLOCKS.length)
  .max(RECORD_BLOCKS.length)
  .refine((list) => new Set(list.map((b) => b.block)).size === list.length, 'each part at most once')
  .refine((list) => REQUIRED_RECORD_BLOCKS.every((r) => list.some((b) => b.block === r)), `the record always has ${REQUIRED_RECORD_BLOCKS.join(', ')}`);

/** What a template says: the part a record keeps as drawn up. */
export const recordTemplateContent = z.strictObject({
  title: templated(200),
  preamble: templated(2000).nullable(),
  blocks,
  closing: templated(2000).nullable(),
});
export type RecordTemplateContent = z.infer<typeof recordTemplateContent>;

export const recordTemplateRequest = z.strictObject({
  name: plain(80),
  /** The region whose sections use it; null for the whole platform (administered by the top region). */
  regionCode: regionCode.nullable(),
  content: recordTemplateContent,
  /** The one its region's records are drawn up from; setting it takes the mark from the region's other template. */
  isDefault: z.boolean(),
});
export type RecordTemplateRequest = z.infer<typeof recordTemplateRequest>;

export const recordTemplateView = z.object({
  id: uuid,
  name: z.string(),
  regionCode: regionCode.nullable(),
  content: recordTemplateContent,
  isDefault: z.boolean(),
  /** Raised by every change: a record names the version it was drawn up from. */
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Records drawn up from it (they keep their own copy: editing or deleting it changes none of them). */
  records: z.number().int(),
});
export type RecordTemplateView = z.infer<typeof recordTemplateView>;

/** The template a record was drawn up from, copied into it (its SM3 covers it). */
export const recordTemplateUsed = z.object({ id: uuid.nullable(), name: z.string(), version: z.number().int(), content: recordTemplateContent });
export type RecordTemplateUsed = z.infer<typeof recordTemplateUsed>;

/** The platform's own template, used where no region has set one (the layout of 开标记录 in the standard documents). */
export const STANDARD_RECORD_TEMPLATE: RecordTemplateUsed = {
  id: null,
  name: '标准开标记录',
  version: 1,
  content: {
    title: '{{sectionName}}（{{sectionCode}}）开标记录',
    preamble: '项目名称：{{projectName}}\n招标人：{{tendererName}}\n投标截止（开标）时间：{{bidDeadline}}',
    blocks: [
      { block: 'bidders', heading: '投标人递交与解密情况' },
      { block: 'readout', heading: '唱标' },
      { block: 'coefficient', heading: '开标时随机抽取的系数' },
      { block: 'objections', heading: '开标现场异议及答复' },
      { block: 'signatures', heading: '投标人电子签名确认' },
    ],
    closing: null,
  },
};

/**
 * The record of a prequalification applications' opening (资格预审申请文件开启记录, A-121…A-125): the
 * same parts, said of applicants; no coefficient is drawn and no bond is asked at this sitting.
 */
export const STANDARD_APPLICATION_RECORD_TEMPLATE: RecordTemplateUsed = {
  id: null,
  name: '标准资格预审申请文件开启记录',
  version: 1,
  content: {
    title: '{{sectionName}}（{{sectionCode}}）资格预审申请文件开启记录',
    preamble: '项目名称：{{projectName}}\n招标人：{{tendererName}}\n申请截止（开启）时间：{{bidDeadline}}',
    blocks: [
      { block: 'bidders', heading: '申请人递交与解密情况' },
      { block: 'readout', heading: '已解密的资格预审申请文件' },
      { block: 'objections', heading: '开启现场异议及答复' },
      { block: 'signatures', heading: '申请人电子签名确认' },
    ],
    closing: null,
  },
};
