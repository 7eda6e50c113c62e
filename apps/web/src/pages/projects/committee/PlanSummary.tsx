import type { CommitteePlanInput, Sitting } from '@bidhall/contracts';
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../format.ts';
import { useCatalog } from '../../../hooks/useCatalog.tsx';
import { useLocale } from '../../../i18n/LocaleProvider.tsx';
import { specialtyName } from '../../experts/specialties.ts';
import { planLabel } from './planLabel.ts';

/** A plan that can no longer change here (drawn, or read only for the caller), as a summary. */
export function PlanSummary({ plan, sitting = 'bid' }: { plan: CommitteePlanInput; sitting?: Sitting }) {
  const { t } = useTranslation();
  const { lang } = useLocale();
  const { regionName } = useCatalog();
  const yes = (v: boolean) => (v ? <Tag color="blue">✓</Tag> : <span className="muted">—</span>);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="committee-plan-summary"
      items={[
        { key: 'size', label: t(planLabel(sitting, 'size')), children: plan.size },
        { key: 'reps', label: t(planLabel(sitting, 'tendererRepresentatives')), children: plan.tendererRepresentatives },
        { key: 'experts', label: t(planLabel(sitting, 'specialties')), children: plan.specialties.map((s) => <Tag key={s.code}>{`${specialtyName(s.code, lang)} × ${s.count}`}</Tag>) },
        { key: 'levels', label: t(planLabel(sitting, 'levels')), children: plan.levels.map((l) => t(`experts.levels.${l}`)).join(t('common.listSeparator')) },
        { key: 'regions', label: t(planLabel(sitting, 'regionCodes')), children: plan.regionCodes.map(regionName).join(t('common.listSeparator')) },
        { key: 'mandatory', label: t(planLabel(sitting, 'mandatory')), children: yes(plan.mandatory) },
        { key: 'water', label: t(planLabel(sitting, 'waterProject')), children: yes(plan.waterProject) },
        { key: 'starts', label: t(planLabel(sitting, 'evaluationStartsAt')), children: formatTime(plan.evaluationStartsAt) },
        { key: 'answer', label: t(planLabel(sitting, 'answerWithinMinutes')), children: plan.answerWithinMinutes },
        { key: 'venue', label: t(planLabel(sitting, 'venue')), span: 'filled', children: plan.venue },
        {
          key: 'avoid',
          label: t(planLabel(sitting, 'avoidUnits')),
          span: 'filled',
          children: plan.avoidUnits.length ? plan.avoidUnits.map((u) => <Tag key={`${u.name}/${u.creditCode ?? ''}`}>{u.name}</Tag>) : <span className="muted">—</span>,
        },
      ]}
    />
  );
}
