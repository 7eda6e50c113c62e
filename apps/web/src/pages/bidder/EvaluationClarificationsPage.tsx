import type { BidderEvaluationClarificationView, EvaluationClarificationStatus } from '@bidhall/contracts';
import { Alert, Card, Descriptions, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { clarificationsApi } from '../../api/evaluationClarifications.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { useServerClock } from '../../hooks/useServerClock.tsx';
import { ClarificationAnswerForm } from './ClarificationAnswerForm.tsx';
import '../evaluation/clarify/clarify.css';

const COLORS: Record<EvaluationClarificationStatus, string> = { awaiting: 'processing', answered: 'success', withdrawn: 'default', expired: 'warning' };
const pad = (n: number) => String(n).padStart(2, '0');

/** Time left to the answer deadline on the server's clock, ticking each second. */
function Countdown({ deadline, onElapsed }: { deadline: string; onElapsed: () => void }) {
  const { t } = useTranslation();
  const { now, synced } = useServerClock();
  const target = Date.parse(deadline);
  const [ms, setMs] = useState(now);
  useEffect(() => {
    const timer = window.setInterval(() => {
      const current = now();
      setMs(current);
      if (current >= target) {
        window.clearInterval(timer);
        onElapsed();
      }
    }, 1000);
    return () => window.clearInterval(timer);
  }, [now, target, onElapsed]);
  if (!synced) return <span className="muted">{t('clock.syncing')}</span>;
  const left = Math.max(0, Math.floor((target - ms) / 1000));
  if (left === 0) return <Typography.Text type="danger">{t('evaluationClarify.bidder.over')}</Typography.Text>;
  const h = Math.floor(left / 3600);
  return (
    <Typography.Text strong className="mono" data-testid="clarify-countdown">
      {h}:{pad(Math.floor((left % 3600) / 60))}:{pad(left % 60)}
    </Typography.Text>
  );
}

function RequestCard({ r, focused, reload }: { r: BidderEvaluationClarificationView; focused: boolean; reload: () => void }) {
  const { t } = useTranslation();
  return (
    <Card
      id={`request-${r.id}`}
      className={focused ? 'clarify-focused' : undefined}
      title={`${r.sectionName}（${r.sectionCode}）`}
      extra={<Tag color={COLORS[r.status]}>{t(`evaluationClarify.statuses.${r.status}`)}</Tag>}
      data-testid={`clarify-request-${r.id}`}
    >
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('evaluationClarify.requestedAt')}>{formatTime(r.requestedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('evaluationClarify.bidder.due')}>{formatTime(r.deadline)}</Descriptions.Item>
        {r.status === 'awaiting' && (
          <Descriptions.Item label={t('evaluationClarify.bidder.left')}>
            <Countdown deadline={r.deadline} onElapsed={reload} />
          </Descriptions.Item>
        )}
      </Descriptions>
      <List
        size="small"
        header={<Typography.Text strong>{t('evaluationClarify.items')}</Typography.Text>}
        dataSource={r.items}
        renderItem={(item) => (
          <List.Item>
            <div className="clarify-qa">
              <Typography.Text strong>{t('evaluationClarify.item', { n: item.number })}</Typography.Text>
              <Typography.Paragraph className="pre-wrap">{item.text}</Typography.Paragraph>
              {r.answer && (
                <Typography.Paragraph className="pre-wrap" type="secondary">
                  {t('evaluationClarify.answer')}：{r.answer.items.find((a) => a.number === item.number)?.text}
                </Typography.Paragraph>
              )}
            </div>
          </List.Item>
        )}
      />
      {r.status === 'withdrawn' && <Alert type="info" showIcon title={t('evaluationClarify.bidder.withdrawnNote')} />}
      {r.answer && (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('evaluationClarify.answeredAt')}>{formatTime(r.answer.answeredAt, true)}</Descriptions.Item>
          <Descriptions.Item label={t('evaluationClarify.attachments')}>
            <Space direction="vertical" size={0}>
              {r.answer.attachments.length === 0 && t('evaluationClarify.noAttachments')}
              {r.answer.attachments.map((a) => (
                <span key={a.sm3}>{a.name}</span>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluationClarify.answersSm3')}>
            <span className="mono small">{r.answer.answersSm3}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
      {r.status === 'awaiting' && (
        <>
          <Typography.Title level={5}>{t('evaluationClarify.bidder.answerTitle')}</Typography.Title>
          <ClarificationAnswerForm request={r} onAnswered={reload} />
        </>
      )}
    </Card>
  );
}

/** 评标澄清: the committee's requests to the bidder's entity, each answered once and signed. */
export default function EvaluationClarificationsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const focus = params.get('request');
  const { data, error, loading, reload } = useLoader(() => clarificationsApi.mine(), []);

  useEffect(() => {
    if (focus && data) document.getElementById(`request-${focus}`)?.scrollIntoView({ block: 'start' });
  }, [focus, data]);

  return (
    <div data-testid="bidder-clarifications-page">
      <PageHeading title={t('evaluationClarify.bidder.title')} subtitle={t('evaluationClarify.bidder.subtitle')} trail={[{ title: t('bidder.title'), to: '/bidder' }, { title: t('evaluationClarify.bidder.title') }]} />
      <div className="container page-body">
        <Typography.Paragraph type="secondary">{t('evaluationClarify.lead')}</Typography.Paragraph>
        {error !== undefined && <LoadError error={error} onRetry={() => void reload()} />}
        {loading && !data && <Skeleton active />}
        {data && data.length === 0 && <Empty description={t('evaluationClarify.bidder.empty')} />}
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          {data?.map((r) => <RequestCard key={r.id} r={r} focused={r.id === focus} reload={() => void reload()} />)}
        </Space>
      </div>
    </div>
  );
}
