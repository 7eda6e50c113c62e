import { Button, Card, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BeneficiaryGuaranteeView, CLAIM_REASONS, type GuaranteeClaimReason, guaranteesApi } from '../../../api/guarantees.ts';
import { LoadError } from '../../../components/LoadError.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { yuanToFen } from '../../bidder/bid/money.ts';
import { formatFen } from '../money.ts';

interface ClaimForm {
  reason: GuaranteeClaimReason;
  statement: string;
  amountYuan?: string;
  payeeAccount: string;
  payeeName: string;
}

/**
 * 投标保函索赔 (decision 0037): the bid guarantees in the tenderer's favour on this section, listed by the
 * server once the deadline has passed; a claim on a statutory ground with its statement, paid by the issuer.
 */
export function GuaranteeClaimsCard({ sectionId, tendererName }: { sectionId: string; tendererName: string }) {
  const { t } = useTranslation();
  const list = useLoader(() => guaranteesApi.inMyFavour(), [sectionId]);
  const rows = (list.data ?? []).filter((g) => g.sectionId === sectionId);
  const [claiming, setClaiming] = useState<BeneficiaryGuaranteeView>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ClaimForm>();

  const submit = async () => {
    const v = await form.validateFields();
    const amount = v.amountYuan?.trim() ? yuanToFen(v.amountYuan) : null;
    if (amount && 'problem' in amount) {
      form.setFields([{ name: 'amountYuan', errors: [t('guarantees.claims.claimAmount')] }]);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await guaranteesApi.claim(claiming!.guaranteeId, { reason: v.reason, statement: v.statement, payeeAccount: v.payeeAccount, payeeName: v.payeeName, ...(amount ? { amountFen: amount.fen } : {}) });
      setClaiming(undefined);
      await list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('guarantees.claims.title')} data-testid="guarantee-claims">
      <Typography.Paragraph type="secondary" className="small">{t('guarantees.claims.hint')}</Typography.Paragraph>
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.reload()} />
      ) : (
        <Table<BeneficiaryGuaranteeView>
          rowKey="guaranteeId"
          size="small"
          loading={list.loading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('guarantees.claims.none') }}
          onRow={(r) => ({ 'data-testid': 'guarantee-claim-row', 'data-claim': r.claim?.state ?? 'none' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('guarantees.claims.principal'), dataIndex: 'principalName' },
            { title: t('guarantees.claims.number'), dataIndex: 'guaranteeNumber', render: (v: string) => <span className="mono small">{v}</span> },
            { title: t('guarantees.app.issuer'), dataIndex: 'issuerName' },
            { title: t('guarantees.claims.amount'), dataIndex: 'amountFen', align: 'right', render: (v: string) => <span className="mono">{formatFen(v)}</span> },
            { title: t('guarantees.claims.validUntil'), dataIndex: 'validUntil', render: (v: string) => formatTime(v) },
            {
              title: '',
              render: (_, r) =>
                r.claim ? (
                  <span data-testid="guarantee-claim-state">
                    <Tag color={r.claim.state === 'paid' ? 'green' : 'gold'}>{t(`guarantees.claims.states.${r.claim.state}`)}</Tag>
                    {t(`guarantees.claims.reasons.${r.claim.reason}`)}
                    {r.claim.paymentSerial && <Typography.Text type="secondary" className="small"> {t('guarantees.claims.paid', { serial: r.claim.paymentSerial })}</Typography.Text>}
                  </span>
                ) : r.cancelled ? (
                  <Tag>{t('guarantees.states.cancelled')}</Tag>
                ) : (
                  <Button size="small" danger disabled={!r.claimable} onClick={() => (form.resetFields(), setError(undefined), setClaiming(r))} data-testid="guarantee-claim">
                    {t('guarantees.claims.claim')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      <Modal
        open={!!claiming}
        title={`${t('guarantees.claims.claim')} · ${claiming?.guaranteeNumber ?? ''}`}
        okText={t('guarantees.claims.submit')}
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'guarantee-claim-submit' } as React.ComponentProps<typeof Button>}
        onOk={() => void submit()}
        onCancel={() => setClaiming(undefined)}
        destroyOnHidden
      >
        <ProblemAlert error={error} testId="guarantee-claim-error" />
        <Form form={form} layout="vertical" initialValues={{ payeeName: tendererName }}>
          <Form.Item name="reason" label={t('guarantees.claims.reason')} rules={[{ required: true }]}>
            <Select data-testid="guarantee-claim-reason" options={CLAIM_REASONS.map((r) => ({ value: r, label: t(`guarantees.claims.reasons.${r}`) }))} />
          </Form.Item>
          <Form.Item name="statement" label={t('guarantees.claims.statement')} rules={[{ required: true, min: 10, max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="guarantee-claim-statement" />
          </Form.Item>
          <Form.Item name="amountYuan" label={t('guarantees.claims.claimAmount')}>
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item name="payeeAccount" label={t('guarantees.claims.payeeAccount')} rules={[{ required: true, pattern: /^\d{8,32}$/ }]}>
            <Input className="mono" inputMode="numeric" data-testid="guarantee-claim-account" />
          </Form.Item>
          <Form.Item name="payeeName" label={t('guarantees.claims.payeeName')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
