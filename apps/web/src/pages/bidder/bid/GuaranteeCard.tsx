import { DownloadOutlined, SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPLICATION_STATE_COLORS, type GuaranteeApplicationView, type GuaranteeIssuerView, guaranteesApi } from '../../../api/guarantees.ts';
import { LoadError } from '../../../components/LoadError.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { formatFen } from './money.ts';

function saveJson(name: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * 电子保函 on the section's 投标 tab (issue 13 §6, task 15, decision 0037): the issuers on the platform's
 * interface with their rates and this section's premium; the bidder's application — pay the premium
 * (once, whatever the clicks), then the issuer's signed guarantee and e-invoice to download, and the
 * guarantee number to cite in the bid; cancel while unused. The server decides every step.
 */
export function GuaranteeCard({ sectionId, closed, payerName }: { sectionId: string; closed: boolean; payerName: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const apps = useLoader(() => guaranteesApi.mine(sectionId), [sectionId]);
  const current = (apps.data ?? []).find((a) => a.state !== 'cancelled');
  const issuers = useLoader(() => (closed || current ? Promise.resolve([] as GuaranteeIssuerView[]) : guaranteesApi.issuers(sectionId)), [sectionId, closed, !!current]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const [form] = Form.useForm<{ payerAccount: string; payerName: string }>();

  const run = async (key: string, action: () => Promise<unknown>, done?: string) => {
    setBusy(key);
    setError(undefined);
    try {
      await action();
      if (done) message.success(done);
      await apps.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };
  const apply = (i: GuaranteeIssuerView) =>
    modal.confirm({
      title: t('guarantees.card.confirmApply', { name: i.name }),
      content: i.quote ? t('guarantees.card.confirmApplyBody', { amount: formatFen(i.quote.amountFen), until: formatTime(i.quote.validUntil), premium: formatFen(i.quote.premiumFen) }) : null,
      onOk: () => void run(`apply-${i.entityId}`, () => guaranteesApi.apply(sectionId, i.entityId), t('guarantees.card.applied')),
    });
  const pay = (a: GuaranteeApplicationView) =>
    void form.validateFields().then((v) => run('pay', () => guaranteesApi.pay(a.id, v), t('guarantees.app.paid')));
  const cancel = (a: GuaranteeApplicationView) =>
    modal.confirm({
      title: t('guarantees.app.confirmCancel'),
      content: t('guarantees.app.confirmCancelBody'),
      okButtonProps: { danger: true },
      onOk: () => void run('cancel', () => guaranteesApi.cancel(a.id), t('guarantees.app.cancelled')),
    });
  const download = (a: GuaranteeApplicationView, kind: 'guarantee' | 'invoice') =>
    void run(kind, async () => saveJson(kind === 'guarantee' ? `保函-${a.guaranteeNumber}.json` : `电子发票-${a.invoice?.invoiceNumber}.json`, await guaranteesApi.file(a.id, kind)));

  return (
    <Card size="small" className="bidder-card" title={<Space><SafetyCertificateOutlined />{t('guarantees.card.title')}</Space>} data-testid="guarantee-card">
      <Typography.Paragraph type="secondary" className="small">{t('guarantees.card.hint')}</Typography.Paragraph>
      <ProblemAlert error={error} testId="guarantee-error" />
      {apps.error ? (
        <LoadError error={apps.error} onRetry={() => void apps.reload()} />
      ) : current ? (
        <div data-testid="guarantee-application" data-state={current.state}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'state', label: t('guarantees.app.state'), children: <Tag color={APPLICATION_STATE_COLORS[current.state]} data-testid="guarantee-state">{t(`guarantees.states.${current.state}`)}</Tag> },
              { key: 'issuer', label: t('guarantees.app.issuer'), children: current.issuerName },
              { key: 'amount', label: t('guarantees.app.amount'), children: <span className="mono">{formatFen(current.amountFen ?? '0')}</span> },
              { key: 'premium', label: t('guarantees.app.premium'), children: <span className="mono" data-testid="guarantee-premium">{formatFen(current.premiumFen ?? '0')}</span> },
              { key: 'validity', label: t('guarantees.app.validity'), children: `${formatTime(current.validFrom)} — ${formatTime(current.validUntil)}` },
              { key: 'reference', label: t('guarantees.app.reference'), children: <span className="mono small">{current.issuerReference}</span> },
              ...(current.guaranteeNumber
                ? [
                    {
                      key: 'number',
                      label: t('guarantees.app.number'),
                      span: 2,
                      children: (
                        <span>
                          <Typography.Text copyable strong className="mono" data-testid="guarantee-number">{current.guaranteeNumber}</Typography.Text>
                          <Typography.Text type="secondary" className="small"> {t('guarantees.app.useInBid')}</Typography.Text>
                        </span>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {current.lastError && <Typography.Paragraph type="warning" className="small">{t('guarantees.app.lastError', { error: current.lastError })}</Typography.Paragraph>}
          {current.releasedAt && <Typography.Paragraph type="secondary" className="small">{t('guarantees.app.released')}</Typography.Paragraph>}
          {current.state === 'applied' && !closed && (
            <Form form={form} layout="inline" initialValues={{ payerName }} data-testid="guarantee-pay-form">
              <Form.Item name="payerAccount" label={t('guarantees.app.payerAccount')} rules={[{ required: true, pattern: /^\d{8,32}$/ }]}>
                <Input className="mono" inputMode="numeric" maxLength={32} data-testid="guarantee-payer-account" />
              </Form.Item>
              <Form.Item name="payerName" label={t('guarantees.app.payerName')} rules={[{ required: true, max: 200 }]}>
                <Input data-testid="guarantee-payer-name" />
              </Form.Item>
              <Button type="primary" loading={busy === 'pay'} onClick={() => pay(current)} data-testid="guarantee-pay">
                {t('guarantees.app.pay')} {formatFen(current.premiumFen ?? '0')}
              </Button>
            </Form>
          )}
          {current.invoice && (
            <Descriptions
              size="small"
              style={{ marginTop: 12 }}
              title={t('guarantees.invoice.title')}
              column={{ xs: 1, md: 3 }}
              data-testid="guarantee-invoice"
              items={[
                { key: 'number', label: t('guarantees.invoice.number'), children: <span className="mono">{current.invoice.invoiceNumber}</span> },
                { key: 'item', label: t('guarantees.invoice.item'), span: 2, children: current.invoice.item },
                { key: 'amount', label: t('guarantees.invoice.amount'), children: <span className="mono">{formatFen(current.invoice.amountFen)}</span> },
                { key: 'tax', label: t('guarantees.invoice.tax', { rate: current.invoice.taxRateBp / 100 }), children: <span className="mono">{formatFen(current.invoice.taxFen)}</span> },
                { key: 'total', label: t('guarantees.invoice.total'), children: <strong className="mono" data-testid="guarantee-invoice-total">{formatFen(current.invoice.totalFen)}</strong> },
                { key: 'seller', label: t('guarantees.invoice.seller'), children: current.invoice.seller.name },
                { key: 'buyer', label: t('guarantees.invoice.buyer'), children: current.invoice.buyer.name },
              ]}
            />
          )}
          {current.postings.length > 0 && (
            <Typography.Paragraph className="small" data-testid="guarantee-ledger">
              {t('guarantees.app.ledger')}：
              {current.postings.map((p) => (
                <Tag key={p.issuerSerial} className="inline-tag">
                  {t(`guarantees.app.postingKinds.${p.kind}`)} {formatFen(p.amountFen)} · <span className="mono">{p.issuerSerial}</span>
                </Tag>
              ))}
            </Typography.Paragraph>
          )}
          <Space wrap>
            {current.guaranteeId && (
              <>
                <Button icon={<DownloadOutlined />} loading={busy === 'guarantee'} onClick={() => download(current, 'guarantee')} data-testid="guarantee-download">
                  {t('guarantees.app.downloadGuarantee')}
                </Button>
                <Button icon={<DownloadOutlined />} loading={busy === 'invoice'} onClick={() => download(current, 'invoice')} data-testid="guarantee-invoice-download">
                  {t('guarantees.app.downloadInvoice')}
                </Button>
              </>
            )}
            {current.state !== 'claimed' && (
              <Button danger icon={<StopOutlined />} loading={busy === 'cancel'} onClick={() => cancel(current)} data-testid="guarantee-cancel">
                {t('guarantees.app.cancel')}
              </Button>
            )}
          </Space>
        </div>
      ) : closed ? null : issuers.error ? (
        <LoadError error={issuers.error} onRetry={() => void issuers.reload()} />
      ) : (
        <Table<GuaranteeIssuerView>
          rowKey="entityId"
          size="small"
          loading={issuers.loading || apps.loading}
          dataSource={issuers.data ?? []}
          pagination={false}
          title={() => t('guarantees.card.issuers')}
          locale={{ emptyText: t('guarantees.card.none') }}
          onRow={(r) => ({ 'data-testid': 'guarantee-issuer', 'data-kind': r.kind }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('guarantees.card.issuer'), dataIndex: 'name' },
            { title: t('guarantees.card.kind'), dataIndex: 'kind', width: 110, render: (v: GuaranteeIssuerView['kind']) => <Tag>{t(`guarantees.kinds.${v}`)}</Tag> },
            { title: t('guarantees.card.rate'), dataIndex: 'rateBp', width: 90, align: 'right', render: (v: number) => <span className="mono">{(v / 100).toFixed(2)}%</span> },
            { title: t('guarantees.card.minimum'), dataIndex: 'minimumPremiumFen', width: 120, align: 'right', render: (v: string) => <span className="mono">{formatFen(v)}</span> },
            {
              title: t('guarantees.card.premium'),
              width: 140,
              align: 'right',
              render: (_, r) => <strong className="mono" data-testid="guarantee-quote">{r.quote ? formatFen(r.quote.premiumFen) : '—'}</strong>,
            },
            {
              title: '',
              width: 90,
              render: (_, r) => (
                <Button size="small" type="primary" loading={busy === `apply-${r.entityId}`} onClick={() => apply(r)} data-testid="guarantee-apply">
                  {t('guarantees.card.apply')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
