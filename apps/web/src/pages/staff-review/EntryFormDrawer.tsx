import type { EntryFormView, SectionView } from '@bidhall/contracts';
import { Button, Descriptions, Drawer, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { projectsApi } from '../../api/projects.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { formatTime } from '../../format.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { formatFen } from '../projects/money.ts';
import { ReviewHistory } from '../projects/ReviewHistory.tsx';
import { StageTag, SubmissionTag } from '../projects/tags.tsx';
import { ReviewModal } from './ReviewModal.tsx';

/** An entry form in full for the reviewer: project, tendering project, mandate, sections, history. */
export function EntryFormDrawer({ id, readOnly, onClose, onChanged }: { id: string | null; readOnly: boolean; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { regionName, categoryName } = useCatalog();
  const form = useLoader(() => (id ? projectsApi.entryForm(id) : Promise.resolve(undefined)), [id]);
  const [deciding, setDeciding] = useState<'approve' | 'reject'>();
  const f: EntryFormView | undefined = form.data?.id === id ? form.data : undefined;

  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={760}
      title={
        f ? (
          <Space>
            {t('projects.staff.drawerEntry')}
            <SubmissionTag status={f.status} />
          </Space>
        ) : (
          t('projects.staff.drawerEntry')
        )
      }
      data-testid="entry-drawer"
      extra={
        f?.status === 'submitted' && !readOnly ? (
          <Space>
            <Button danger onClick={() => setDeciding('reject')} data-testid="entry-reject">
              {t('projects.staff.reject')}
            </Button>
            <Button type="primary" onClick={() => setDeciding('approve')} data-testid="entry-approve">
              {t('projects.staff.approve')}
            </Button>
          </Space>
        ) : null
      }
    >
      {form.error && !f ? (
        <LoadError error={form.error} onRetry={() => void form.reload()} />
      ) : !f ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <>
          <Descriptions
            bordered
            size="small"
            column={1}
            title={t('projects.entry.steps.project')}
            items={[
              { key: 'code', label: t('projects.entry.approvalCode'), children: <span className="mono">{f.project.approvalCode}</span> },
              { key: 'name', label: t('projects.entry.projectName'), children: <Link to={`/projects/${f.project.id}`}>{f.project.name}</Link> },
              { key: 'owner', label: t('projects.project.owner'), children: f.project.ownerName },
              { key: 'region', label: t('projects.entry.region'), children: regionName(f.project.regionCode) },
              {
                key: 'category',
                label: t('projects.entry.category'),
                children: (
                  <>
                    {categoryName(f.project.category)}
                    {f.mustEnter && (
                      <Tag color="volcano" className="inline-tag">
                        {t('projects.mustEnter')}
                      </Tag>
                    )}
                    {f.prefilled && <Tag color="blue">{t('projects.entry.prefilled')}</Tag>}
                  </>
                ),
              },
              { key: 'kind', label: t('projects.entry.kind'), children: t(`projects.kind.${f.project.kind}`) },
              { key: 'investment', label: t('projects.entry.investment'), children: <span className="mono">{formatFen(f.project.investmentFen)}</span> },
              { key: 'funding', label: t('projects.entry.fundingSource'), children: f.project.fundingSource },
              { key: 'location', label: t('projects.entry.location'), children: f.project.location },
            ]}
          />
          <Descriptions
            bordered
            size="small"
            column={1}
            className="confirm-block"
            title={t('projects.entry.steps.tendering')}
            items={[
              {
                key: 'name',
                label: t('projects.entry.tenderingName'),
                children: <Link to={`/projects/tendering/${f.tenderingProject.id}`}>{f.tenderingProject.name}</Link>,
              },
              { key: 'method', label: t('projects.entry.method'), children: t(`projects.method.${f.tenderingProject.method}`) },
              { key: 'org', label: t('projects.entry.organisation'), children: t(`projects.organisation.${f.tenderingProject.organisation}`) },
              { key: 'tenderer', label: t('projects.side.tenderer'), children: f.tenderingProject.tendererName },
              { key: 'agency', label: t('projects.side.agency'), children: f.tenderingProject.agencyName ?? '—' },
              ...(f.tenderingProject.mandate
                ? [
                    {
                      key: 'mandate',
                      label: t('projects.entry.mandate'),
                      children: f.tenderingProject.mandate.duties.map((d) => t(`projects.duty.${d}`)).join(t('common.listSeparator')),
                    },
                  ]
                : []),
              { key: 'submitted', label: t('projects.columns.submittedAt'), children: formatTime(f.submittedAt) },
            ]}
          />
          <Table<SectionView>
            className="confirm-block"
            size="small"
            rowKey="id"
            pagination={false}
            title={() => <strong>{t('projects.entry.steps.sections')}</strong>}
            dataSource={f.sections}
            columns={[
              { title: t('projects.entry.sectionCode'), dataIndex: 'code', width: 100, render: (v: string) => <span className="mono">{v}</span> },
              { title: t('projects.entry.sectionName'), dataIndex: 'name' },
              { title: t('projects.entry.budget'), dataIndex: 'budgetFen', align: 'right', render: (v: string) => <span className="mono">{formatFen(v)}</span> },
              { title: t('projects.columns.stage'), dataIndex: 'stage', render: (v: SectionView['stage']) => <StageTag stage={v} /> },
            ]}
          />
          <h4 className="confirm-block">{t('projects.reviews.title')}</h4>
          <ReviewHistory reviews={f.reviews} />
        </>
      )}
      {deciding && f && (
        <ReviewModal
          initialDecision={deciding}
          onClose={() => setDeciding(undefined)}
          onDecide={(decision, comment) => projectsApi.reviewEntryForm(f.id, { decision, comment })}
          onDone={() => {
            setDeciding(undefined);
            void form.reload();
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}
