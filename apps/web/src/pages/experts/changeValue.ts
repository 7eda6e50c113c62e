import type { TFunction } from 'i18next';
import { specialtyName } from './specialties.ts';

interface Ctx {
  t: TFunction;
  lang: string;
  regionName: (code: string) => string;
}

interface Unit {
  name?: string;
  creditCode?: string;
  from?: string;
  until?: string | null;
  relation?: string;
}

const unit = (u: Unit, ctx: Ctx) =>
  [u.relation ? `${u.relation}：` : '', u.name ?? '', u.creditCode ? ` (${u.creditCode})` : '', u.from ? ` ${u.from} ~ ${u.until ?? ctx.t('experts.conflicts.untilNow')}` : ''].join('');

/** One side of an edited field as people read it: names for codes, one line per declared unit. */
export function describeValue(field: string, value: unknown, ctx: Ctx): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (field) {
    case 'level':
      return ctx.t(`experts.levels.${String(value)}` as never);
    case 'regionCode':
      return ctx.regionName(String(value));
    case 'specialties':
      return Array.isArray(value) ? value.map((c) => specialtyName(String(c), ctx.lang)).join(ctx.t('common.listSeparator')) : String(value);
    case 'employer':
      return unit(value as Unit, ctx);
    case 'conflicts': {
      const c = value as { employers?: Unit[]; relativesEmployers?: Unit[] };
      const lines = [
        ...(c.employers ?? []).map((u) => `${ctx.t('experts.conflicts.employers')}：${unit(u, ctx)}`),
        ...(c.relativesEmployers ?? []).map((u) => `${ctx.t('experts.conflicts.relatives')}：${unit(u, ctx)}`),
      ];
      return lines.length ? lines.join('\n') : ctx.t('experts.conflicts.none');
    }
    default:
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  }
}
