import type { CommitteePlanInput } from '@bidhall/contracts';
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../format.ts';
import { useCatalog } from '../../../hooks/useCatalog.tsx';
import { useLocale } from '../../../i18n/LocaleProvider.tsx';
import { specialtyName } from '../../experts/specialties.ts';

/** A plan that can no longer change here (drawn, or read only for the caller), as a summary. */
export function PlanSummary({ plan }: { plan: CommitteePlanInput }) {
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
        { key: 'size', label: t('experts.committee.plan.size'), children: plan.size },
        { key: 'reps', label: t('experts.committee.plan.tendererRepresentatives'), children: plan.tendererRepresentatives },
        { key: 'experts', label: t('experts.committee.plan.specialties'), children: plan.specialties.map((s) => <Tag key={s.code}>{`${specialtyName(s.code, lang)} × ${s.count}`}</Tag>) },
        { key: 'levels', label: t('experts.committee.plan.levels'), children: plan.levels.map((l) => t(`experts.levels.${l}`)).join(t('common.listSeparator')) },
        { key: 'regions', label: t('experts.committee.plan.regionCodes'), children: plan.regionCodes.map(regionName).join(t('common.listSeparator')) },
        { key: 'mandatory', label: t('experts.committee.plan.mandatory'), children: yes(plan.mandatory) },
        { key: 'water', label: t('experts.committee.plan.waterProject'), children: yes(plan.waterProject) },
        { key: 'starts', label: t('experts.committee.plan.evaluationStartsAt'), children: formatTime(plan.evaluationStartsAt) },
        { key: 'answer', label: t('experts.committee.plan.answerWithinMinutes'), children: plan.answerWithinMinutes },
        { key: 'venue', label: t('experts.committee.plan.venue'), span: 'filled', children: plan.venue },
        {
          key: 'avoid',
          label: t('experts.committee.plan.avoidUnits'),
          span: 'filled',
          children: plan.avoidUnits.length ? plan.avoidUnits.map((u) => <Tag key={`${u.name}/${u.creditCode ?? ''}`}>{u.name}</Tag>) : <span className="muted">—</span>,
        },
      ]}
    />
  );
}
