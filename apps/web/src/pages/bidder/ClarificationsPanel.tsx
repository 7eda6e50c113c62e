import { CloudDownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { bidderApi, type ClarificationView, type DownloadView } from '../../api/bidder.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { ProminentTag } from '../portal/NoticeTags.tsx';
import { DownloadProgress } from './DownloadProgress.tsx';
import { ReceiptCard } from './ReceiptCard.tsx';
import { useDownload } from './useDownload.ts';

function OneClarification({
  c,
  previous,
  onDownloaded,
}: {
  c: ClarificationView;
  previous: DownloadView | undefined;
  onDownloaded: () => void;
}) {
  const { t } = useTranslation();
  const { state, run } = useDownload(
    () => bidderApi.recordClarificationDownload(c.id),
    (progress) => bidderApi.clarificationFile(c.id, progress),
    `clarification-${c.number ?? c.id}.json`,
  );
  const busy = state.phase === 'recording' || state.phase === 'fetching';
  const receipt = state.receipt ?? previous?.receipt;
  const moved = c.deadline?.status === 'deadlineMoves';
  return (
    <Card
      size="small"
      className="bidder-card"
      data-testid="clarification"
      title={
        <Space wrap>
          <ProminentTag />
          <Tag color="orange">{t(`bidder.clarifications.kinds.${c.kind}`)}</Tag>
          <span>{c.label ?? t('bidder.clarifications.numbered', { n: c.number ?? '—' })}</span>
          <span>{c.title}</span>
        </Space>
      }
      extra={<span className="muted small">{formatTime(c.issuedAt)}</span>}
    >
      {moved && c.deadline && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          data-testid="clarification-deadline-moved"
          title={t('bidder.clarifications.deadlineMoved', {
            previous: formatTime(c.deadline.previous),
            current: formatTime(c.deadline.current),
          })}
        />
      )}
      {/* Sanitised by the server when the clarification was saved. */}
      <div className="clarification-body notice-body" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
      <Space wrap className="notice-proof-actions">
        <Button
          icon={<CloudDownloadOutlined />}
          loading={busy}
          onClick={() => void run().then((r) => r && onDownloaded())}
          data-testid="clarification-download"
        >
          {previous ? t('bidder.document.downloadAgain') : t('bidder.clarifications.download')}
        </Button>
        {c.documentVersion !== null && (
          <span className="muted small">{t('bidder.clarifications.version', { n: c.documentVersion })}</span>
        )}
      </Space>
      <DownloadProgress state={state} />
      {state.phase === 'failed' && <ProblemAlert error={state.error} />}
      {receipt && (
        <div className="receipt-wrap">
          <ReceiptCard
            key={receipt.downloadId}
            receipt={receipt}
            title={`${c.label ?? ''} ${c.title}`}
            fileBytes={state.receipt?.downloadId === receipt.downloadId ? state.bytes : undefined}
          />
        </div>
      )}
    </Card>
  );
}

/** Clarifications and modifications (A-82…A-86): numbered, prominent, each obtained with a receipt. */
export function ClarificationsPanel({
  documentId,
  downloads,
  onDownloaded,
}: {
  documentId: string;
  downloads: DownloadView[];
  onDownloaded: () => void;
}) {
  const { t } = useTranslation();
  const list = useLoader(() => bidderApi.clarifications(documentId), [documentId]);
  if (list.error) return <LoadError error={list.error} onRetry={() => void list.reload()} />;
  const issued = (list.data ?? []).filter((c) => c.status === 'issued');
  if (!list.loading && issued.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bidder.clarifications.none')} />;
  }
  return (
    <div data-testid="clarifications-panel">
      {issued.map((c) => (
        <OneClarification
          key={c.id}
          c={c}
          previous={downloads.find((d) => d.clarificationId === c.id)}
          onDownloaded={onDownloaded}
        />
      ))}
    </div>
  );
}
