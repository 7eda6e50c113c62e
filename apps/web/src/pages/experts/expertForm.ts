import type { ExpertApplication, ExpertEdit, ExpertView } from '@bidhall/contracts';
import dayjs, { type Dayjs } from 'dayjs';

/** The facts an application, a nomination and an edit share. */
export type ExpertFacts = Omit<ExpertApplication, 'name' | 'idNumber'>;
type Level = ExpertFacts['level'];

export interface EmployerRow {
  name?: string;
  creditCode?: string;
  from?: Dayjs | null;
  until?: Dayjs | null;
}

/** The form's values: the contract's shape, with pickers' dates. */
export interface ExpertFormValues {
  name?: string;
  idNumber?: string;
  phone?: string;
  employer?: { name?: string; creditCode?: string };
  title?: string;
  level?: Level;
  regionCode?: string;
  specialties?: string[];
  conflicts?: { employers?: EmployerRow[]; relativesEmployers?: { relation?: string; name?: string }[] };
}

const trim = (s: string | undefined) => (s ?? '').trim();
/** An optional credit code: upper case, left out when blank. */
const code = (s: string | undefined) => (trim(s) ? { creditCode: trim(s).toUpperCase() } : {});
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** The validated form as the API's facts: trimmed, dates as YYYY-MM-DD, blank credit codes left out. */
export function toFacts(v: ExpertFormValues): ExpertFacts {
  return {
    phone: trim(v.phone),
    employer: { name: trim(v.employer?.name), ...code(v.employer?.creditCode) },
    title: trim(v.title),
    level: v.level as Level,
    regionCode: v.regionCode ?? '',
    specialties: v.specialties ?? [],
    conflicts: {
      employers: (v.conflicts?.employers ?? []).map((e) => ({ name: trim(e.name), ...code(e.creditCode), from: day(e.from) ?? '', until: day(e.until) })),
      relativesEmployers: (v.conflicts?.relativesEmployers ?? []).map((r) => ({ relation: trim(r.relation), name: trim(r.name) })),
    },
  };
}

/** An application: the person and the facts. */
export function toApplication(v: ExpertFormValues): ExpertApplication {
  return { name: trim(v.name), idNumber: trim(v.idNumber).toUpperCase(), ...toFacts(v) };
}

/** An expert's facts as the form's initial values. */
export function toFormValues(e: Pick<ExpertView, keyof ExpertFacts>): ExpertFormValues {
  return {
    phone: e.phone,
    employer: { ...e.employer },
    title: e.title,
    level: e.level,
    regionCode: e.regionCode,
    specialties: [...e.specialties],
    conflicts: {
      employers: e.conflicts.employers.map((x) => ({ name: x.name, creditCode: x.creditCode, from: dayjs(x.from), until: x.until ? dayjs(x.until) : null })),
      relativesEmployers: e.conflicts.relativesEmployers.map((r) => ({ ...r })),
    },
  };
}

const FIELDS = ['phone', 'employer', 'title', 'level', 'regionCode', 'specialties', 'conflicts'] as const;

/** Only the fields that changed, with the reason: the edit the history shows field by field. Null when nothing changed. */
export function toEdit(before: Pick<ExpertView, keyof ExpertFacts>, after: ExpertFacts, reason: string): ExpertEdit | null {
  const changed: Partial<ExpertFacts> = {};
  for (const f of FIELDS) {
    if (JSON.stringify(normal(before[f])) !== JSON.stringify(normal(after[f]))) Object.assign(changed, { [f]: after[f] });
  }
  return Object.keys(changed).length ? { ...changed, reason: reason.trim() } : null;
}

/** Objects compared with sorted keys and no undefined members. */
function normal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normal);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, normal(v)]),
    );
  }
  return value;
}
