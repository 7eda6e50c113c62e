import { FileTextOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Skeleton, Space, Tabs } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { bidderApi, type DocumentListItem, type DownloadView } from '../../api/bidder.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { HallLinks } from '../hall/HallLinks.tsx';
import { sittingsOf } from '../hall/sitting.ts';
import { SectionCard } from '../portal/SectionDates.tsx';
import { ClarificationsPanel } from './ClarificationsPanel.tsx';
import { questionsDeadline } from './deadlines.ts';
import { DocumentPanel } from './DocumentPanel.tsx';
import { QuestionsPanel } from './QuestionsPanel.tsx';
import { biddingWords } from './bid/sittingWords.ts';
import { SiteVisitsPanel } from './SiteVisitsPanel.tsx';
import '../portal/portal.css';

/** The 投标 (资格预审申请) tab brings the sealing code: loaded when opened. */
const BiddingTab = lazy(() => import('./bid/BiddingTab.tsx'));

/** The entity's newest receipt for a document (not a clarification), if any. */
const latestFor = (downloads: DownloadView[], documentId: string) =>
  downloads
    .filter((d) => d.documentId === documentId && d.subject === 'document')
    .sort((a, b) => Date.parse(b.downloadedAt) - Date.parse(a.downloadedAt))[0];

/**
 * One section for a bidder: its key dates with the bid deadline counting down on server time, its issued
 * documents to download free with a receipt, and per document the questions, clarifications and site
 * visits. Bids are made under the tender document; prequalification applications under the
 * prequalification document (decision 0023).
 */
export default function SectionWorkspacePage() {
  const { t } = useTranslation();
  const { sectionId = '' } = useParams();
  const [params] = useSearchParams();
  const noticeId = params.get('notice');
  const section = useLoader(() => bidderApi.section(sectionId), [sectionId]);
  const documents = useLoader(() => bidderApi.documents(sectionId), [sectionId]);
  const downloads = useLoader(() => bidderApi.myDownloads(), [sectionId]);
  const s = section.data;
  const mine = (downloads.data ?? []).filter((d) => d.sectionId === sectionId);
  const issued: DocumentListItem[] = (documents.data ?? []).filter((d) => d.status === 'issued');

  if (section.error) {
    return (
      <div className="container page-body">
        <LoadError error={section.error} onRetry={() => void section.reload()} />
      </div>
    );
  }

  return (
    <div data-testid="bidder-section">
      <PageHeading
        title={s ? s.name : <Skeleton.Input active />}
        subtitle={s && t('bidder.section.subtitle', { project: s.projectName, tenderer: s.tendererName, code: s.code })}
        trail={[{ title: t('bidder.title'), to: '/bidder' }, { title: s?.name ?? '…' }]}
        extra={
          <Space size="middle" wrap>
            {noticeId && (
              <Link to={`/notices/${noticeId}`}>
                <FileTextOutlined /> {t('bidder.section.toNotice')}
              </Link>
            )}
            {/* Before the deadline a hall tells a bidder only when it opens (it may not know who bid). */}
            <HallLinks sectionId={sectionId} sittings={sittingsOf(s?.method ?? 'open')} />
          </Space>
        }
      />
      <div className="container page-body">
        <Row gutter={[24, 24]}>
          <Col xs={24} lg={16}>
            {documents.error ? (
              <LoadError error={documents.error} onRetry={() => void documents.reload()} />
            ) : documents.loading ? (
              <Card>
                <Skeleton active />
              </Card>
            ) : issued.length === 0 ? (
              <Card>
                <Empty description={t('bidder.section.noDocuments')} />
              </Card>
            ) : (
              issued.map((d) => {
                const previous = latestFor(mine, d.id);
                const obtained = previous !== undefined;
                return (
                  <div key={d.id}>
                    <DocumentPanel document={d} previous={previous} onDownloaded={() => void downloads.reload()} />
                    <Card className="bidder-card">
                      <Tabs
                        key={obtained ? 'obtained' : 'not-obtained'}
                        defaultActiveKey={obtained && params.get('tab') === 'bidding' ? 'bidding' : 'clarifications'}
                        items={[
                          ...(obtained
                            ? [
                                {
                                  key: 'bidding',
                                  label: t(`${biddingWords(d.kind === 'prequalification' ? 'application' : 'bid')}.tab`),
                                  children: (
                                    <Suspense fallback={<Skeleton active />}>
                                      <BiddingTab sectionId={sectionId} documentKind={d.kind} />
                                    </Suspense>
                                  ),
                                },
                              ]
                            : []),
                          {
                            key: 'clarifications',
                            label: t('bidder.section.tabs.clarifications'),
                            children: (
                              <ClarificationsPanel
                                documentId={d.id}
                                downloads={mine}
                                onDownloaded={() => void downloads.reload()}
                              />
                            ),
                          },
                          {
                            key: 'questions',
                            label: t('bidder.section.tabs.questions'),
                            children: (
                              <QuestionsPanel
                                documentId={d.id}
                                deadline={s ? questionsDeadline(d.kind, s) : null}
                                obtained={obtained}
                              />
                            ),
                          },
                          {
                            key: 'siteVisits',
                            label: t('bidder.section.tabs.siteVisits'),
                            children: <SiteVisitsPanel documentId={d.id} obtained={obtained} />,
                          },
                        ]}
                      />
                    </Card>
                  </div>
                );
              })
            )}
          </Col>
          <Col xs={24} lg={8}>
            <Card className="bidder-card" title={t('portal.notice.keyDates')}>
              {s ? <SectionCard section={s} /> : <Skeleton active />}
            </Card>
          </Col>
        </Row>
      </div>
    </div>
  );
}
