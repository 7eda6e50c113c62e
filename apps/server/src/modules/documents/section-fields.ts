import { DATE_MAX, DATE_MIN, withinDateSpan, type ChapterValues, type ChapterView, type SectionSource, type TemplateChapter, type TemplateField } from '@bidhall/contracts';
import type { SectionSnapshot } from './documents.deps.ts';

/** The section's current value for a field pulled from it, as a string. */
export function sectionValue(source: SectionSource, s: SectionSnapshot): string | null {
  switch (source) {
    case 'sectionName':
      return s.name;
    case 'sectionCode':
      return s.code;
    case 'projectName':
      return s.projectName;
    case 'approvalCode':
      return s.approvalCode;
    case 'tenderingProjectName':
      return s.tenderingProjectName;
    case 'budgetFen':
      return s.budgetFen;
    case 'tendererName':
      return s.tendererName;
    case 'agencyName':
      return s.agencyName;
    case 'documentIssueStart':
    case 'documentIssueEnd':
    case 'questionsDeadline':
    case 'bidDeadline':
    case 'prequalificationDocumentIssueStart':
    case 'prequalificationDocumentIssueEnd':
    case 'prequalificationQuestionsDeadline':
    case 'applicationDeadline':
      return s.timetable[source] ?? null;
  }
}

/** Sets every section-derived field to the section's value now. */
export function withSectionValues(chapters: TemplateChapter[], values: ChapterValues, s: SectionSnapshot): ChapterValues {
  const out: ChapterValues = {};
  for (const c of chapters) {
    out[c.key] = { ...(values[c.key] ?? {}) };
    for (const field of c.fields) if (field.fromSection) out[c.key]![field.key] = sectionValue(field.fromSection, s);
  }
  return out;
}

export interface Inconsistency {
  chapter: string;
  field: string;
  label: string;
  source: SectionSource;
  documentValue: string | null;
  sectionValue: string | null;
}

/** the section-derived values that no longer equal the section. */
export function inconsistencies(chapters: TemplateChapter[], values: ChapterValues, s: SectionSnapshot): Inconsistency[] {
  const out: Inconsistency[] = [];
  for (const c of chapters) {
    for (const field of c.fields) {
      if (!field.fromSection) continue;
      const documentValue = values[c.key]?.[field.key] ?? null;
      const current = sectionValue(field.fromSection, s);
      if (documentValue !== current) out.push({ chapter: c.key, field: field.key, label: field.label, source: field.fromSection, documentValue, sectionValue: current });
    }
  }
  return out;
}

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** The calendar date exists (no 30 February) and the instant parses. */
function realDate(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d && !Number.isNaN(Date.parse(value));
}

/** Why a value does not fit its field's type, or null when it fits. Empty values are checked on packaging. */
export function valueIssue(field: TemplateField, value: string | null): string | null {
  if (value === null || value === '') return null;
  switch (field.type) {
    case 'money':
      return /^(0|[1-9]\d{0,17})$/.test(value) ? null : 'an amount in integer fen';
    case 'number':
      return /^-?(0|[1-9]\d{0,14})(\.\d{1,6})?$/.test(value) ? null : 'a decimal number';
    case 'date':
      return DATE.test(value) && realDate(value) && withinDateSpan(value) ? null : `an ISO date or instant between ${DATE_MIN} and ${DATE_MAX}`;
    case 'select':
      return field.options?.includes(value) ? null : `one of ${(field.options ?? []).join(', ')}`;
    case 'text':
      return value.length <= 4000 ? null : 'at most 4000 characters';
    case 'richText':
      return null;
  }
}

export function chapterViews(chapters: TemplateChapter[], values: ChapterValues): ChapterView[] {
  return chapters.map((c) => ({
    key: c.key,
    number: c.number,
    title: c.title,
    standardText: c.standardText,
    fields: c.fields.map((field) => ({ ...field, value: values[c.key]?.[field.key] ?? null })),
  }));
}
