import type { TenderingPlanView } from '@bidhall/contracts';
import { Button, Descriptions, Drawer, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { projectsApi } from '../../api/projects.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { ReviewHistory } from '../projects/ReviewHistory.tsx';
import { SubmissionTag } from '../projects/tags.tsx';
import { ReviewModal } from './ReviewModal.tsx';

/** A tendering plan and team for the reviewer, with approve / return. */
export function PlanDrawer({ id, readOnly, onClose, onChanged }: { id: string | null; readOnly: boolean; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const loaded = useLoader(
    async () => {
      if (!id) return undefined;
      const plan = await projectsApi.tenderingPlan(id);
      const tp = await projectsApi.tenderingProject(plan.tenderingProjectId).catch(() => undefined);
      return { plan, tp };
    },
    [id],
  );
  const [deciding, setDeciding] = useState<'approve' | 'reject'>();
  const p: TenderingPlanView | undefined = loaded.data?.plan.id === id ? loaded.data.plan : undefined;
  const tp = loaded.data?.tp;
  const sectionName = (sid: string | null) => (sid ? (tp?.sections.find((s) => s.id === sid)?.name ?? sid) : t('projects.plan.allSections'));

  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={760}
      data-testid="plan-drawer"
      title={
        <Space>
          {t('projects.staff.drawerPlan')}
          {p && <SubmissionTag status={p.status} />}
          {p?.effective && <Tag color="success">{t('projects.plan.effective')}</Tag>}
        </Space>
      }
      extra={
        p?.status === 'submitted' && !readOnly ? (
          <Space>
            <Button danger onClick={() => setDeciding('reject')} data-testid="plan-reject">
              {t('projects.staff.reject')}
            </Button>
            <Button type="primary" onClick={() => setDeciding('approve')} data-testid="plan-approve">
              {t('projects.staff.approve')}
            </Button>
          </Space>
        ) : null
      }
    >
      {loaded.error && !p ? (
        <LoadError error={loaded.error} onRetry={() => void loaded.reload()} />
      ) : !p ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              {
                key: 'tp',
                label: t('projects.staff.tenderingProject'),
                children: tp ? <Link to={`/projects/tendering/${tp.tenderingProject.id}`}>{tp.tenderingProject.name}</Link> : p.tenderingProjectId,
              },
              ...(tp
                ? [
                    { key: 'project', label: t('projects.project.title'), children: tp.project.name },
                    { key: 'tenderer', label: t('projects.side.tenderer'), children: tp.tenderingProject.tendererName },
                    { key: 'agency', label: t('projects.side.agency'), children: tp.tenderingProject.agencyName ?? '—' },
                  ]
                : []),
              { key: 'submitted', label: t('projects.columns.submittedAt'), children: formatTime(p.submittedAt) },
              { key: 'description', label: t('projects.plan.description'), children: <div className="pre-wrap">{p.description || '—'}</div> },
            ]}
          />
          <Table
            className="confirm-block"
            size="small"
            rowKey={(_, i) => String(i)}
            pagination={false}
            title={() => <strong>{t('projects.plan.items')}</strong>}
            dataSource={p.items}
            columns={[
              { title: t('projects.plan.milestone'), dataIndex: 'milestone' },
              { title: t('projects.plan.plannedDate'), dataIndex: 'plannedDate', width: 120 },
              { title: t('projects.plan.section'), dataIndex: 'sectionId', render: (v: string | null) => sectionName(v) },
              { title: t('projects.plan.note'), dataIndex: 'note' },
            ]}
          />
          <Table
            className="confirm-block"
            size="small"
            rowKey={(_, i) => String(i)}
            pagination={false}
            title={() => <strong>{t('projects.plan.team')}</strong>}
            dataSource={p.team}
            columns={[
              { title: t('projects.plan.memberName'), dataIndex: 'name', width: 100 },
              { title: t('projects.plan.memberRole'), dataIndex: 'role', width: 120 },
              { title: t('projects.plan.memberDuties'), dataIndex: 'duties' },
              { title: t('projects.plan.memberPhone'), dataIndex: 'phone', width: 120 },
            ]}
          />
          <h4 className="confirm-block">{t('projects.reviews.title')}</h4>
          <ReviewHistory reviews={p.reviews} />
        </>
      )}
      {deciding && p && (
        <ReviewModal
          initialDecision={deciding}
          onClose={() => setDeciding(undefined)}
          onDecide={(decision, comment) => projectsApi.reviewTenderingPlan(p.id, { decision, comment })}
          onDone={() => {
            setDeciding(undefined);
            void loaded.reload();
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}
