import { BOND_FORFEITURE_GROUNDS, BOND_FORFEITURE_REFUSALS, type BondForfeitureRefusal } from '@bidhall/contracts';
import { Button, Card, Form, Input, Modal, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import {
  type BondForfeitureCandidate,
  type BondForfeitureGround,
  type BondForfeitureView,
  type ForfeiturePaymentState,
  forfeituresApi,
} from '../../../api/forfeitures.ts';
import { LoadError } from '../../../components/LoadError.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { formatFen } from '../money.ts';

interface ForfeitForm {
  ground: BondForfeitureGround;
  statement: string;
  payeeAccount: string;
  revocationText?: string;
  revocationSignature?: string;
}

const isUnlawfulReason = (v: unknown): v is BondForfeitureRefusal =>
  typeof v === 'string' && (BOND_FORFEITURE_REFUSALS as readonly string[]).includes(v);
const isGround = (v: unknown): v is BondForfeitureGround =>
  typeof v === 'string' && (BOND_FORFEITURE_GROUNDS as readonly string[]).includes(v);

const PAYMENT_COLORS: Record<ForfeiturePaymentState | 'none', string> = {
  requested: 'processing',
  paid: 'success',
  settled: 'default',
  none: 'default',
};
const lastPayment = (f: BondForfeitureView) => f.payments.at(-1);

/** A refused forfeiture in words: for BOND_FORFEITURE_UNLAWFUL, the ground and the fact of the record that failed. */
function refusalMessage(t: TFunction, error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.code !== 'BOND_FORFEITURE_UNLAWFUL' || !isUnlawfulReason(error.details.reason))
    return undefined;
  const reason = t(`finance.forfeitures.unlawfulReasons.${error.details.reason}`);
  const ground = error.details.ground;
  return isGround(ground)
    ? t('finance.forfeitures.unlawful', { ground: t(`finance.forfeitures.groundNames.${ground}`), reason })
    : reason;
}

/**
 * 不予退还投标保证金 (decision 0042): after the bid deadline, each bidder's held deposits on the section with
 * the statutory grounds the record supports; the tenderer (or its agency) decides on one ground with its
 * statement, the deposits are paid to the tenderer's account and the bidder is notified.
 */
