import { z } from 'zod';
import { businessDate, regionCode } from './common.ts';
import { isValidCreditCode } from './credit-code.ts';
import { residentIdProblem } from './resident-id.ts';

/**
 * Evaluation expert pool (专家库, issue 12 §1) — contracts only so far.
 * A two-level subset of the national 评标专家专业分类: 工程 / 货物 / 服务 and their children.
 */
export interface SpecialtyNode {
  code: string;
  nameZh: string;
  nameEn: string;
  parent: string | null;
}

export const EXPERT_SPECIALTIES: readonly SpecialtyNode[] = [
  { code: 'A', nameZh: '工程', nameEn: 'Works', parent: null },
  { code: 'A01', nameZh: '房屋建筑', nameEn: 'Building construction', parent: 'A' },
  { code: 'A02', nameZh: '市政公用', nameEn: 'Municipal utilities', parent: 'A' },
  { code: 'A03', nameZh: '公路', nameEn: 'Highways', parent: 'A' },
  { code: 'A04', nameZh: '水利水电', nameEn: 'Water resources and hydropower', parent: 'A' },
  { code: 'A05', nameZh: '工程造价', nameEn: 'Construction cost', parent: 'A' },
  { code: 'B', nameZh: '货物', nameEn: 'Goods', parent: null },
  { code: 'B01', nameZh: '机电设备', nameEn: 'Mechanical and electrical equipment', parent: 'B' },
  { code: 'B02', nameZh: '信息技术设备', nameEn: 'IT equipment', parent: 'B' },
  { code: 'B03', nameZh: '医疗器械', nameEn: 'Medical devices', parent: 'B' },
  { code: 'B04', nameZh: '建筑材料', nameEn: 'Building materials', parent: 'B' },
  { code: 'C', nameZh: '服务', nameEn: 'Services', parent: null },
  { code: 'C01', nameZh: '工程勘察设计', nameEn: 'Survey and design', parent: 'C' },
  { code: 'C02', nameZh: '工程监理', nameEn: 'Construction supervision', parent: 'C' },
  { code: 'C03', nameZh: '信息技术服务', nameEn: 'IT services', parent: 'C' },
  { code: 'C04', nameZh: '法律财务', nameEn: 'Legal and financial services', parent: 'C' },
];

const SPECIALTY_CODES = new Set(EXPERT_SPECIALTIES.map((s) => s.code));
export function isKnownSpecialty(code: string): boolean {
  return SPECIALTY_CODES.has(code);
}

export const EXPERT_STATES = ['applied', 'admitted', 'rejected', 'suspended', 'removed'] as const;
export const expertState = z.enum(EXPERT_STATES);
export type ExpertState = z.infer<typeof expertState>;

export const EXPERT_LEVELS = ['junior', 'intermediate', 'senior', 'professorSenior'] as const; // 初级/中级/高级/正高级
export const expertLevel = z.enum(EXPERT_LEVELS);

const text = (max: number) => z.string().trim().min(1).max(max);

export const declaredEmployer = z.strictObject({
  creditCode: z.string().refine(isValidCreditCode, 'a unified social credit code').optional(),
  name: text(200),
  from: businessDate,
  until: businessDate.nullable(),
});

export const expertApplication = z.strictObject({
  name: text(50),
  idNumber: z.string().refine((s) => residentIdProblem(s) === null, 'a resident ID number'),
  phone: z.string().regex(/^1\d{10}$/, 'an 11-digit mobile number'),
  employer: z.strictObject({ creditCode: z.string().refine(isValidCreditCode, 'a unified social credit code').optional(), name: text(200) }),
  title: text(50),
  level: expertLevel,
  regionCode,
  specialties: z.array(z.string().refine(isKnownSpecialty, 'a known specialty code')).min(1).max(10),
  conflicts: z.strictObject({
    employers: z.array(declaredEmployer).max(20),
    relativesEmployers: z.array(z.strictObject({ relation: text(20), name: text(200) })).max(20),
  }),
});
export type ExpertApplication = z.infer<typeof expertApplication>;
