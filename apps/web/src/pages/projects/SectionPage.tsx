import { Card, Col, Descriptions, Row, Skeleton, Space, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { projectsApi } from '../../api/projects.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { HallLinks } from '../hall/HallLinks.tsx';
import { AwardCard } from './award/AwardCard.tsx';
import { AgencyRatingCard } from './appraisal/AgencyRatingCard.tsx';
import { PrequalificationCard } from './prequalification/PrequalificationCard.tsx';
import { ContractCard } from './section-contract/ContractCard.tsx';
import { CommitteeCard } from './committee/CommitteeCard.tsx';
import { DepositForfeituresCard } from './guarantees/DepositForfeituresCard.tsx';
import { GuaranteeClaimsCard } from './guarantees/GuaranteeClaimsCard.tsx';
import { sittingsOf } from '../hall/sitting.ts';
import { formatFen } from './money.ts';
import { StageTag } from './tags.tsx';
import { TimetableEditor } from './TimetableEditor.tsx';
import './projects.css';

/** A section (标段/包): its stage and round, its project and tendering project, its timetable. */
export default function SectionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { regionName, categoryName } = useCatalog();
  const section = useLoader(() => projectsApi.section(id), [id]);
  const s = section.data;
  const { user } = useSession();
  // The committee draw (专家抽取): the section's tenderer or agency, the region's staff and supervisors.
  const seesCommittee = Boolean(
    s && s.stage !== 'draft' && s.stage !== 'submitted' && (s.canManage || user?.kind === 'staff' || user?.kind === 'supervisor'),
  );

  return (
    <div data-testid="section-page">
      <PageHeading
        title={
          <Space>
            {s ? s.name : t('projects.section.title')}
            {s && <StageTag stage={s.stage} />}
            {s && s.round > 1 && <Tag>{t('projects.round', { round: s.round })}</Tag>}
          </Space>
        }
        subtitle={s ? <span className="mono">{s.code}</span> : undefined}
        extra={
          // The bid hall exists once the section has a bid deadline; it opens (and counts down) to it. A
          // prequalification section's applications have their own hall, which says when it has no deadline yet.
          s && (
            <HallLinks
              sectionId={s.id}
              sittings={sittingsOf(s.method).filter((x) => x === 'application' || s.timetable.bidDeadline)}
              primary
            />
          )
        }
        trail={[
          { title: t('projects.title'), to: '/projects' },
          ...(s ? [{ title: s.tenderingProjectName, to: `/projects/tendering/${s.tenderingProjectId}` }] : []),
          { title: s?.name ?? t('projects.section.title') },
        ]}
      />
      <div className="container page-body">
        {section.error && !s ? (
          <LoadError error={section.error} onRetry={() => void section.reload()} />
        ) : !s ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Card title={t('projects.section.overview')}>
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'stage', label: t('projects.section.stage'), children: <StageTag stage={s.stage} /> },
                    { key: 'round', label: t('projects.section.round'), children: t('projects.round', { round: s.round }) },
                    {
                      key: 'budget',
                      label: t('projects.section.budget'),
                      children: <span className="mono">{t('projects.money', { amount: formatFen(s.budgetFen) })}</span>,
                    },
                    { key: 'method', label: t('projects.entry.method'), children: t(`projects.method.${s.method}`) },
                    { key: 'kind', label: t('projects.entry.kind'), children: t(`projects.kind.${s.kind}`) },
                    { key: 'category', label: t('projects.entry.category'), children: categoryName(s.category) },
                    { key: 'region', label: t('projects.entry.region'), children: regionName(s.regionCode) },
                    {
                      key: 'project',
                      label: t('projects.project.title'),
                      children: (
                        <>
                          <Link to={`/projects/${s.projectId}`}>{s.projectName}</Link>
                          <div className="mono muted small">{s.approvalCode}</div>
                        </>
                      ),
                    },
                    {
                      key: 'tp',
                      label: t('projects.tendering.title'),
                      children: <Link to={`/projects/tendering/${s.tenderingProjectId}`}>{s.tenderingProjectName}</Link>,
                    },
                    { key: 'tenderer', label: t('projects.side.tenderer'), children: s.tendererName },
                    {
                      key: 'agency',
                      label: t('projects.side.agency'),
                      children: s.agencyName ?? t('projects.tendering.noAgency'),
                    },
                    {
                      key: 'entry',
                      label: t('projects.tendering.entryForm'),
                      children: <Link to={`/projects/entry/${s.entryFormId}`}>{t('projects.view')}</Link>,
                    },
                    ...(s.canManage
                      ? [
                          {
                            key: 'desk',
                            label: t('desk.title'),
                            children: (
                              <Space wrap>
                                {(['notice', 'documents', 'clarifications'] as const).map((k) => (
                                  <Link key={k} to={`/desk/sections/${s.id}/${k}`} data-testid={`desk-link-${k}`}>
                                    {t(`desk.tabs.${k}`)}
                                  </Link>
                                ))}
                              </Space>
                            ),
                          },
                        ]
                      : []),
                    { key: 'created', label: t('projects.section.createdOn'), children: s.createdOn },
                    ...(s.content
                      ? [
                          {
                            key: 'content',
                            label: t('projects.section.content'),
                            children: <div className="pre-wrap">{s.content}</div>,
                          },
                        ]
                      : []),
                    ...(s.terminatedReason
                      ? [{ key: 'terminated', label: t('projects.section.terminatedReason'), children: s.terminatedReason }]
                      : []),
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <TimetableEditor section={s} onSaved={() => void section.reload()} />
            </Col>
            {seesCommittee && s.method === 'prequalification' && (
              <Col span={24}>
                <CommitteeCard section={s} sitting="application" />
              </Col>
            )}
            {/* 资格预审结果: who confirms the list, then the result letters from the completed review (decision 0039). */}
            {seesCommittee && s.method === 'prequalification' && (
              <Col span={24}>
                <PrequalificationCard section={s} />
              </Col>
            )}
            {seesCommittee && (
              <Col span={24}>
                <CommitteeCard section={s} />
              </Col>
            )}
            {/* 投标保函索赔 (decision 0037): the tenderer's, once the deadline has passed (the server lists nothing before). */}
            {user?.entity?.id === s.tendererEntityId && s.timetable.bidDeadline && (
              <Col span={24}>
                <GuaranteeClaimsCard sectionId={s.id} tendererName={s.tendererName} />
              </Col>
            )}
            {/* 不予退还投标保证金 (decision 0042): the tenderer's or its agency's, once the section has a bid deadline. */}
            {user?.entity &&
              (user.entity.id === s.tendererEntityId || user.entity.id === s.agencyEntityId) &&
              s.timetable.bidDeadline && (
                <Col span={24}>
                  <DepositForfeituresCard sectionId={s.id} />
                </Col>
              )}
            {/* 定标: the candidates' publicity and the objections to the result, once the bids are opened and evaluated. */}
            {seesCommittee && s.stage === 'opened' && (
              <Col span={24}>
                <AwardCard section={s} />
              </Col>
            )}
            {/* 合同: drafted once the award notice is issued, verified, e-signed by both sides, published (decision 0036). */}
            {seesCommittee && s.stage === 'opened' && (
              <Col span={24}>
                <ContractCard section={s} />
              </Col>
            )}
            {/* 代理机构评价 (task 26, decision 0044): the tenderer and the region's staff rate the agency once the award is decided. */}
            {s.agencyEntityId &&
              (user?.kind === 'staff' || user?.kind === 'supervisor' || (user?.entity && [s.tendererEntityId, s.agencyEntityId].includes(user.entity.id))) && (
                <Col span={24}>
                  <AgencyRatingCard sectionId={s.id} />
                </Col>
              )}
          </Row>
        )}
      </div>
    </div>
  );
}
