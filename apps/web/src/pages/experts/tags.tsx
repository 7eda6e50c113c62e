import type { ExpertState, SeatState } from '@bidhall/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { specialtyName } from './specialties.ts';

const STATE_COLOURS: Record<ExpertState, string> = {
  applied: 'processing',
  admitted: 'success',
  rejected: 'default',
  suspended: 'warning',
  removed: 'error',
};

/** 待审核 / 在库 / 未通过 / 暂停 / 清退. */
export function ExpertStateTag({ state }: { state: ExpertState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOURS[state]} data-state={state} data-testid="expert-state">
      {t(`experts.states.${state}`)}
    </Tag>
  );
}

const SEAT_COLOURS: Record<SeatState, string> = { notified: 'processing', accepted: 'success', declined: 'default', expired: 'warning' };

export function SeatStateTag({ state }: { state: SeatState }) {
  const { t } = useTranslation();
  return (
    <Tag color={SEAT_COLOURS[state]} data-state={state}>
      {t(`experts.seatStates.${state}`)}
    </Tag>
  );
}

/** Specialties as tags named in the page's language, the code in the tooltip. */
export function SpecialtyTags({ codes }: { codes: readonly string[] }) {
  const { lang } = useLocale();
  return (
    <>
      {codes.map((c) => (
        <Tag key={c} title={c} variant="outlined">
          {specialtyName(c, lang)}
        </Tag>
      ))}
    </>
  );
}
