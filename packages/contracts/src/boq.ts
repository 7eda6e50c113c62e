import { z } from 'zod';
import { businessDate, isoDateTime, uuid } from './common.ts';
import { fenDecimal } from './projects.ts';

/**
 * The bill of quantities interface spec `bidhall-boq`, version 1 (A-64; docs/boq-interface.md): a tender
 * bill (招标工程量清单, GB 50500-2013) in JSON or XML, both read into the object `boqImport` describes.
 * The fields the rules check (item codes, features, units, quantities) are loose here on purpose: the
 * rules name the exact problem (bad code, missing features, precision for the unit) instead of a type
 * error. What is stored and shown is the normalised `boqBill`.
 */

export const BOQ_FORMAT = 'bidhall-boq';
export const BOQ_VERSION = 1;
/** Largest file the import accepts, and most items (分部分项 + unit-price measures) in one bill. */
export const BOQ_MAX_BYTES = 16 * 1024 * 1024;
export const BOQ_MAX_ITEMS = 50_000;

/**
 * Decimals a quantity may have, by unit (GB 50854-2013 4.2.2 and its sister measurement codes: t three,
 * m³ m² m kg two, counted units whole). 工日 and 台班 (daywork only) take two: the platform's choice.
 */
export const BOQ_UNIT_DECIMALS: Readonly<Record<string, number>> = {
  t: 3,
  m: 2,
  m2: 2,
  m3: 2,
  kg: 2,
  工日: 2,
  台班: 2,
  ...Object.fromEntries(
    ['个', '件', '根', '组', '系统', '台', '套', '樘', '块', '项', '只', '座', '处', '副', '株', '丛', '榀', '扇', '把', '孔', '部', '支', '道', '对', '面', '眼', '次'].map((u) => [u, 0]),
  ),
};

/** Spellings costing tools write for the same unit, read as the spec's spelling. */
export const BOQ_UNIT_ALIASES: Readonly<Record<string, string>> = {
  'm²': 'm2',
  '㎡': 'm2',
  平方米: 'm2',
  M2: 'm2',
  'm³': 'm3',
  '㎥': 'm3',
  立方米: 'm3',
  M3: 'm3',
  米: 'm',
  M: 'm',
  吨: 't',
  T: 't',
  千克: 'kg',
  KG: 'kg',
  Kg: 'kg',
};

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();
const looseQuantity = z.union([z.string().max(40), z.number()]).optional();

/** An item of 分部分项 or a unit-price measure: code, name, features, unit and quantity (the rules check them). */
const importItem = z.strictObject({
  code: z.string().max(40).optional(),
  name: text(200),
  features: z.string().max(4000).optional(),
  unit: z.string().max(20).optional(),
  quantity: looseQuantity,
  remark: optionalText(500),
});

const importUnit = z.strictObject({
  name: text(200),
  code: optionalText(40),
  divisions: z
    .array(z.strictObject({ name: text(200), code: optionalText(40), items: z.array(importItem).min(1).max(BOQ_MAX_ITEMS) }))
    .min(1)
    .max(1000),
  measures: z
    .strictObject({
      unitPrice: z.array(importItem).max(BOQ_MAX_ITEMS).optional(),
      lumpSum: z.array(z.strictObject({ code: z.string().max(40).optional(), name: text(200), remark: optionalText(500) })).max(500).optional(),
    })
    .optional(),
  others: z
    .strictObject({
      provisionalSums: z.array(z.strictObject({ name: text(200), amountFen: fenDecimal, remark: optionalText(500) })).max(500).optional(),
      materialPrices: z
        .array(
          z.strictObject({
            code: optionalText(40),
            name: text(200),
            specification: optionalText(500),
            unit: z.string().max(20).optional(),
            unitPriceFen: fenDecimal,
            quantity: looseQuantity,
            remark: optionalText(500),
          }),
        )
        .max(5000)
        .optional(),
      specialistWorks: z.array(z.strictObject({ name: text(200), scope: optionalText(2000), amountFen: fenDecimal, remark: optionalText(500) })).max(500).optional(),
      daywork: z
        .array(z.strictObject({ category: z.enum(['labour', 'material', 'machinery']), name: text(200), unit: z.string().max(20).optional(), quantity: looseQuantity }))
        .max(2000)
        .optional(),
      serviceFees: z.array(z.strictObject({ name: text(200), scope: optionalText(2000), projectValueFen: fenDecimal.optional(), remark: optionalText(500) })).max(500).optional(),
    })
    .optional(),
  fees: z.array(z.strictObject({ name: text(200), basis: optionalText(500) })).max(100).optional(),
  taxes: z.array(z.strictObject({ name: text(200), basis: optionalText(500) })).max(100).optional(),
});

/** What an import carries once read from JSON or XML (before the rules). */
export const boqImport = z.strictObject({
  format: z.literal(BOQ_FORMAT),
  version: z.literal(BOQ_VERSION),
  project: z.strictObject({
    name: text(200),
    sectionCode: optionalText(60),
    compiler: optionalText(200),
    compiledOn: businessDate.optional(),
    software: optionalText(200),
  }),
  units: z.array(importUnit).min(1).max(200),
});
export type BoqImport = z.infer<typeof boqImport>;

