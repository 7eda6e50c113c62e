import type { CommitteePlanInput } from '@bidhall/contracts';
import type { Dayjs } from 'dayjs';
import { fromPicker, toPicker } from '../shanghai.ts';

type Level = CommitteePlanInput['levels'][number];

/** The plan form's values: the contract's shape with a picker's time and optional blanks while editing. */
export interface PlanFormValues {
  size?: number;
  tendererRepresentatives?: number;
  specialties?: { code?: string; count?: number }[];
  levels?: Level[];
  regionCodes?: string[];
  mandatory?: boolean;
  waterProject?: boolean;
  evaluationStartsAt?: Dayjs | null;
  venue?: string;
  answerWithinMinutes?: number;
  avoidUnits?: { name?: string; creditCode?: string }[];
}

/** The validated form as the API's plan: the time with +08:00, blank credit codes left out. */
export function toPlanInput(v: PlanFormValues): CommitteePlanInput {
  return {
    size: v.size ?? 0,
    tendererRepresentatives: v.tendererRepresentatives ?? 0,
    specialties: (v.specialties ?? []).map((s) => ({ code: s.code ?? '', count: s.count ?? 0 })),
    levels: v.levels ?? [],
    regionCodes: v.regionCodes ?? [],
    mandatory: Boolean(v.mandatory),
    waterProject: Boolean(v.waterProject),
    evaluationStartsAt: fromPicker(v.evaluationStartsAt) ?? '',
    venue: (v.venue ?? '').trim(),
    answerWithinMinutes: v.answerWithinMinutes ?? 0,
    avoidUnits: (v.avoidUnits ?? []).map((u) => {
      const code = (u.creditCode ?? '').trim().toUpperCase();
      return code ? { name: (u.name ?? '').trim(), creditCode: code } : { name: (u.name ?? '').trim() };
    }),
  };
}

/** A saved plan as the form's values, or a first plan for a section of this region and kind. */
export function toPlanForm(plan: CommitteePlanInput | null, section: { regionCode: string; mandatory: boolean }): PlanFormValues {
  if (!plan) {
    return {
      size: 5,
      tendererRepresentatives: 0,
      specialties: [{ code: undefined, count: 5 }],
      levels: ['senior', 'professorSenior'],
      regionCodes: [section.regionCode],
      mandatory: section.mandatory,
      waterProject: false,
      evaluationStartsAt: null,
      venue: '',
      answerWithinMinutes: 60,
      avoidUnits: [],
    };
  }
  return { ...plan, specialties: plan.specialties.map((s) => ({ ...s })), avoidUnits: plan.avoidUnits.map((u) => ({ ...u })), evaluationStartsAt: toPicker(plan.evaluationStartsAt) };
}

/** Seats left for experts, and how many the specialty rows ask for: the two must agree. */
export function seatCounts(v: PlanFormValues): { expertSeats: number; specialtySeats: number } {
  return {
    expertSeats: (v.size ?? 0) - (v.tendererRepresentatives ?? 0),
    specialtySeats: (v.specialties ?? []).reduce((n, s) => n + (s.count ?? 0), 0),
  };
}
