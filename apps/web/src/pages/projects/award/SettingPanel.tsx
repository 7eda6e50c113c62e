import { LockOutlined, SaveOutlined } from '@ant-design/icons';
import { AWARD_AUTHORITIES, type AwardAuthority, type AwardSettingView } from '@bidhall/contracts';
import { App, Button, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { awardApi } from '../../../api/award.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';

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
  const { message } = App.useApp();
  const [authority, setAuthority] = useState<AwardAuthority>(setting.authority);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const editable = canManage && !setting.fixed;

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await awardApi.setting(sectionId, { authority });
      message.success(t('award.setting.saved'));
      await onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="award-setting" data-authority={setting.authority} data-fixed={String(setting.fixed)}>
      <Radio.Group
        value={authority}
        disabled={!editable || busy}
        onChange={(e) => setAuthority(e.target.value as AwardAuthority)}
        options={AWARD_AUTHORITIES.map((a) => ({ value: a, label: t(`award.setting.${a}`) }))}
        orientation="vertical"
        data-testid="award-setting-authority"
      />
      <div className="muted small" style={{ marginTop: 8 }}>
        <Space wrap size={4}>
          {setting.fixed && (
            <Tag icon={<LockOutlined />} data-testid="award-setting-fixed">
              {t('award.setting.fixed')}
            </Tag>
          )}
          {!setting.explicit && <Tag>{t('award.setting.byDefault')}</Tag>}
          {setting.setAt && <span>{t('award.setting.setAt', { time: formatTime(setting.setAt) })}</span>}
          <Typography.Text type="secondary" className="small">
            {t('award.setting.hint')}
          </Typography.Text>
        </Space>
      </div>
      {editable && (
        <Button
          style={{ marginTop: 8 }}
          icon={<SaveOutlined />}
          loading={busy}
          disabled={authority === setting.authority && setting.explicit}
          onClick={() => void save()}
          data-testid="award-setting-save"
        >
          {t('award.setting.save')}
        </Button>
      )}
      <ProblemAlert error={error} testId="award-setting-error" />
    </div>
  );
}
