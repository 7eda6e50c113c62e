import { CloudDownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { bidderApi, type DocumentListItem, type DownloadView } from '../../api/bidder.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { DownloadProgress } from './DownloadProgress.tsx';
import { ReceiptCard } from './ReceiptCard.tsx';
import { useDownload } from './useDownload.ts';

/** Attachments (bill of quantities, drawings…): readable once the entity obtained the document. */
function Attachments({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const doc = useLoader(() => bidderApi.document(documentId), [documentId]);
  const attachments = doc.data?.attachments ?? [];
  if (attachments.length === 0) return null;
  return (
    <div className="card-subheading-block">
      <div className="card-subheading">{t('bidder.document.attachments')}</div>
      <Space orientation="vertical" size={2}>
        {attachments.map((a) => (
          <a key={a.id} href={bidderApi.attachmentUrl(documentId, a.id)} download={a.name}>
            <PaperClipOutlined /> {a.name} <span className="muted small">({t(`bidder.attachmentKinds.${a.kind}`)})</span>
          </a>
        ))}
      </Space>
    </div>
  );
}

/**
 * An issued tender (or prequalification) document: its version, issue period and SM3, and one free
 * download that records itself, shows a progress bar and ends with the signed receipt (A-68, task 24).
 */
export function DocumentPanel({
  document: d,
  previous,
  onDownloaded,
}: {
  document: DocumentListItem;
  /** The entity's latest receipt for this document, if it obtained it before. */
  previous: DownloadView | undefined;
  onDownloaded: () => void;
}) {
  const { t } = useTranslation();
  const name = t('bidder.document.fileName', { kind: t(`bidder.document.kinds.${d.kind}`), section: d.sectionName });
  const { state, run } = useDownload(
    () => bidderApi.recordDownload(d.id),
    (progress) => bidderApi.documentFile(d.id, progress),
    `${d.sectionCode}-v${d.version}.json`,
  );
  const busy = state.phase === 'recording' || state.phase === 'fetching';
  const receipt = state.receipt ?? previous?.receipt;
  const outdated = previous && previous.version < d.version && !state.receipt;
  const unavailable = !d.availableNow
    ? t('bidder.document.unavailable', { start: formatTime(d.issueStart), end: formatTime(d.issueEnd) })
    : undefined;

  return (
    <Card
      className="bidder-card"
      data-testid="document-panel"
      title={
        <Space>
          <Tag color="blue">{t(`bidder.document.kinds.${d.kind}`)}</Tag>
          {d.sectionName}
        </Space>
      }
      extra={<Tag>{t('bidder.receipt.versionN', { n: d.version })}</Tag>}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'code', label: t('bidder.document.section'), children: `${d.sectionName}（${d.sectionCode}）` },
          { key: 'issued', label: t('bidder.document.issuedAt'), children: formatTime(d.issuedAt) },
          {
            key: 'period',
            label: t('bidder.document.period'),
            children: `${formatTime(d.issueStart)} — ${formatTime(d.issueEnd)}`,
          },
          { key: 'price', label: t('bidder.document.price'), children: <Tag color="green">{t('bidder.document.free')}</Tag> },
          {
            key: 'sm3',
            label: t('bidder.receipt.sm3'),
            span: 2,
            children: <span className="mono break">{d.contentSm3 ?? '—'}</span>,
          },
        ]}
      />
      {outdated && (
        <Alert type="warning" showIcon className="form-alert" title={t('bidder.document.newVersion', { version: d.version })} />
      )}
      <div className="download-action">
        <Tooltip title={unavailable}>
          <Button
            type="primary"
            size="large"
            icon={<CloudDownloadOutlined />}
            loading={busy}
            disabled={!!unavailable}
            onClick={() => void run().then((r) => r && onDownloaded())}
            data-testid="document-download"
          >
            {previous ? t('bidder.document.downloadAgain') : t('bidder.document.download')}
          </Button>
        </Tooltip>
        {unavailable && <div className="muted small">{unavailable}</div>}
      </div>
      <DownloadProgress state={state} />
      {state.phase === 'failed' && <ProblemAlert error={state.error} />}
      {receipt && (
        <div className="receipt-wrap">
          <ReceiptCard
            key={receipt.downloadId}
            receipt={receipt}
            title={`${name} · ${t('bidder.receipt.versionN', { n: receipt.version })}`}
            fileBytes={state.receipt?.downloadId === receipt.downloadId ? state.bytes : undefined}
          />
          <Attachments documentId={d.id} />
        </div>
      )}
    </Card>
  );
}