// ---------------------------------------------------------------------------------------------------
// The normalised bill (stored as canonical JSON, hashed with SM3, signed within the manifest)

const boqItem = z.object({
  code: z.string(),
  name: z.string(),
  features: z.string(),
  unit: z.string(),
  /** A decimal string with exactly the unit's decimals. */
  quantity: z.string(),
  remark: z.string().optional(),
});
export type BoqItem = z.infer<typeof boqItem>;

const named = z.object({ name: z.string(), basis: z.string().optional() });

export const boqUnit = z.object({
  name: z.string(),
  code: z.string().optional(),
  divisions: z.array(z.object({ name: z.string(), code: z.string().optional(), items: z.array(boqItem) })),
  measures: z.object({
    unitPrice: z.array(boqItem),
    lumpSum: z.array(z.object({ code: z.string().optional(), name: z.string(), remark: z.string().optional() })),
  }),
  others: z.object({
    provisionalSums: z.array(z.object({ name: z.string(), amountFen: fenDecimal, remark: z.string().optional() })),
    materialPrices: z.array(
      z.object({
        code: z.string().optional(),
        name: z.string(),
        specification: z.string().optional(),
        unit: z.string(),
        unitPriceFen: fenDecimal,
        quantity: z.string().optional(),
        remark: z.string().optional(),
      }),
    ),
    specialistWorks: z.array(z.object({ name: z.string(), scope: z.string().optional(), amountFen: fenDecimal, remark: z.string().optional() })),
    daywork: z.array(z.object({ category: z.enum(['labour', 'material', 'machinery']), name: z.string(), unit: z.string(), quantity: z.string() })),
    serviceFees: z.array(z.object({ name: z.string(), scope: z.string().optional(), projectValueFen: fenDecimal.optional(), remark: z.string().optional() })),
  }),
  fees: z.array(named),
  taxes: z.array(named),
});
export type BoqUnit = z.infer<typeof boqUnit>;

export const boqBill = z.object({
  format: z.literal(BOQ_FORMAT),
  version: z.literal(BOQ_VERSION),
  project: z.object({
    name: z.string(),
    sectionCode: z.string().optional(),
    compiler: z.string().optional(),
    compiledOn: z.string().optional(),
    software: z.string().optional(),
  }),
  units: z.array(boqUnit),
});
export type BoqBill = z.infer<typeof boqBill>;

export const boqCounts = z.object({
  units: z.number().int(),
  divisions: z.number().int(),
  items: z.number().int(),
  unitPriceMeasures: z.number().int(),
  lumpSumMeasures: z.number().int(),
  otherItems: z.number().int(),
  fees: z.number().int(),
  taxes: z.number().int(),
});
export type BoqCounts = z.infer<typeof boqCounts>;

export const BOQ_ENCODINGS = ['json', 'xml'] as const;

export const boqSummary = z.object({
  documentId: uuid,
  /** 1 for the first import; each re-import of a draft adds one. */
  version: z.number().int(),
  sourceEncoding: z.enum(BOQ_ENCODINGS),
  sourceName: z.string().nullable(),
  sourceSm3: z.string(),
  sourceSize: z.number().int(),
  /** SM3 of the normalised bill's canonical JSON: the value the package manifest carries. */
  billSm3: z.string(),
  counts: boqCounts,
  /** The provisional sums (暂列金额) together, integer fen. */
  provisionalSumFen: fenDecimal,
  importedBy: uuid,
  /** The importer's name and organisation, as recorded at import. */
  importedByName: z.string(),
  importedAt: isoDateTime,
});
export type BoqSummary = z.infer<typeof boqSummary>;

export const billOfQuantitiesView = z.object({ summary: boqSummary, bill: boqBill });
export type BillOfQuantitiesView = z.infer<typeof billOfQuantitiesView>;

/** The query of `PUT /api/v1/tender-documents/:id/bill-of-quantities` (body: the JSON or XML file). */
export const boqImportQuery = z.strictObject({
  name: z.string().trim().min(1).max(200).regex(/^[^/\\\0]+$/, 'a file name without folders').optional(),
});

/** Stable codes of `details.issues[].code` in a BOQ_INVALID refusal. */
export const BOQ_ISSUE_CODES = [
  'codeInvalid',
  'codeDuplicate',
  'featuresMissing',
  'unitUnknown',
  'quantityInvalid',
  'quantityNotPositive',
  'quantityPrecision',
  'tooManyItems',
  'required',
  'invalidType',
  'invalidValue',
  'invalidFormat',
  'tooShort',
  'tooLong',
  'unknownField',
] as const;
export type BoqIssueCode = (typeof BOQ_ISSUE_CODES)[number];

/** One problem of a refused bill: where (a path in the object model, the same for JSON and XML) and what. */
export const boqIssue = z.object({
  path: z.string(),
  code: z.enum(BOQ_ISSUE_CODES),
  message: z.string(),
  /** codeDuplicate: where the code was first used. */
  otherPath: z.string().optional(),
});
export type BoqIssue = z.infer<typeof boqIssue>;
