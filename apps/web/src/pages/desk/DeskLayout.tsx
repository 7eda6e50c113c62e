import { Alert, Descriptions, Spin, Tabs, Tag } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { deskSectionApi } from '../../api/notices.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import type { DeskContext } from './deskContext.ts';
import { ExceptionActions } from './ExceptionActions.tsx';
import { StageTag } from './tags.tsx';
import './desk.css';

const TABS = ['notice', 'invitations', 'documents', 'clarifications'] as const;

/** The desk of one section: its heading, the tabs of the desk and the section's exceptions. */
export default function DeskLayout() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { data: section, error, reload } = useLoader(() => deskSectionApi.get(id), [id]);

  if (error) return <LoadError error={error} onRetry={() => void reload()} />;
  if (!section) {
    return (
      <div className="page-loading">
        <Spin size="large" />
      </div>
    );
  }
  const context: DeskContext = { section, isTenderer: user?.entity?.id === section.tendererEntityId, reloadSection: reload };
  const active = TABS.find((tab) => pathname.endsWith(`/${tab}`)) ?? 'notice';
  const tabs = TABS.filter((tab) => tab !== 'invitations' || section.method === 'invitation');

  return (
    <>
      <PageHeading
        title={section.name}
        subtitle={
          <>
            <span className="mono">{section.code}</span> · {section.tenderingProjectName} · <StageTag stage={section.stage} />
            {section.round > 1 && <Tag color="purple">{t('desk.round', { round: section.round })}</Tag>}
          </>
        }
        trail={[{ title: t('nav.workspace'), to: '/workspace' }, { title: t('desk.title') }]}
        extra={section.canManage && <ExceptionActions section={section} onDone={reload} />}
      />
      <div className="container page-body desk-page" data-testid="desk">
        {!section.canManage && <Alert type="warning" showIcon title={t('desk.notManaged')} className="form-alert" />}
        <Descriptions
          size="small"
          className="desk-section-facts"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'method', label: t('desk.section.method'), children: t(`desk.tenderMethod.${section.method}`) },
            { key: 'tenderer', label: t('desk.section.tenderer'), children: section.tendererName },
            { key: 'agency', label: t('desk.section.agency'), children: section.agencyName ?? t('desk.section.self') },
            {
              key: 'bidDeadline',
              label: t('desk.section.bidDeadline'),
              children: formatTime(section.timetable.bidDeadline ?? section.timetable.applicationDeadline),
            },
          ]}
        />
        {section.terminatedReason && (
          <Alert type="error" showIcon title={t('desk.terminated')} description={section.terminatedReason} className="form-alert" />
        )}
        <Tabs
          activeKey={active}
          onChange={(key) => navigate(key)}
          items={tabs.map((tab) => ({ key: tab, label: <span data-testid={`desk-tab-${tab}`}>{t(`desk.tabs.${tab}`)}</span> }))}
        />
        <Suspense fallback={<Spin />}>
          <Outlet context={context} />
        </Suspense>
      </div>
    </>
  );
}
