import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { PerformanceBondView } from '@bidhall/contracts';
import { Alert, App, Button, Descriptions, Empty, Input, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feesApi } from '../../../api/fees.ts';
import { useSession } from '../../../auth/SessionContext.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { ReasonModal } from '../../admin/ReasonModal.tsx';
import { formatFen, yuanToFen } from '../money.ts';

type Bond = NonNullable<PerformanceBondView['bond']>;
const STATE_COLORS: Record<Bond['state'], string> = { awaiting: 'warning', paid: 'success', released: 'default' };

/**
 * The performance bond (履约保证金, A-189; decision 0038) in the section's contract tab: the tenderer asks
 * for one (at most 10 % of the winning price) and releases it; the winner gets its account number or
 * furnishes a guarantee; everyone who may see the contract sees it paid and refunded.
 */
export function PerformanceBondCard({ sectionId, canManage }: { sectionId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const loaded = useLoader(() => feesApi.bond(sectionId), [sectionId]);
  const [amount, setAmount] = useState('');
  const [guarantee, setGuarantee] = useState('');
  const [busy, setBusy] = useState<string>();
  const [releasing, setReleasing] = useState(false);
  const [error, setError] = useState<unknown>();
  const v = loaded.data;

  const act = async (key: string, run: () => Promise<unknown>, done: string) => {
    setBusy(key);
    setError(undefined);
    try {
      await run();
      message.success(done);
      await loaded.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };

  if (loaded.error && !v) return <ProblemAlert error={loaded.error} />;
  if (!v) return <Skeleton active />;
  if (!v.awarded) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('performanceBond.notAwarded')} />;
  const isWinner = !!user?.entity && user.entity.id === v.winnerEntityId;
  const b = v.bond;
  const fen = yuanToFen(amount);
  const over = fen !== undefined && v.capFen !== null && BigInt(fen) > BigInt(v.capFen);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="performance-bond">
      <Typography.Paragraph type="secondary" className="small">
        {t('performanceBond.hint')}
      </Typography.Paragraph>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'price', label: t('performanceBond.price'), children: <span className="mono">{formatFen(v.priceFen)}</span> },
          { key: 'cap', label: t('performanceBond.cap'), children: <span className="mono">{formatFen(v.capFen)}</span> },
          ...(b
            ? [
                {
                  key: 'amount',
                  label: t('performanceBond.amount'),
                  children: <span className="mono">{formatFen(b.amountFen)}</span>,
                },
                {
                  key: 'state',
                  label: t('performanceBond.form'),
                  children: (
                    <Space>
                      <Tag color={STATE_COLORS[b.state]} data-testid="performance-bond-state">
                        {t(`performanceBond.states.${b.state}`)}
                      </Tag>
                      {b.form && t(`performanceBond.forms.${b.form}`)}
                    </Space>
                  ),
                },
                ...(b.accountNumber
                  ? [
                      {
                        key: 'account',
                        label: t('performanceBond.account'),
                        children: (
                          <Typography.Text className="mono" copyable>
                            {b.accountNumber}
                          </Typography.Text>
                        ),
                      },
                      { key: 'bank', label: t('performanceBond.bank'), children: `${b.bankName} · ${b.accountName}` },
                      {
                        key: 'received',
                        label: t('performanceBond.received'),
                        children: <span className="mono">{formatFen(b.receivedFen)}</span>,
                      },
                    ]
                  : []),
                ...(b.guaranteeNumber
                  ? [
                      {
                        key: 'guarantee',
                        label: t('performanceBond.guarantee'),
                        children: <span className="mono">{b.guaranteeNumber}</span>,
                      },
                    ]
                  : []),
                ...(b.releasedAt
                  ? [
                      {
                        key: 'released',
                        label: t('performanceBond.releaseTitle'),
                        children: `${formatTime(b.releasedAt)} ${b.releaseReason ?? ''}`,
                      },
                    ]
                  : []),
              ]
            : []),
        ]}
      />
      {!b && !canManage && <Alert type="info" showIcon message={t('performanceBond.none')} />}
      {canManage && (!b || b.state === 'awaiting') && !b?.accountNumber && (
        <Space.Compact style={{ maxWidth: 420 }}>
          <Input
            addonBefore={t('performanceBond.amount')}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            status={amount && (fen === undefined || over) ? 'error' : undefined}
            data-testid="performance-bond-amount"
          />
          {/* Over the cap the input is marked; the platform refuses it with the reason shown below (Reg. 58). */}
          <Button
            type="primary"
            disabled={fen === undefined || fen === '0'}
            loading={busy === 'require'}
            data-testid="performance-bond-require"
            onClick={() => void act('require', () => feesApi.requireBond(sectionId, fen!), t('performanceBond.required'))}
          >
            {b ? t('performanceBond.change') : t('performanceBond.require')}
          </Button>
        </Space.Compact>
      )}
      {isWinner && b && b.state === 'awaiting' && (
        <Space wrap>
          {!b.accountNumber && (
            <Button
              loading={busy === 'account'}
              onClick={() => void act('account', () => feesApi.openBondAccount(sectionId), t('performanceBond.openAccount'))}
              data-testid="performance-bond-account"
            >
              {t('performanceBond.openAccount')}
            </Button>
          )}
          <Space.Compact>
            <Input
              placeholder={t('performanceBond.guarantee')}
              value={guarantee}
              onChange={(e) => setGuarantee(e.target.value.trim())}
            />
            <Button
              icon={<SafetyCertificateOutlined />}
              disabled={!guarantee}
              loading={busy === 'guarantee'}
              onClick={() =>
                void act('guarantee', () => feesApi.furnishGuarantee(sectionId, guarantee), t('performanceBond.furnished'))
              }
            >
              {t('performanceBond.furnish')}
            </Button>
          </Space.Compact>
        </Space>
      )}
      {canManage && b && b.state !== 'released' && (
        <Button danger onClick={() => setReleasing(true)} data-testid="performance-bond-release">
          {t('performanceBond.release')}
        </Button>
      )}
      {b && b.refunds.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          title={() => t('performanceBond.refunds')}
          dataSource={b.refunds}
          columns={[
            {
              title: t('performanceBond.amount'),
              dataIndex: 'principalFen',
              render: (f: string) => <span className="mono">{formatFen(f)}</span>,
            },
            {
              title: t('performanceBond.refunds'),
              dataIndex: 'state',
              render: (s: Bond['refunds'][number]['state']) => <Tag>{t(`performanceBond.refundStates.${s}`)}</Tag>,
            },
            { title: '', dataIndex: 'paidAt', render: (at: string | null) => (at ? formatTime(at) : '—') },
          ]}
        />
      )}
      <ProblemAlert error={error} testId="performance-bond-error" />
      {releasing && (
        <ReasonModal
          title={t('performanceBond.releaseTitle')}
          label={t('performanceBond.releaseReason')}
          onSubmit={async (reason) => {
            await feesApi.releaseBond(sectionId, reason);
            return t('performanceBond.released');
          }}
          onClose={() => setReleasing(false)}
          onDone={() => void loaded.reload()}
          testId="performance-bond-release-modal"
        />
      )}
    </Space>
  );
}
