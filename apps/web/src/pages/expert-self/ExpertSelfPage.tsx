import type { ExpertInvitationView } from '@bidhall/contracts';
import { Card, Col, Descriptions, Empty, Row, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { expertsApi } from '../../api/experts.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { ServerTime } from '../projects/ServerTime.tsx';
import { ExpertStateTag, SpecialtyTags } from '../experts/tags.tsx';
import { RatingsTab } from '../experts/RatingsTab.tsx';
import { RatingText } from '../experts/RatingText.tsx';
import { InvitationCard } from './InvitationCard.tsx';
import { PersonalCertificateCard } from './PersonalCertificateCard.tsx';
import { MyEvaluationsCard } from '../evaluation/room/MyEvaluationsCard.tsx';
import '../experts/experts.css';

/** 我的评标邀请: the drawn expert's profile and invitations, answered before the deadline on server time. */
export default function ExpertSelfPage() {
  const { t } = useTranslation();
  const { regionName } = useCatalog();
  const me = useLoader(() => expertsApi.me(), []);
  const e = me.data?.expert;
  const invitations = [...(me.data?.invitations ?? [])].sort(byOpenFirst);

  const answered = () => void me.reload();

  return (
    <div data-testid="expert-self">
      <PageHeading title={t('experts.self.title')} subtitle={t('experts.self.subtitle')} trail={[{ title: t('experts.self.title') }]} extra={<ServerTime />} />
      <div className="container page-body">
        {me.error && !me.data ? (
          <LoadError error={me.error} onRetry={() => void me.reload()} />
        ) : !me.data ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={8}>
              <Card title={t('experts.self.profile')} data-testid="expert-self-profile">
                {e ? (
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      { key: 'name', label: t('experts.fields.name'), children: <Space>{e.name}<ExpertStateTag state={e.state} /></Space> },
                      { key: 'id', label: t('experts.fields.idHint'), children: <span className="mono">{e.idHint}</span> },
                      { key: 'employer', label: t('experts.fields.employer'), children: e.employer.name },
                      { key: 'title', label: t('experts.fields.title'), children: `${e.title} · ${t(`experts.levels.${e.level}`)}` },
                      { key: 'region', label: t('experts.fields.regionCode'), children: regionName(e.regionCode) },
                      { key: 'specialties', label: t('experts.fields.specialties'), children: <SpecialtyTags codes={e.specialties} /> },
                      { key: 'phone', label: t('experts.fields.phone'), children: <span className="mono">{e.phone}</span> },
                    ]}
                  />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('experts.self.noProfile')} />
                )}
              </Card>
              <div style={{ marginTop: 16 }}>
                <PersonalCertificateCard />
              </div>
            </Col>
            <Col xs={24} xl={16}>
              <MyEvaluationsCard />
              <Card title={t('experts.self.invitations')} data-testid="expert-invitations" style={{ marginTop: 16 }}>
                {invitations.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('experts.self.empty')} />
                ) : (
                  invitations.map((i) => <InvitationCard key={i.id} invitation={i} onAnswered={answered} />)
                )}
              </Card>
              {/* Task 26: the ratings staff gave after each evaluation the expert sat on, visible to the expert. */}
              {e && (
                <Card
                  title={t('appraisal.expert.title')}
                  extra={<RatingText rating={e.rating} count={e.ratings} />}
                  style={{ marginTop: 16 }}
                  data-testid="expert-self-ratings"
                >
                  <RatingsTab ratings={e.ratingsList} sectionLinks={false} />
                </Card>
              )}
            </Col>
          </Row>
        )}
      </div>
    </div>
  );
}

/** Invitations still to answer first (soonest deadline first), then the rest newest first. */
function byOpenFirst(a: ExpertInvitationView, b: ExpertInvitationView): number {
  const openA = a.state === 'notified' ? 0 : 1;
  const openB = b.state === 'notified' ? 0 : 1;
  if (openA !== openB) return openA - openB;
  return openA === 0 ? a.answerBy.localeCompare(b.answerBy) : b.notifiedAt.localeCompare(a.notifiedAt);
}
