import { personalCertificateBindingPayload, type PersonalCertificateView } from '@bidhall/contracts';
import { DisconnectOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, List, Modal, Popconfirm, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personalCertificatesApi } from '../../api/evaluationReport.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import type { BidSigner } from '../bidder/bid/bidKey.ts';
import { SignerFiles } from '../evaluation/report/SignerFiles.tsx';

const STATUS_COLOR = { valid: 'green', expiring: 'orange', expired: 'red', notYetValid: 'default', revoked: 'red', unbound: 'default' } as const;

/**
 * 个人证书: the evaluator binds its own certificate (decision 0026) — the platform's nonce signed with
 * the key file in this browser proves it holds the key — and signs its sign-in and the report with it.
 */
export function PersonalCertificateCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const list = useLoader(() => personalCertificatesApi.list(), []);
  const [open, setOpen] = useState(false);
  const [signer, setSigner] = useState<BidSigner>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const onSigner = useCallback((s: BidSigner | undefined) => setSigner(s), []);

  const bind = async () => {
    if (!signer || !user) return;
    setBusy(true);
    setError(undefined);
    try {
      const { nonce } = await personalCertificatesApi.challenge();
      await personalCertificatesApi.bind({ certificate: signer.certificatePem, nonce, signature: signer.sign(personalCertificateBindingPayload(user.id, nonce)) });
      message.success(t('evaluationReport.personal.bound'));
      setOpen(false);
      void list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const unbind = async (c: PersonalCertificateView) => {
    try {
      await personalCertificatesApi.unbind(c.id);
      void list.reload();
    } catch (err) {
      setError(err);
    }
  };
  const live = (list.data ?? []).filter((c) => !c.unboundAt);

  return (
    <Card
      title={t('evaluationReport.personal.title')}
      extra={
        <Button icon={<SafetyCertificateOutlined />} onClick={() => setOpen(true)} data-testid="personal-cert-bind">
          {t('evaluationReport.personal.bind')}
        </Button>
      }
      data-testid="personal-certificates"
    >
      {live.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluationReport.personal.none')} />
      ) : (
        <List
          dataSource={live}
          renderItem={(c) => (
            <List.Item
              actions={[
                <Popconfirm key="unbind" title={t('evaluationReport.personal.unbindConfirm')} onConfirm={() => void unbind(c)}>
                  <Button size="small" icon={<DisconnectOutlined />}>{t('evaluationReport.personal.unbind')}</Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={<>{c.subjectName} <Tag color={STATUS_COLOR[c.status]}>{t(`evaluationReport.personal.status.${c.status}`)}</Tag></>}
                description={<span className="small">{c.issuer} · {t('evaluationReport.personal.until', { date: formatTime(c.notAfter) })} · <span className="mono">{c.fingerprintSha256.slice(0, 16)}…</span></span>}
              />
            </List.Item>
          )}
        />
      )}
      {error !== undefined && !open && <ProblemAlert error={error} testId="personal-cert-error" />}
      {open && (
        <Modal
          open
          title={t('evaluationReport.personal.bindTitle')}
          onCancel={busy ? undefined : () => setOpen(false)}
          maskClosable={false}
          footer={<Button type="primary" loading={busy} disabled={!signer} onClick={() => void bind()} data-testid="personal-cert-bind-submit">{t('evaluationReport.personal.bind')}</Button>}
        >
          <Typography.Paragraph type="secondary">{t('evaluationReport.personal.lead')}</Typography.Paragraph>
          <SignerFiles disabled={busy} onSigner={onSigner} testId="personal-cert" />
          {error !== undefined && <ProblemAlert error={error} testId="personal-cert-bind-error" />}
        </Modal>
      )}
    </Card>
  );
}