export function DepositForfeituresCard({ sectionId }: { sectionId: string }) {
  const { t } = useTranslation();
  const list = useLoader(() => forfeituresApi.ofSection(sectionId), [sectionId]);
  const [deciding, setDeciding] = useState<BondForfeitureCandidate>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ForfeitForm>();
  const ground = Form.useWatch('ground', form);
  const nameOf = (r: { entityName: string | null; entityId: string }) => r.entityName ?? r.entityId;

  const open = (c: BondForfeitureCandidate) => {
    form.resetFields();
    setError(undefined);
    setDeciding(c);
  };

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await forfeituresApi.decide(sectionId, {
        entityId: deciding!.entityId,
        ground: v.ground,
        statement: v.statement.trim(),
        payeeAccount: v.payeeAccount.trim(),
        ...(v.ground === 'withdrawnAfterDeadline'
          ? {
              revocation: { text: (v.revocationText ?? '').trim(), signature: (v.revocationSignature ?? '').replace(/\s+/g, '') },
            }
          : {}),
      });
      setDeciding(undefined);
      await list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('finance.forfeitures.title')} data-testid="deposit-forfeitures">
      <Typography.Paragraph type="secondary" className="small">
        {t('finance.forfeitures.hint')}
      </Typography.Paragraph>
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.reload()} />
      ) : (
        <>
          <Typography.Title level={5}>{t('finance.forfeitures.candidates')}</Typography.Title>
          <Table<BondForfeitureCandidate>
            rowKey="entityId"
            size="small"
            loading={list.loading}
            dataSource={list.data?.candidates ?? []}
            pagination={false}
            locale={{ emptyText: t('finance.forfeitures.noCandidates') }}
            onRow={(r) =>
              ({
                'data-testid': 'forfeiture-candidate',
                'data-entity': r.entityName ?? r.entityId,
              }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              { title: t('finance.forfeitures.bidder'), key: 'bidder', render: (_, r) => nameOf(r) },
              {
                title: t('finance.forfeitures.held'),
                dataIndex: 'heldFen',
                align: 'right',
                render: (v: string) => <span className="mono">{formatFen(v)}</span>,
              },
              {
                title: t('finance.forfeitures.grounds'),
                dataIndex: 'grounds',
                render: (v: BondForfeitureGround[]) =>
                  v.length ? (
                    v.map((g) => (
                      <Tag key={g} color="volcano" data-testid="forfeiture-ground">
                        {t(`finance.forfeitures.groundNames.${g}`)}
                      </Tag>
                    ))
                  ) : (
                    <Typography.Text type="secondary" className="small">
                      {t('finance.forfeitures.noGround')}
                    </Typography.Text>
                  ),
              },
              {
                title: '',
                key: 'action',
                render: (_, r) => (
                  <Button
                    size="small"
                    danger
                    disabled={r.grounds.length === 0}
                    onClick={() => open(r)}
                    data-testid="forfeit-open"
                  >
                    {t('finance.forfeitures.open')}
                  </Button>
                ),
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('finance.forfeitures.decisions')}
          </Typography.Title>
          <Table<BondForfeitureView>
            rowKey="id"
            size="small"
            loading={list.loading}
            dataSource={list.data?.forfeitures ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('finance.forfeitures.noDecisions') }}
            onRow={(r) =>
              ({
                'data-testid': 'forfeiture-row',
                'data-state': lastPayment(r)?.state ?? 'none',
              }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              { title: t('finance.forfeitures.bidder'), key: 'bidder', width: 180, render: (_, r) => nameOf(r) },
              {
                title: t('finance.forfeitures.ground'),
                dataIndex: 'ground',
                width: 170,
                render: (v: BondForfeitureGround) => t(`finance.forfeitures.groundNames.${v}`),
              },
              {
                title: t('finance.forfeitures.statement'),
                dataIndex: 'statement',
                ellipsis: { showTitle: false },
                render: (v: string) => (
                  <Tooltip title={v} placement="topLeft">
                    <span>{v}</span>
                  </Tooltip>
                ),
              },
              {
                title: t('finance.forfeitures.amount'),
                dataIndex: 'principalFen',
                width: 140,
                align: 'right',
                render: (v: string) => <span className="mono">{formatFen(v)}</span>,
              },
              {
                title: t('finance.forfeitures.decidedAt'),
                dataIndex: 'decidedAt',
                width: 160,
                render: (v: string) => formatTime(v),
              },
              {
                title: t('finance.forfeitures.payment'),
                key: 'payment',
                width: 220,
                render: (_, r) => {
                  const p = lastPayment(r);
                  return (
                    <span data-testid="forfeiture-payment">
                      <Tag color={PAYMENT_COLORS[p?.state ?? 'none']}>
                        {t(`finance.forfeitures.paymentStates.${p?.state ?? 'none'}`)}
                      </Tag>
                      {p?.bankSerial && (
                        <Typography.Text type="secondary" className="mono small">
                          {p.bankSerial}
                        </Typography.Text>
                      )}
                    </span>
                  );
                },
              },
            ]}
          />
        </>
      )}
      <Modal
        open={!!deciding}
        title={t('finance.forfeitures.modalTitle', { name: deciding ? nameOf(deciding) : '' })}
        okText={t('finance.forfeitures.submit')}
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'forfeit-submit' } as React.ComponentProps<typeof Button>}
        onOk={() => void submit()}
        onCancel={() => setDeciding(undefined)}
        destroyOnHidden
      >
        <Typography.Paragraph type="warning" className="small">
          {t('finance.forfeitures.confirm', { amount: deciding ? formatFen(deciding.heldFen) : '' })}
        </Typography.Paragraph>
        <ProblemAlert error={error} message={refusalMessage(t, error)} testId="forfeit-error" />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ ground: deciding?.grounds.length === 1 ? deciding.grounds[0] : undefined }}
        >
          <Form.Item name="ground" label={t('finance.forfeitures.ground')} rules={[{ required: true }]}>
            <Select
              data-testid="forfeit-ground"
              options={(deciding?.grounds ?? []).map((g) => ({ value: g, label: t(`finance.forfeitures.groundNames.${g}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="statement"
            label={t('finance.forfeitures.statement')}
            extra={t('finance.forfeitures.statementHint')}
            rules={[{ required: true, whitespace: true, min: 10, max: 2000 }]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="forfeit-statement" />
          </Form.Item>
          <Form.Item
            name="payeeAccount"
            label={t('finance.forfeitures.payeeAccount')}
            rules={[{ required: true }, { pattern: /^\d{8,32}$/, message: t('finance.forfeitures.payeeAccountInvalid') }]}
          >
            <Input className="mono" inputMode="numeric" maxLength={32} data-testid="forfeit-payee-account" />
          </Form.Item>
          {ground === 'withdrawnAfterDeadline' && (
            <>
              <Form.Item
                name="revocationText"
                label={t('finance.forfeitures.revocationText')}
                extra={t('finance.forfeitures.revocationHint')}
                rules={[{ required: true, whitespace: true, min: 10, max: 2000 }]}
              >
                <Input.TextArea rows={4} maxLength={2000} data-testid="forfeit-revocation-text" />
              </Form.Item>
              <Form.Item
                name="revocationSignature"
                label={t('finance.forfeitures.revocationSignature')}
                rules={[
                  { required: true },
                  {
                    validator: async (_, v?: string) => {
                      const s = (v ?? '').replace(/\s+/g, '');
                      if (s && (s.length < 16 || s.length > 20_000 || !/^[A-Za-z0-9+/]+={0,2}$/.test(s)))
                        throw new Error(t('finance.forfeitures.signatureInvalid'));
                    },
                  },
                ]}
              >
                <Input.TextArea rows={4} className="mono small" data-testid="forfeit-revocation-signature" />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
