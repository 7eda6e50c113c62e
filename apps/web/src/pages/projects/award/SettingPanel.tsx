import { AWARD_AUTHORITIES, type AwardSettingView } from '@bidhall/contracts';
import { useTranslation } from 'react-i18next';
import { awardApi } from '../../../api/award.ts';
import { FixedSettingPanel } from '../../../components/FixedSettingPanel.tsx';

/**
 * 定标方式: the committee recommends and the tenderer decides, or the committee is authorised to
 * decide. The tenderer (or its agency) sets it before the bid deadline; at the deadline it is fixed.
 */
export function SettingPanel({
  sectionId,
  setting,
  canManage,
  onChanged,
}: {
  sectionId: string;
  setting: AwardSettingView;
  canManage: boolean;
  onChanged: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  return (
    <FixedSettingPanel
      setting={setting}
      options={AWARD_AUTHORITIES.map((a) => ({ value: a, label: t(`award.setting.${a}`) }))}
      labels={{
        fixed: t('award.setting.fixed'),
        byDefault: t('award.setting.byDefault'),
        setAt: (time) => t('award.setting.setAt', { time }),
        hint: t('award.setting.hint'),
        save: t('award.setting.save'),
        saved: t('award.setting.saved'),
      }}
      save={(authority) => awardApi.setting(sectionId, { authority })}
      canManage={canManage}
      onChanged={onChanged}
      testId="award-setting"
    />
  );
}
