import { DownloadOutlined, LinkOutlined, SafetyCertificateOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { portalApi } from '../../api/portal.ts';
import { problemMessage } from '../../api/problem.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatTime } from '../../format.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { NoticeObjections } from '../projects/award/NoticeObjections.tsx';
import { FeedLinks } from './FeedLinks.tsx';
import { NoticeMedia } from './NoticeMedia.tsx';
import { NoticeRow } from './NoticeRow.tsx';
import { NoticeTypeTag, ProminentTag, PublicationStatusTag } from './NoticeTags.tsx';
import type { NoticeCheckResult } from './noticeVerify.ts';
import { SectionDates } from './SectionDates.tsx';
import { TrustChecks } from './TrustChecks.tsx';
import './portal.css';

const BIDDER_TYPES = new Set(['tenderNotice', 'prequalificationNotice', 'clarification', 'siteVisit']);

/** A notice: its text as published, the sections' key dates, and the proof it is what the log holds. */
export default function NoticePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { pathname } = useLocation();
  const { message } = App.useApp();
  const { user } = useSession();
  const { regionName, categoryName } = useCatalog();
  const notice = useLoader(() => portalApi.notice(id), [id]);
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<NoticeCheckResult>();
  const n = notice.data;
  const isBidder = user?.kind === 'entity' && !!user.entity?.roles.includes('bidder');

  const check = async () => {
    if (!n) return;
    setChecking(true);
    try {
      const { verifyNotice } = await import('./noticeVerify.ts');
      setResult(await verifyNotice(n));
    } catch (err) {
      message.error(problemMessage(t, err));
    } finally {
      setChecking(false);
    }
  };

  if (notice.error) {
    return (
      <div className="container page-body">
        <LoadError error={notice.error} onRetry={() => void notice.reload()} />
      </div>
    );
  }

  return (
    <div data-testid="notice-page">
      <PageHeading
        title={n ? n.title : <Skeleton.Input active />}
        subtitle={
          n && (
            <Space size={6} wrap>
              {n.prominent && <ProminentTag />}
              <NoticeTypeTag type={n.type} />
              <PublicationStatusTag status={n.status} />
              <span>{t('portal.notice.publishedAt', { time: formatTime(n.publishedAt, true) })}</span>
              <span>· {regionName(n.regionCode)}</span>
              <span>· {categoryName(n.category)}</span>
            </Space>
          )
        }
        trail={[{ title: t('portal.title'), to: '/notices' }, { title: n?.title ?? '…' }]}
        extra={<FeedLinks />}
      />
      <div className="container page-body">
        {!n ? (
          <Card>
            <Skeleton active paragraph={{ rows: 12 }} />
          </Card>
        ) : (
          <Row gutter={[24, 24]}>
            <Col xs={24} lg={16}>
              {n.status !== 'published' && (
                <Alert
                  type="warning"
                  showIcon
                  className="form-alert"
                  data-testid="notice-closed"
                  title={t(`portal.status.${n.status}`)}
                  description={t('portal.notice.closedAt', {
                    time: formatTime(n.statusChangedAt),
                    reason: n.statusReason ?? '—',
                  })}
                />
              )}
              <Card className="notice-card">
                {/* The server sanitised this HTML before publishing it (and re-checks it): it is shown as published. */}
                <div className="notice-body" data-testid="notice-body" dangerouslySetInnerHTML={{ __html: n.bodyHtml }} />
              </Card>
              {n.type === 'candidatePublicity' && n.sectionIds[0] && (
                <NoticeObjections sectionId={n.sectionIds[0]} noticeId={n.id} />
              )}
              {n.related.length > 0 && (
                <Card className="notice-card" title={t('portal.notice.related')} data-testid="notice-related">
                  <ul className="notice-list notice-list-compact">
                    {n.related.map((r) => (
                      <NoticeRow key={r.id} item={r} compact />
                    ))}
                  </ul>
                </Card>
              )}
            </Col>
            <Col xs={24} lg={8}>
              <Card className="notice-card" title={t('portal.notice.keyDates')}>
                <SectionDates sectionIds={n.sectionIds} noticePath={pathname} />
                {BIDDER_TYPES.has(n.type) && n.status === 'published' && n.sectionIds.length > 0 && (
                  <div className="notice-actions">
                    {n.sectionIds.map((sid, i) => (
                      <Link
                        key={sid}
                        to={
                          isBidder
                            ? `/bidder/sections/${sid}?notice=${n.id}`
                            : `/login?next=${encodeURIComponent(`/bidder/sections/${sid}?notice=${n.id}`)}`
                        }
                      >
                        <Button type="primary" block icon={<DownloadOutlined />} data-testid="notice-to-bidder">
                          {n.sectionIds.length > 1
                            ? t('portal.notice.toDocumentsOf', { n: i + 1 })
                            : t('portal.notice.toDocuments')}
                        </Button>
                      </Link>
                    ))}
                    {!user && <div className="muted small">{t('portal.notice.freeDownload')}</div>}
                  </div>
                )}
              </Card>
              <NoticeMedia media={n.media} />
              <Card
                className="notice-card"
                title={
                  <span>
                    <SafetyCertificateOutlined /> {t('portal.notice.proof')}
                  </span>
                }
                data-testid="notice-proof"
              >
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    {
                      key: 'sm3',
                      label: t('portal.notice.contentSm3'),
                      children: (
                        <Typography.Text className="mono break" copyable data-testid="notice-sm3">
                          {n.contentSm3}
                        </Typography.Text>
                      ),
                    },
                    {
                      key: 'log',
                      label: t('portal.notice.logIndex'),
                      children: (
                        <span className="mono" data-testid="notice-log-index">
                          {n.logIndex}
                        </span>
                      ),
                    },
                  ]}
                />
                <Space wrap className="notice-proof-actions">
                  <Button icon={<SafetyOutlined />} loading={checking} onClick={() => void check()} data-testid="notice-verify">
                    {t('portal.notice.verifyHere')}
                  </Button>
                  <Link to={`/verify?tab=receipt&index=${n.logIndex}`} data-testid="notice-verify-link">
                    <LinkOutlined /> {t('portal.notice.verifyPage')}
                  </Link>
                  <a href={n.receipt.url} target="_blank" rel="noreferrer">
                    {t('portal.notice.receiptJson')}
                  </a>
                </Space>
                {result && (
                  <div data-testid="notice-verify-result" data-status={result.ok ? 'ok' : 'failed'}>
                    <Alert
                      type={result.ok ? 'success' : 'error'}
                      showIcon
                      className="form-alert"
                      title={result.ok ? t('portal.notice.verified') : t('portal.notice.notVerified')}
                    />
                    <TrustChecks checks={result.checks} />
                  </div>
                )}
                <div className="muted small notice-proof-note">{t('portal.notice.proofNote')}</div>
              </Card>
              {n.related.length === 0 && (
                <Card className="notice-card" title={t('portal.notice.related')}>
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.notice.noRelated')} />
                </Card>
              )}
            </Col>
          </Row>
        )}
      </div>
    </div>
  );
}
