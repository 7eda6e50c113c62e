import type { EntryFormRequest, EntryFormView, PrefillView } from '@bidhall/contracts';
import { AGENCY_DUTIES } from '@bidhall/contracts';
import { fenToYuan, yuanToFen } from '../money.ts';

type Project = EntryFormRequest['project'];
type TenderingProject = EntryFormRequest['tenderingProject'];
export type Duty = (typeof AGENCY_DUTIES)[number];

/** The entry form as the page edits it: money in yuan (text), the mandate flattened. */
export interface EntryValues {
  approvalCode: string;
  tendererCreditCode?: string;
  project: Omit<Project, 'approvalCode' | 'investmentFen'> & { investmentYuan: string };
  tenderingProject: {
    name: string;
    method: TenderingProject['method'];
    organisation: TenderingProject['organisation'];
    agencyCreditCode?: string;
    duties: Duty[];
    other: string;
    internationalMechanicalElectrical: boolean;
  };
  sections: { code: string; name: string; budgetYuan: string; content: string }[];
}

export const EMPTY_SECTION = { code: '', name: '', budgetYuan: '', content: '' };

export function emptyValues(): Partial<EntryValues> {
  return {
    approvalCode: '',
    tenderingProject: {
      name: '',
      method: 'open',
      organisation: 'self',
      duties: [...AGENCY_DUTIES],
      other: '',
      internationalMechanicalElectrical: false,
    },
    sections: [{ code: '01', name: '', budgetYuan: '', content: '' }],
  };
}

/** Fields the approval platform filled in. */
export function prefillProject(p: PrefillView): Partial<EntryValues['project']> {
  return {
    name: p.name,
    regionCode: p.regionCode,
    ...(p.category ? { category: p.category } : {}),
    ...(p.kind ? { kind: p.kind } : {}),
    investmentYuan: fenToYuan(p.investmentFen),
    fundingSource: p.fundingSource,
    location: p.location,
  };
}

/** A credit code the view may carry (the contracts' views name parties by id and name only). */
function creditCodeIn(o: object, key: string): string | undefined {
  const v = (o as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
}

export function valuesFromView(v: EntryFormView): EntryValues {
  const p = v.project;
  const tp = v.tenderingProject;
  return {
    approvalCode: p.approvalCode,
    tendererCreditCode: creditCodeIn(tp, 'tendererCreditCode'),
    project: {
      name: p.name,
      regionCode: p.regionCode,
      category: p.category,
      kind: p.kind,
      mandatory: p.mandatory,
      stateFunded: p.stateFunded,
      investmentYuan: fenToYuan(p.investmentFen),
      fundingSource: p.fundingSource,
      location: p.location,
    },
    tenderingProject: {
      name: tp.name,
      method: tp.method,
      organisation: tp.organisation,
      agencyCreditCode: creditCodeIn(tp, 'agencyCreditCode'),
      duties: tp.mandate?.duties ?? [...AGENCY_DUTIES],
      other: tp.mandate?.other ?? '',
      internationalMechanicalElectrical: tp.internationalMechanicalElectrical,
    },
    sections: v.sections.map((s) => ({ code: s.code, name: s.name, budgetYuan: fenToYuan(s.budgetFen), content: s.content })),
  };
}

/** The request: yuan to fen on the digits; the agency's own entry names the tenderer, not an agency. */
export function requestFromValues(values: EntryValues, submit: boolean, actingAsAgency: boolean): EntryFormRequest {
  const { investmentYuan, ...project } = values.project;
  const tp = values.tenderingProject;
  const agency = tp.organisation === 'agency';
  return {
    project: { ...project, approvalCode: values.approvalCode.trim(), investmentFen: yuanToFen(investmentYuan) ?? '' },
    tenderingProject: {
      name: tp.name,
      method: tp.method,
      organisation: actingAsAgency ? 'agency' : tp.organisation,
      ...(agency && !actingAsAgency && tp.agencyCreditCode ? { agencyCreditCode: tp.agencyCreditCode.trim().toUpperCase() } : {}),
      ...(agency || actingAsAgency ? { mandate: { duties: tp.duties, other: tp.other ?? '' } } : {}),
      internationalMechanicalElectrical: tp.internationalMechanicalElectrical,
    },
    sections: values.sections.map((s) => ({ code: s.code.trim(), name: s.name, budgetFen: yuanToFen(s.budgetYuan) ?? '', content: s.content ?? '' })),
    ...(actingAsAgency && values.tendererCreditCode ? { tendererCreditCode: values.tendererCreditCode.trim().toUpperCase() } : {}),
    submit,
  };
}

/** The form field a request path names (`body/sections/0/budgetFen` → sections.0.budgetYuan). */
export function fieldOfPath(segments: string[]): (string | number)[] | undefined {
  const [head, ...rest] = segments;
  if (head === 'project' && rest[0] === 'approvalCode') return ['approvalCode'];
  if (head === 'project' && rest[0] === 'investmentFen') return ['project', 'investmentYuan'];
  if (head === 'project' && rest[0]) return ['project', rest[0]];
  if (head === 'tenderingProject' && rest[0] === 'mandate') return ['tenderingProject', rest[1] === 'other' ? 'other' : 'duties'];
  if (head === 'tenderingProject' && rest[0]) return ['tenderingProject', rest[0]];
  if (head === 'sections' && rest[0] !== undefined && /^\d+$/.test(rest[0])) {
    const field = rest[1] === 'budgetFen' ? 'budgetYuan' : rest[1];
    return field && ['code', 'name', 'budgetYuan', 'content'].includes(field) ? ['sections', Number(rest[0]), field] : ['sections'];
  }
  if (head === 'tendererCreditCode') return ['tendererCreditCode'];
  return undefined;
}

/** Which step (0 project, 1 tendering project, 2 sections) holds a field. */
export function stepOfField(name: (string | number)[]): number {
  if (name[0] === 'tenderingProject' || name[0] === 'tendererCreditCode') return 1;
  if (name[0] === 'sections') return 2;
  return 0;
}
