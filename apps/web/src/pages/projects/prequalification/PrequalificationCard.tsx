import { LockOutlined, SaveOutlined } from '@ant-design/icons';
import {
  PREQUALIFICATION_AUTHORITIES,
  type PrequalificationAuthority,
  type PrequalificationSettingView,
  type SectionDetail,
} from '@bidhall/contracts';
import { App, Button, Card, Radio, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { prequalificationApi } from '../../../api/prequalification.ts';
import { useSession } from '../../../auth/SessionContext.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { RESULTS_STATE_COLOURS, ResultsPanel } from './ResultsPanel.tsx';

/** 确认方式: set by the tenderer or its agency before the application deadline; fixed at it. */
function SettingPanel({
  sectionId,
  setting,
  canManage,
  onChanged,
}: {
  sectionId: string;
  setting: PrequalificationSettingView;
  canManage: boolean;
  onChanged: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [authority, setAuthority] = useState<PrequalificationAuthority>(setting.authority);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const editable = canManage && !setting.fixed;
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await prequalificationApi.setting(sectionId, { authority });
      message.success(t('prequalification.setting.saved'));
      await onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="pq-setting" data-authority={setting.authority} data-fixed={String(setting.fixed)}>
      <Radio.Group
        value={authority}
        disabled={!editable || busy}
        onChange={(e) => setAuthority(e.target.value as PrequalificationAuthority)}
        options={PREQUALIFICATION_AUTHORITIES.map((a) => ({ value: a, label: t(`prequalification.setting.${a}`) }))}
        orientation="vertical"
      />
      <div className="muted small" style={{ marginTop: 8 }}>
        <Space wrap size={4}>
          {setting.fixed && <Tag icon={<LockOutlined />}>{t('prequalification.setting.fixed')}</Tag>}
          {!setting.explicit && <Tag>{t('prequalification.setting.byDefault')}</Tag>}
          {setting.setAt && <span>{t('prequalification.setting.setAt', { time: formatTime(setting.setAt) })}</span>}
          <Typography.Text type="secondary" className="small">
            {t('prequalification.setting.hint')}
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
          data-testid="pq-setting-save"
        >
          {t('prequalification.setting.save')}
        </Button>
      )}
      <ProblemAlert error={error} testId="pq-setting-error" />
    </div>
  );
}

/**
 * 资格预审结果 of a prequalified section (decision 0039): who confirms the list, and the result
 * letters from the completed review — the confirmed list, the reasons, the
 * signature and staff's verification, the issue and publication.
 */
export function PrequalificationCard({ section }: { section: SectionDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const standing = useLoader(() => prequalificationApi.standing(section.id), [section.id]);
  const s = standing.data;
  const r = s?.results ?? null;
  return (
    <Card
      title={
        <Space wrap size={[8, 4]}>
          {t('prequalification.title')}
          {s && (
            <Tag
              color={r ? RESULTS_STATE_COLOURS[r.state] : 'default'}
              data-testid="pq-card-state"
              data-state={r?.state ?? 'none'}
            >
              {t(`prequalification.states.${r?.state ?? 'none'}`)}
            </Tag>
          )}
        </Space>
      }
      data-testid="prequalification-card"
    >
      {standing.error && !s ? (
        <ProblemAlert error={standing.error} />
      ) : !s ? (
        <Skeleton active />
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="pq-review">
            {s.review
              ? t('prequalification.review.done', {
                  applicants: s.review.applicants,
                  qualified: s.review.qualified,
                  time: formatTime(s.review.completedAt),
                })
              : t('prequalification.review.none')}
          </Typography.Paragraph>
          <Tabs
            defaultActiveKey={s.review || r ? 'results' : 'setting'}
            items={[
              {
                key: 'setting',
                label: t('prequalification.tabs.setting'),
                children: (
                  <SettingPanel
                    key={`${s.setting.authority}/${s.setting.setAt}`}
                    sectionId={section.id}
                    setting={s.setting}
                    canManage={section.canManage}
                    onChanged={standing.reload}
                  />
                ),
              },
              {
                key: 'results',
                label: <span data-testid="pq-results-tab">{t('prequalification.tabs.results')}</span>,
                children: (
                  <ResultsPanel
                    key={r ? `${r.state}/${r.contentSm3}` : 'none'}
                    section={section}
                    standing={s}
                    isStaff={user?.kind === 'staff'}
                    onChanged={standing.reload}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
