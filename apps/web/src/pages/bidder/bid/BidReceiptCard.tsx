import { FileProtectOutlined, SafetyOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BidReceiptResponse } from '../../../api/bidding.ts';
import { problemMessage } from '../../../api/problem.ts';
import { formatTime } from '../../../format.ts';
import { BidChecks } from './BidChecks.tsx';
import { submitted } from './localStore.ts';
import { biddingWords, receiptSitting } from './sittingWords.ts';
import type { BidReceiptCheck } from './verifyBidReceipt.ts';

/** Saves the receipt with its log proof as the JSON the platform signed, for the bidder's records. */
function saveJson(r: BidReceiptResponse) {
  const blob = new Blob([JSON.stringify(r, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `bid-receipt-${r.receipt.receiptId}.json`;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * A signed bid receipt: what was received and when on the server's clock, the manifest's
 * SM3 and the blind log entry; "验证" checks signature, timestamp, commitment and inclusion proof here.
 */
export function BidReceiptCard({ response, sectionName }: { response: BidReceiptResponse; sectionName?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<BidReceiptCheck>();
  const r = response.receipt;
  const w = biddingWords(receiptSitting(r));

  const verify = async () => {
    setChecking(true);
    try {
      const { verifyBidReceipt } = await import('./verifyBidReceipt.ts');
      setResult(await verifyBidReceipt(response, submitted.get(r.bidId)?.signedManifest));
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
      data-testid="bid-receipt"
      data-event={r.event}
      data-bid={r.bidId}
      title={
        <span>
          <FileProtectOutlined /> {t(`${w}.receipt.title.${r.event}`)}
          <Tag className="inline-tag" color={r.event === 'submitted' ? 'green' : 'default'}>
            {formatTime(r.receivedAt, true)}
          </Tag>
        </span>
      }
      extra={
        <Space>
          <Button size="small" icon={<SaveOutlined />} onClick={() => saveJson(response)}>
            {t('bidding.receipt.save')}
          </Button>
          <Button size="small" type="primary" icon={<SafetyOutlined />} loading={checking} onClick={() => void verify()} data-testid="bid-receipt-verify">
            {t('bidding.receipt.verify')}
          </Button>
        </Space>
      }
    >
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          ...(sectionName ? [{ key: 'section', label: t('bidding.receipt.section'), children: sectionName, span: 2 }] : []),
          { key: 'entity', label: t(`${w}.receipt.entity`), children: r.entity.name, span: 2 },
          { key: 'time', label: t('bidding.receipt.receivedAt'), children: <span data-testid="bid-receipt-time">{formatTime(r.receivedAt, true)}</span> },
          { key: 'round', label: t('bidding.receipt.round'), children: r.round },
          { key: 'parts', label: t('bidding.receipt.parts'), children: t('bidding.receipt.partsN', { n: r.parts, size: (r.ciphertextBytes / 1024).toFixed(1) }) },
          {
            key: 'log',
            label: t('bidding.receipt.logIndex'),
            children: (
              <span className="mono" data-testid="bid-receipt-log-index">
                {r.logIndex}
              </span>
            ),
          },
          {
            key: 'manifest',
            label: t(`${w}.receipt.manifestSm3`),
            span: 2,
            children: (
              <Typography.Text className="mono break small" copyable>
                {r.manifestSm3}
              </Typography.Text>
            ),
          },
          {
            key: 'commitment',
            label: t('bidding.receipt.commitment'),
            span: 2,
            children: <span className="mono break small">{r.commitment}</span>,
          },
          {
            key: 'sig',
            label: t('bidding.receipt.signature'),
            span: 2,
            children: (
              <span className="mono small">
                {r.signature.alg} · {r.signature.keyId.slice(0, 16)}…
              </span>
            ),
          },
        ]}
      />
      {result && (
        <div className="receipt-result" data-testid="bid-receipt-verify-result" data-status={result.ok ? 'ok' : 'failed'}>
          <Alert
            type={result.ok ? 'success' : 'error'}
            showIcon
            className="form-alert"
            title={result.ok ? t('bidding.receipt.verified') : t('bidding.receipt.notVerified')}
          />
          <BidChecks checks={result.checks} />
        </div>
      )}
    </Card>
  );
}
