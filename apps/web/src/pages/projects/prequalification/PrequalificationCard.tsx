import { PREQUALIFICATION_AUTHORITIES, type PrequalificationSettingView, type SectionDetail } from '@bidhall/contracts';
import { Card, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { prequalificationApi } from '../../../api/prequalification.ts';
import { useSession } from '../../../auth/SessionContext.tsx';
import { FixedSettingPanel } from '../../../components/FixedSettingPanel.tsx';
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
  return (
    <FixedSettingPanel
      setting={setting}
      options={PREQUALIFICATION_AUTHORITIES.map((a) => ({ value: a, label: t(`prequalification.setting.${a}`) }))}
      labels={{
        fixed: t('prequalification.setting.fixed'),
        byDefault: t('prequalification.setting.byDefault'),
        setAt: (time) => t('prequalification.setting.setAt', { time }),
        hint: t('prequalification.setting.hint'),
        save: t('prequalification.setting.save'),
        saved: t('prequalification.setting.saved'),
      }}
      save={(authority) => prequalificationApi.setting(sectionId, { authority })}
      canManage={canManage}
      onChanged={onChanged}
      testId="pq-setting"
    />
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
