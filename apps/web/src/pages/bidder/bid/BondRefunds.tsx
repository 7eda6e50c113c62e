import { RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BondAccount } from '../../../api/bidding.ts';
import { ApiError } from '../../../api/client.ts';
import { type BondRefundView, refundsApi, refundTiming } from '../../../api/finance.ts';
import { forfeituresApi } from '../../../api/forfeitures.ts';
import { LoadError } from '../../../components/LoadError.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { REFUND_STATE_COLORS, REFUND_TIMING_COLORS } from '../../staff-finance/refundColors.ts';
import { formatFen } from './money.ts';

/**
 * 保证金退还 on the section's bond sub-account (task 10, decision 0033): the entity's refunds of the
 * section's deposits (paid back to the paying account with bank interest, due 2 working days after the
 * request) and the request itself. The server decides: a live bid's bond is held (BOND_HELD), a forfeited
 * one is not refunded (BOND_FORFEITED; the tenderer's decisions are shown, decision 0042).
 */
export function BondRefunds({ sectionId, account, live, refreshKey }: { sectionId: string; account: BondAccount; live: boolean; refreshKey?: unknown }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const refunds = useLoader(() => refundsApi.mine(), [refreshKey]);
  const forfeitures = useLoader(() => forfeituresApi.mine(), [refreshKey]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const mine = (refunds.data ?? []).filter((r) => r.sectionId === sectionId);
  const forfeited = (forfeitures.data ?? []).filter((f) => f.sectionId === sectionId);
  const received = BigInt(account.receivedFen) > 0n;
  if (!received && mine.length === 0 && forfeited.length === 0) return null;

  const request = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const all = await refundsApi.request(sectionId);
      const due = all.filter((r) => r.sectionId === sectionId && r.state === 'requested').map((r) => r.dueDate).sort()[0];
      message.success(due ? t('finance.bidderRefunds.requested', { date: due }) : t('finance.bidderRefunds.title'));
      await refunds.reload();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.code === 'BOND_FORFEITED') await forfeitures.reload();
    } finally {
      setBusy(false);
    }
  };
  const confirm = () =>
    modal.confirm({
      title: t('finance.bidderRefunds.confirmTitle'),
      content: t('finance.bidderRefunds.confirmBody'),
      okText: t('finance.bidderRefunds.request'),
      onOk: () => void request(),
    });

  return (
    <Card
      size="small"
      className="bidder-card"
      title={t('finance.bidderRefunds.title')}
      extra={
        received && (
          <Button size="small" icon={<RollbackOutlined />} loading={busy} onClick={confirm} data-testid="bond-refund-request">
            {t('finance.bidderRefunds.request')}
          </Button>
        )
      }
      data-testid="bond-refunds"
    >
      {live && <Typography.Paragraph type="secondary" className="small">{t('finance.bidderRefunds.held')}</Typography.Paragraph>}
      {forfeited.map((f) => (
        <Alert
          key={f.id}
          type="warning"
          showIcon
          className="form-alert"
          data-testid="bond-forfeited"
          title={t('finance.forfeitures.mine.title')}
          description={
            <>
              <div>
                {t('finance.forfeitures.mine.body', {
                  ground: t(`finance.forfeitures.groundNames.${f.ground}`),
                  amount: formatFen(f.principalFen),
                  time: formatTime(f.decidedAt),
                })}
              </div>
              <div>{t('finance.forfeitures.mine.statement', { statement: f.statement })}</div>
            </>
          }
        />
      ))}
      <ProblemAlert
        error={error}
        message={error instanceof ApiError && error.code === 'BOND_FORFEITED' ? t('finance.forfeitures.mine.refused') : undefined}
        testId="bond-refund-error"
      />
      {refunds.error ? (
        <LoadError error={refunds.error} onRetry={() => void refunds.reload()} />
      ) : (
        <Table<BondRefundView>
          rowKey="id"
          size="small"
          loading={refunds.loading}
          dataSource={mine}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('finance.bidderRefunds.none') }}
          onRow={(r) => ({ 'data-testid': 'bond-refund-row', 'data-state': r.state }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('finance.refunds.list.state'),
              dataIndex: 'state',
              width: 120,
              render: (v: BondRefundView['state']) => (
                <Tag color={REFUND_STATE_COLORS[v]} data-testid="bond-refund-state">
                  {t(`finance.refunds.states.${v}`)}
                </Tag>
              ),
            },
            { title: t('finance.refunds.list.reason'), dataIndex: 'reason', width: 100, render: (v: BondRefundView['reason']) => (v === null ? '—' : t(`finance.refunds.reasons.${v}`)) },
            {
              title: t('finance.refunds.list.principal'),
              dataIndex: 'principalFen',
              width: 140,
              align: 'right',
              render: (v: string) => <span className="mono">{formatFen(v)}</span>,
            },
            {
              title: t('finance.refunds.list.interest'),
              dataIndex: 'interestFen',
              width: 110,
              align: 'right',
              render: (v: string | null, r) => (
                <Tooltip title={t('finance.refunds.list.rate', { rate: (r.rateBp / 100).toFixed(2) })}>
                  <span className="mono" data-testid="bond-refund-interest">
                    {v === null ? '—' : formatFen(v)}
                  </span>
                </Tooltip>
              ),
            },
            {
              title: t('finance.refunds.list.dueDate'),
              dataIndex: 'dueDate',
              width: 190,
              render: (v: string, r) => {
                const timing = refundTiming(r);
                return (
                  <span data-testid="bond-refund-due">
                    <span className="mono">{v}</span>{' '}
                    <Tag className="inline-tag" color={REFUND_TIMING_COLORS[timing]}>
                      {t(`finance.refunds.timings.${timing}`)}
                    </Tag>
                  </span>
                );
              },
            },
            { title: t('finance.refunds.list.paidAt'), dataIndex: 'paidAt', width: 160, render: (v: string | null) => formatTime(v, true) },
            { title: t('finance.refunds.list.payee'), dataIndex: 'payeeAccount', width: 180, render: (v: string | null) => <span className="mono small">{v ?? '—'}</span> },
          ]}
        />
      )}
    </Card>
  );
}
