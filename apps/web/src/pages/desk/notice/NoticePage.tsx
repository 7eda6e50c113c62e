import { Card, Col, Row, Spin, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { noticesApi, type NoticeDetail } from '../../../api/notices.ts';
import { LoadError } from '../../../components/LoadError.tsx';
import { useLoader } from '../../../hooks/useLoader.ts';
import { useDesk } from '../deskContext.ts';
import { HistoryTimeline } from '../HistoryTimeline.tsx';
import { NoticeCreate } from './NoticeCreate.tsx';
import { NoticeEditorCard } from './NoticeEditorCard.tsx';
import { ReviewCard } from './ReviewCard.tsx';

/** The section's current notice (this round, not withdrawn), with its full history. */
async function currentNotice(sectionId: string, round: number): Promise<NoticeDetail | null> {
  const { items } = await noticesApi.mine();
  const mine = items
    .filter((n) => n.status !== 'withdrawn' && n.sections.some((s) => s.id === sectionId && s.round === round))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return mine[0] ? noticesApi.get(mine[0].id) : null;
}

const FLOW = ['draft', 'pendingReview', 'pendingVerification', 'published'] as const;

/** 发布公告: the notice editor, the tenderer's review and the review history. */
export default function NoticePage() {
  const { t } = useTranslation();
  const { section, reloadSection } = useDesk();
  const { data: notice, error, loading, reload } = useLoader(() => currentNotice(section.id, section.round), [section.id, section.round]);

  if (error) return <LoadError error={error} onRetry={() => void reload()} />;
  if (loading && notice === undefined) return <Spin />;
  if (!notice) return <NoticeCreate onCreated={() => void reload()} />;

  const flow = notice.draftedBy === 'agency' ? FLOW : FLOW.filter((s) => s !== 'pendingReview');
  const after = async () => {
    await reload();
    await reloadSection();
  };
  return (
    <div data-testid="notice-page">
      <Steps
        className="desk-steps"
        size="small"
        current={Math.max(0, (flow as readonly string[]).indexOf(notice.status))}
        items={flow.map((s) => ({ title: t(`desk.noticeStatus.${s}`) }))}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <NoticeEditorCard notice={notice} onChanged={after} />
        </Col>
        <Col xs={24} xl={7}>
          <ReviewCard notice={notice} onReviewed={after} />
          <Card title={t('desk.history.title')} size="small">
            <HistoryTimeline history={notice.history} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
