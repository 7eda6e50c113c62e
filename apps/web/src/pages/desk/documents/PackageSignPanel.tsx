import { FileProtectOutlined, SafetyCertificateOutlined, SendOutlined } from '@ant-design/icons';
import type { KeyProvider } from '@bidhall/contracts';
import { fromBase64 } from '@bidhall/crypto/browser';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Popconfirm, Space, Steps, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi, type DocumentView, type PackageView } from '../../../api/documents.ts';
import { formatTime } from '../../../format.ts';
import { useServerClock } from '../../../hooks/useServerClock.tsx';
import { FileKeySource } from '../../login/FileKeySource.tsx';
import { DeskProblem } from '../DeskProblem.tsx';
import { useDesk } from '../deskContext.ts';
import { signDetachedWithProvider } from './providerCms.ts';

const FLOW = ['draft', 'packaged', 'signed', 'issued'] as const;

/**
 * task 18: package (the server fixes the manifest and its SM3), then sign exactly the
 * manifest bytes it returned, in the browser, with the entity's certificate key; the commitment that
 * replaces filing is part of the manifest and accepted with the signature.
 */
export function PackageSignPanel({ doc, onChanged }: { doc: DocumentView; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { now } = useServerClock();
  const { isTenderer } = useDesk();
  const [pkg, setPkg] = useState<PackageView>();
  const [provider, setProvider] = useState<KeyProvider | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [busy, setBusy] = useState<'package' | 'sign' | 'issue'>();
  const [error, setError] = useState<unknown>();
  const onProvider = useCallback((p: KeyProvider | null) => setProvider(p), []);
  const canPackage = doc.canManage && (doc.status === 'draft' || doc.status === 'packaged');

  const pack = async () => {
    setBusy('package');
    setError(undefined);
    try {
      setPkg(await documentsApi.package(doc.id));
      await onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };
  const issue = async () => {
    setBusy('issue');
    setError(undefined);
    try {
      await documentsApi.issue(doc.id);
      void message.success(t('desk.sign.issued'));
      await onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };
  const sign = async () => {
    if (!pkg || !provider) return;
    setBusy('sign');
    setError(undefined);
    try {
      const signature = await signDetachedWithProvider(provider, fromBase64(pkg.manifestBase64), new Date(now()));
      await documentsApi.sign(doc.id, signature);
      void message.success(t('desk.sign.signed'));
      setPkg(undefined);
      await onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div data-testid="package-sign">
      <Steps
        className="desk-steps"
        size="small"
        current={FLOW.indexOf(doc.status)}
        items={FLOW.map((s) => ({ title: t(`desk.documentStatus.${s}`) }))}
      />
      <DeskProblem error={error} testId="sign-problem" />
      {doc.contentSm3 && (
        <Descriptions
          size="small"
          column={1}
          bordered
          className="desk-sign-facts"
          items={[
            { key: 'sm3', label: t('desk.sign.contentSm3'), children: <span className="mono">{doc.contentSm3}</span> },
            { key: 'version', label: t('desk.sign.version'), children: doc.version },
            ...(doc.signature
              ? [
                  { key: 'signer', label: t('desk.sign.signer'), children: doc.signature.signerSubject },
                  { key: 'signedAt', label: t('desk.sign.signedAt'), children: formatTime(doc.signature.signedAt, true) },
                  {
                    key: 'fingerprint',
                    label: t('desk.sign.fingerprint'),
                    children: <span className="mono">{doc.signature.signerFingerprint}</span>,
                  },
                  {
                    key: 'commitment',
                    label: t('desk.sign.commitment'),
                    children: `${doc.signature.commitmentVersion} · ${doc.signature.commitmentSm3.slice(0, 16)}…`,
                  },
                ]
              : []),
          ]}
        />
      )}
      {canPackage && (
        <Space className="desk-actions">
          <Button
            type={pkg ? 'default' : 'primary'}
            icon={<FileProtectOutlined />}
            loading={busy === 'package'}
            onClick={() => void pack()}
            data-testid="document-package"
          >
            {doc.status === 'packaged' ? t('desk.sign.repackage') : t('desk.sign.package')}
          </Button>
          {!pkg && <Typography.Text type="secondary">{t('desk.sign.packageHint')}</Typography.Text>}
        </Space>
      )}
      {doc.canManage && doc.status === 'signed' && (
        <Space className="desk-actions">
          <Popconfirm title={t('desk.sign.issueConfirm')} onConfirm={() => void issue()}>
            <Button type="primary" icon={<SendOutlined />} loading={busy === 'issue'} data-testid="document-issue">
              {t('desk.sign.issue')}
            </Button>
          </Popconfirm>
          <Typography.Text type="secondary">{t('desk.sign.issueHint')}</Typography.Text>
        </Space>
      )}
      {pkg && (
        <Card size="small" title={t('desk.sign.title')} className="desk-sign-card" data-testid="sign-card">
          <Alert
            type="info"
            showIcon
            className="form-alert"
            title={t('desk.sign.bytes', { sm3: pkg.contentSm3, version: pkg.version })}
            description={t('desk.sign.tendererKey')}
          />
          <Card size="small" type="inner" title={t('desk.sign.commitmentTitle', { version: pkg.commitment.version })}>
            <div className="desk-commitment" data-testid="commitment-text">
              {pkg.commitment.text}
            </div>
          </Card>
          {!isTenderer ? (
            <Alert
              type="warning"
              showIcon
              className="form-alert"
              title={t('desk.sign.tendererOnly')}
              data-testid="sign-tenderer-only"
            />
          ) : (
            <>
              <Form layout="vertical" className="desk-sign-form">
                <FileKeySource onChange={onProvider} />
                <Checkbox checked={accepted} onChange={(e) => setAccepted(e.target.checked)} data-testid="commitment-accept">
                  {t('desk.sign.accept')}
                </Checkbox>
              </Form>
              <Button
                type="primary"
                icon={<SafetyCertificateOutlined />}
                disabled={!provider || !accepted}
                loading={busy === 'sign'}
                onClick={() => void sign()}
                className="desk-actions"
                data-testid="document-sign"
              >
                {t('desk.sign.sign')}
              </Button>
            </>
          )}
        </Card>
      )}
    </div>
  );
}
