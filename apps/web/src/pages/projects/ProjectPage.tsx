import type { TenderingProjectView } from '@bidhall/contracts';
import { Card, Descriptions, Skeleton, Space, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { projectsApi } from '../../api/projects.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatTime } from '../../format.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { formatFen } from './money.ts';
import { SubmissionTag } from './tags.tsx';
import './projects.css';

/** A project (项目) with its approval code and the tendering projects under it. */
export default function ProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { regionName, categoryName } = useCatalog();
  const detail = useLoader(() => projectsApi.project(id), [id]);
  const d = detail.data;
  const p = d?.project;

  return (
    <div data-testid="project-page">
      <PageHeading
        title={
          <Space>
            {p?.name ?? t('projects.project.title')}
            {p && <Tag color={p.status === 'registered' ? 'success' : p.status === 'submitted' ? 'processing' : 'default'}>{t(`projects.project.projectStatus.${p.status}`)}</Tag>}
          </Space>
        }
        subtitle={p ? <span className="mono">{p.approvalCode}</span> : undefined}
        trail={[{ title: t('projects.title'), to: '/projects' }, { title: p?.name ?? t('projects.project.title') }]}
      />
      <div className="container page-body">
        {detail.error && !d ? (
          <LoadError error={detail.error} onRetry={() => void detail.reload()} />
        ) : !d || !p ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          <>
            <Card className="queue-card">
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2, xl: 3 }}
                items={[
                  { key: 'code', label: t('projects.project.approvalCode'), children: <span className="mono">{p.approvalCode}</span> },
                  { key: 'owner', label: t('projects.project.owner'), children: p.ownerName },
                  { key: 'region', label: t('projects.entry.region'), children: regionName(p.regionCode) },
                  {
                    key: 'category',
                    label: t('projects.entry.category'),
                    children: (
                      <>
                        {categoryName(p.category)}
                        {p.mustEnter && (
                          <Tag color="volcano" className="inline-tag">
                            {t('projects.mustEnter')}
                          </Tag>
                        )}
                      </>
                    ),
                  },
                  { key: 'kind', label: t('projects.entry.kind'), children: t(`projects.kind.${p.kind}`) },
                  { key: 'investment', label: t('projects.entry.investment'), children: <span className="mono">{formatFen(p.investmentFen)}</span> },
                  { key: 'funding', label: t('projects.entry.fundingSource'), children: p.fundingSource },
                  { key: 'location', label: t('projects.entry.location'), children: p.location },
                  { key: 'created', label: t('projects.columns.createdAt'), children: formatTime(p.createdAt) },
                ]}
              />
            </Card>
            <Card title={t('projects.project.tenderingProjects')}>
              <Table<TenderingProjectView>
                rowKey="id"
                size="middle"
                pagination={false}
                dataSource={d.tenderingProjects}
                columns={[
                  { title: t('projects.columns.tenderingProject'), dataIndex: 'name', render: (v: string, tp) => <Link to={`/projects/tendering/${tp.id}`}>{v}</Link> },
                  { title: t('projects.columns.method'), dataIndex: 'method', render: (m: TenderingProjectView['method']) => t(`projects.method.${m}`) },
                  { title: t('projects.columns.tenderer'), dataIndex: 'tendererName' },
                  { title: t('projects.columns.agency'), dataIndex: 'agencyName', render: (v: string | null) => v ?? '—' },
                  { title: t('projects.columns.status'), dataIndex: 'status', render: (s: TenderingProjectView['status']) => <SubmissionTag status={s} /> },
                  { title: t('projects.columns.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
                ]}
              />
            </Card>
          </>
        )}
      </div>
    </div>
  );
}
