import { CheckOutlined, EditOutlined, PlusSquareOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Descriptions, Empty, Popconfirm, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { biddingApi, type BiddingRequirements, type BidView } from '../../../api/bidding.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';
import type { BidSigner } from './bidKey.ts';
import { BidReceiptCard } from './BidReceiptCard.tsx';
import { submitted } from './localStore.ts';
import { SittingTag } from './SittingTag.tsx';
import { biddingWords } from './sittingWords.ts';

const STATUS_COLOR = { submitted: 'green', superseded: 'default', withdrawn: 'orange' } as const;

/**
 * The entity's bids on one section, newest first: status, receipt time on the server's
 * clock, the receipts with their 验证 button; for the live bid before the deadline: modify (replace
 * every part), supplement (keep unchanged parts), withdraw (signed with the key), and — when a
 * clarification changed the document after sealing — confirm (signed) or replace. A prequalification
 * section lists its applications here too, tagged; only the open sitting's submission can be changed.
 */
export function MyBids({
  bids,
  req,
  closed: shut,
  signer,
  onModify,
  onSupplement,
  onChanged,
}: {
  bids: BidView[];
  req: BiddingRequirements | undefined;
  closed: boolean;
  signer: BidSigner | null;
  onModify: (bid: BidView) => void;
  onSupplement: (bid: BidView) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const sorted = [...bids].sort((a, b) => b.sequence - a.sequence || Date.parse(b.receivedAt) - Date.parse(a.receivedAt));

  const needKey = () => {
    message.warning(t('bidding.bids.needKey'));
    return false;
  };

  const withdraw = async (bid: BidView) => {
    if (!signer) return needKey();
    setBusy(bid.id);
    setError(undefined);
    try {
      await biddingApi.withdraw(bid.id, { certificatePem: signer.certificatePem, signature: signer.sign({ bidId: bid.id, action: 'withdraw' }) });
      message.success(t(`${biddingWords(bid.sitting)}.bids.withdrawn`));
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
    return true;
  };

  const confirm = async (bid: BidView) => {
    if (!signer || !req) return needKey();
    setBusy(bid.id);
    setError(undefined);
    try {
      const documentVersion = req.document.version;
      await biddingApi.confirm(bid.id, {
        documentVersion,
        certificatePem: signer.certificatePem,
        signature: signer.sign({ bidId: bid.id, documentVersion, documentSm3: req.document.contentSm3 }),
      });
      message.success(t('bidding.bids.confirmed'));
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
    return true;
  };

  if (sorted.length === 0) return <Empty description={t(`${biddingWords(req?.sitting)}.bids.none`)} data-testid="my-bids-empty" />;

  return (
    <div data-testid="my-bids">
      <ProblemAlert error={error} testId="bid-action-error" />
      {sorted.map((bid) => {
        const live = bid.status === 'submitted';
        const w = biddingWords(bid.sitting);
        // The other sitting's submission (an application once bids are taken) is closed here.
        const closed = shut || (!!req && bid.sitting !== req.sitting);
        const canSupplement = !!submitted.get(bid.id);
        return (
          <Card
            key={bid.id}
            size="small"
            className="bidder-card bid-row"
            data-testid="my-bid"
            data-status={bid.status}
            data-bid={bid.id}
            title={
              <Space wrap>
                <SittingTag sitting={bid.sitting} />
                <Tag color={STATUS_COLOR[bid.status]} data-testid="my-bid-status">
                  {t(`bidding.status.${bid.status}`)}
                </Tag>
                <span>{t('bidding.bids.sequence', { n: bid.sequence })}</span>
                <span className="muted small">{formatTime(bid.receivedAt, true)}</span>
              </Space>
            }
            extra={
              live && (
                <Space wrap>
                  <Button size="small" icon={<EditOutlined />} disabled={closed} onClick={() => onModify(bid)} data-testid="bid-modify">
                    {t('bidding.bids.modify')}
                  </Button>
                  <Tooltip title={canSupplement ? undefined : t('bidding.bids.supplementHere')}>
                    <Button size="small" icon={<PlusSquareOutlined />} disabled={closed || !canSupplement} onClick={() => onSupplement(bid)} data-testid="bid-supplement">
                      {t('bidding.bids.supplement')}
                    </Button>
                  </Tooltip>
                  <Popconfirm
                    title={t(`${w}.bids.withdrawConfirm`)}
                    description={t('bidding.bids.withdrawNote')}
                    onConfirm={() => withdraw(bid)}
                    disabled={closed}
                    okButtonProps={{ danger: true }}
                  >
                    <Button size="small" danger icon={<RollbackOutlined />} disabled={closed} loading={busy === bid.id} data-testid="bid-withdraw">
                      {t('bidding.bids.withdraw')}
                    </Button>
                  </Popconfirm>
                </Space>
              )
            }
          >
            {live && bid.documentChanged && (
              <Alert
                type="warning"
                showIcon
                className="form-alert"
                data-testid="bid-document-changed"
                title={t(`${w}.bids.documentChanged`, { from: bid.documentVersion ?? '?', to: req?.document.version ?? '?' })}
                description={t('bidding.bids.documentChangedHint')}
                action={
                  <Space direction="vertical">
                    <Button size="small" type="primary" icon={<CheckOutlined />} disabled={closed} loading={busy === bid.id} onClick={() => void confirm(bid)} data-testid="bid-confirm">
                      {t('bidding.bids.confirm')}
                    </Button>
                    <Button size="small" disabled={closed} onClick={() => onModify(bid)}>
                      {t(`${w}.bids.replace`)}
                    </Button>
                  </Space>
                }
              />
            )}
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'version', label: t(`${w}.req.document`), children: bid.documentVersion ? t('bidding.req.documentVersion', { version: bid.documentVersion }) : '—' },
                ...(bid.sitting === 'application'
                  ? []
                  : [
                      {
                        key: 'bond',
                        label: t('bidding.bids.bond'),
                        children: bid.bond ? (
                          <span>
                            {t(`bidding.bond.forms.${bid.bond.form}`)} <Tag>{t(`bidding.bond.status.${bid.bond.status}`)}</Tag>
                          </span>
                        ) : (
                          '—'
                        ),
                      },
                    ]),
                ...(bid.withdrawnAt ? [{ key: 'withdrawn', label: t('bidding.bids.withdrawnAt'), children: formatTime(bid.withdrawnAt, true) }] : []),
                ...(bid.confirmedDocumentVersion ? [{ key: 'confirmed', label: t('bidding.bids.confirmedVersion'), children: bid.confirmedDocumentVersion }] : []),
                { key: 'parts', label: t('bidding.bids.parts'), span: 2, children: bid.parts.map((p) => (p.role === 'bidSummary' ? t(`${w}.compose.summary`) : p.name.split('/').pop())).join('、') },
              ]}
            />
            {bid.receipts.length > 0 && (
              <Collapse
                size="small"
                ghost
                defaultActiveKey={live ? ['receipts'] : []}
                items={[
                  {
                    key: 'receipts',
                    label: t('bidding.bids.receipts', { n: bid.receipts.length }),
                    children: (
                      <Space direction="vertical" style={{ width: '100%' }}>
                        {bid.receipts.map((r) => (
                          <BidReceiptCard key={r.receipt.receiptId} response={r} />
                        ))}
                      </Space>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        );
      })}
    </div>
  );
}
