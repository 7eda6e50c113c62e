import { Card, Empty, Skeleton, Space, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { biddingApi, type BidView } from '../../../api/bidding.ts';
import { LoadError } from '../../../components/LoadError.tsx';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { BidReceiptCard } from './BidReceiptCard.tsx';
import { SittingTag } from './SittingTag.tsx';
import { biddingWords } from './sittingWords.ts';
import './bidding.css';

const STATUS_COLOR = { submitted: 'green', superseded: 'default', withdrawn: 'orange' } as const;

/**
 * 我的投标: every bid (and prequalification application, tagged) of the entity by section, newest first,
 * with its receipts; changes are made in the section's 投标 (资格预审申请) tab.
 */
export default function MyBidsTab() {
  const { t } = useTranslation();
  const bids = useLoader(() => biddingApi.mine(), []);
  if (bids.error) return <LoadError error={bids.error} onRetry={() => void bids.reload()} />;
  if (!bids.data) return <Skeleton active />;
  if (bids.data.length === 0) return <Empty description={t('bidding.bids.none')} />;
  const bySection = new Map<string, BidView[]>();
  for (const b of bids.data) bySection.set(b.sectionId, [...(bySection.get(b.sectionId) ?? []), b]);
  return (
    <div data-testid="my-bids-tab">
      {[...bySection.values()].map((list) => {
        const sorted = list.sort((a, b) => b.sequence - a.sequence);
        const s = sorted[0]!;
        return (
          <Card
            key={s.sectionId}
            size="small"
            className="bidder-card"
            title={
              <Link to={`/bidder/sections/${s.sectionId}?tab=bidding`}>
                {s.sectionCode} {s.sectionName}
              </Link>
            }
            extra={<span className="muted small">{t(`${biddingWords(s.sitting)}.req.deadline`)} {formatTime(s.bidDeadline, true)}</span>}
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              {sorted.map((b) => (
                <div key={b.id} data-testid="my-bids-tab-row" data-status={b.status} data-sitting={b.sitting}>
                  <Space wrap className="bid-tab-row">
                    <SittingTag sitting={b.sitting} />
                    <Tag color={STATUS_COLOR[b.status]}>{t(`bidding.status.${b.status}`)}</Tag>
                    <span>{t('bidding.bids.sequence', { n: b.sequence })}</span>
                    <span className="muted small">{formatTime(b.receivedAt, true)}</span>
                  </Space>
                  {b.status === 'submitted' && b.receipts.map((r) => <BidReceiptCard key={r.receipt.receiptId} response={r} />)}
                </div>
              ))}
            </Space>
          </Card>
        );
      })}
    </div>
  );
}
