import { FileProtectOutlined, SafetyOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DownloadReceipt } from '../../api/bidder.ts';
import { problemMessage } from '../../api/problem.ts';
import { formatTime } from '../../format.ts';
import { TrustChecks } from '../portal/TrustChecks.tsx';
import type { ReceiptCheckResult } from './receiptVerify.ts';

/** Saves the receipt as the JSON the platform signed, for the bidder's own records. */
function saveJson(receipt: DownloadReceipt) {
  const blob = new Blob([JSON.stringify(receipt, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `receipt-${receipt.downloadId}.json`;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * A signed download receipt: what was obtained, which version, its SM3, when, and the log
 * entry; "verify" checks the platform's signature in this browser with the public log key.
 */
export function ReceiptCard({
  receipt,
  title,
  fileBytes,
}: {
  receipt: DownloadReceipt;
  /** What was downloaded, in words (document name, clarification number). */
  title: string;
  /** The bytes just downloaded, when there are any: their SM3 is checked too. */
  fileBytes?: Uint8Array;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<ReceiptCheckResult>();

  const verify = async () => {
    setChecking(true);
    try {
      const { verifyDownloadReceipt } = await import('./receiptVerify.ts');
      setResult(await verifyDownloadReceipt(receipt, fileBytes));
    } catch (err) {
      message.error(problemMessage(t, err));
    } finally {
      setChecking(false);
    }
  };

  return (
    <Card
      size="small"
      className="receipt-card"
      data-testid="download-receipt"
      title={
        <span>
          <FileProtectOutlined /> {t('bidder.receipt.title')}
        </span>
      }
      extra={
        <Space>
          <Button size="small" icon={<SaveOutlined />} onClick={() => saveJson(receipt)}>
            {t('bidder.receipt.save')}
          </Button>
          <Button
            size="small"
            type="primary"
            icon={<SafetyOutlined />}
            loading={checking}
            onClick={() => void verify()}
            data-testid="receipt-verify"
          >
            {t('bidder.receipt.verify')}
          </Button>
        </Space>
      }
    >
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'doc', label: t('bidder.receipt.document'), children: title, span: 2 },
          { key: 'version', label: t('bidder.receipt.version'), children: t('bidder.receipt.versionN', { n: receipt.version }) },
          { key: 'round', label: t('bidder.receipt.round'), children: receipt.round },
          {
            key: 'sm3',
            label: t('bidder.receipt.sm3'),
            span: 2,
            children: (
              <Typography.Text className="mono break" copyable data-testid="receipt-sm3">
                {receipt.contentSm3}
              </Typography.Text>
            ),
          },
          { key: 'time', label: t('bidder.receipt.time'), children: formatTime(receipt.downloadedAt, true) },
          {
            key: 'log',
            label: t('bidder.receipt.logIndex'),
            children: (
              <span className="mono" data-testid="receipt-log-index">
                {receipt.logIndex}
              </span>
            ),
          },
          { key: 'entity', label: t('bidder.receipt.entity'), children: receipt.entity.name, span: 2 },
          {
            key: 'sig',
            label: t('bidder.receipt.signature'),
            span: 2,
            children: (
              <span className="mono small">
                {receipt.signature.alg} · {receipt.signature.keyId.slice(0, 16)}…
              </span>
            ),
          },
        ]}
      />
      {result && (
        <div className="receipt-result" data-testid="receipt-verify-result" data-status={result.ok ? 'ok' : 'failed'}>
          <Alert
            type={result.ok ? 'success' : 'error'}
            showIcon
            className="form-alert"
            title={result.ok ? t('bidder.receipt.verified') : t('bidder.receipt.notVerified')}
          />
          <TrustChecks checks={result.checks} />
        </div>
      )}
    </Card>
  );
}
