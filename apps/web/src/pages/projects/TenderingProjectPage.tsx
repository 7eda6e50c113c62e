import { Card, Descriptions, Skeleton, Space, Table, Tabs } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SectionView } from '@bidhall/contracts';
import { projectsApi } from '../../api/projects.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { AgencyContractPanel } from './contract/AgencyContractPanel.tsx';
import { MandateCard } from './MandateCard.tsx';
import { formatFen } from './money.ts';
import { TenderingPlanPanel } from './plan/TenderingPlanPanel.tsx';
import { StageTag, SubmissionTag } from './tags.tsx';
import { paramsWith } from './listParams.ts';
import './projects.css';

const TABS = ['sections', 'mandate', 'contract', 'plan'] as const;

/** A tendering project (A-46): its project, sections, the agency mandate and contract, the plan. */
export default function TenderingProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const detail = useLoader(() => projectsApi.tenderingProject(id), [id]);
  const d = detail.data;
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'sections';
  const set = (changes: Record<string, string | undefined>) => setParams(paramsWith(params, changes), { replace: true });

  if (detail.error && !d) {
    return (
      <div className="container page-body">
        <LoadError error={detail.error} onRetry={() => void detail.reload()} />
      </div>
    );
  }
  if (!d) {
    return (
      <div className="container page-body">
        <Skeleton active paragraph={{ rows: 10 }} />
      </div>
    );
  }
  const tp = d.tenderingProject;
  const entityId = user?.entity?.id;
  const isTenderer = entityId === tp.tendererEntityId;
  const isParty = isTenderer || entityId === tp.agencyEntityId;
  // The contracts' detail does not name the contract or the plan: the URL remembers them once known.
  const known = d as unknown as { agencyContractId?: string | null; tenderingPlanId?: string | null };

  return (
    <div data-testid="tendering-project-page">
      <PageHeading
        title={
          <Space>
            {tp.name}
            <SubmissionTag status={tp.status} />
          </Space>
        }
        subtitle={`${t(`projects.method.${tp.method}`)} · ${t(`projects.organisation.${tp.organisation}`)}`}
        trail={[
          { title: t('projects.title'), to: '/projects' },
          { title: d.project.name, to: `/projects/${d.project.id}` },
          { title: tp.name },
        ]}
      />
      <div className="container page-body">
        <Card className="queue-card">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'project', label: t('projects.project.title'), children: <Link to={`/projects/${d.project.id}`}>{d.project.name}</Link> },
              { key: 'code', label: t('projects.project.approvalCode'), children: <span className="mono">{d.project.approvalCode}</span> },
              { key: 'entry', label: t('projects.tendering.entryForm'), children: <Link to={`/projects/entry/${d.entryFormId}`}>{t('projects.view')}</Link> },
              { key: 'tenderer', label: t('projects.side.tenderer'), children: tp.tendererName },
              { key: 'agency', label: t('projects.side.agency'), children: tp.agencyName ?? t('projects.tendering.noAgency') },
              { key: 'created', label: t('projects.columns.createdAt'), children: formatTime(tp.createdAt) },
            ]}
          />
        </Card>
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(k) => set({ tab: k === 'sections' ? undefined : k })}
            items={[
              {
                key: 'sections',
                label: t('projects.tendering.tabs.sections'),
                children: (
                  <Table<SectionView>
                    rowKey="id"
                    size="middle"
                    pagination={false}
                    dataSource={d.sections}
                    data-testid="tp-sections"
                    columns={[
                      { title: t('projects.columns.code'), dataIndex: 'code', width: 120, render: (v: string) => <span className="mono">{v}</span> },
                      { title: t('projects.columns.section'), dataIndex: 'name', render: (v: string, s) => <Link to={`/projects/sections/${s.id}`}>{v}</Link> },
                      { title: t('projects.columns.budget'), dataIndex: 'budgetFen', align: 'right', width: 160, render: (v: string) => <span className="mono">{formatFen(v)}</span> },
                      { title: t('projects.columns.stage'), dataIndex: 'stage', width: 110, render: (v: SectionView['stage']) => <StageTag stage={v} /> },
                      { title: t('projects.columns.round'), dataIndex: 'round', width: 80 },
                      { title: t('projects.columns.bidDeadline'), key: 'deadline', width: 160, render: (_, s) => formatTime(s.timetable.bidDeadline) },
                    ]}
                  />
                ),
              },
              {
                key: 'mandate',
                label: t('projects.tendering.tabs.mandate'),
                children: <MandateCard detail={d} isTenderer={isTenderer} onSaved={() => void detail.reload()} />,
              },
              {
                key: 'contract',
                label: t('projects.tendering.tabs.contract'),
                children: tab === 'contract' && (
                  <AgencyContractPanel
                    tenderingProjectId={tp.id}
                    hasAgency={Boolean(tp.agencyEntityId)}
                    contractId={params.get('contract') ?? known.agencyContractId ?? undefined}
                    onContractId={(contract) => set({ contract })}
                  />
                ),
              },
              {
                key: 'plan',
                label: t('projects.tendering.tabs.plan'),
                children: tab === 'plan' && (
                  <TenderingPlanPanel
                    tenderingProjectId={tp.id}
                    planId={params.get('plan') ?? known.tenderingPlanId ?? undefined}
                    onPlanId={(plan) => set({ plan })}
                    sections={d.sections}
                    canEdit={isParty}
                  />
                ),
              },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
