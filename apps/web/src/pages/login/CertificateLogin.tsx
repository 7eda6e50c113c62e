import { InfoCircleOutlined } from '@ant-design/icons';
import { signCertificateChallenge, type KeyProvider } from '@bidhall/contracts';
import { Button, Form, Segmented, Tooltip } from 'antd';
import { useCallback, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { certificatesApi } from '../../api/certificates.ts';
import type { LoginResponse } from '../../api/types.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { FileKeySource } from './FileKeySource.tsx';

/**
 * Where a certificate's key lives. Each source is a form that yields a KeyProvider (or null while
 * incomplete); the login itself takes any provider. A USB key (UKey) driver becomes a second source.
 */
const KEY_SOURCES: { id: 'file' | 'ukey'; Form?: ComponentType<{ onChange: (p: KeyProvider | null) => void }> }[] = [
  { id: 'file', Form: FileKeySource },
  { id: 'ukey' },
];

/**
 * Certificate login (F-04/F-05/F-09): ask for a one-time challenge, sign it with the provider, send
 * the signature and the certificate. Loaded only when the tab is opened: it brings the crypto code.
 */
export default function CertificateLogin({ onDone }: { onDone: (response: LoginResponse) => void }) {
  const { t } = useTranslation();
  const [source, setSource] = useState<'file' | 'ukey'>('file');
  const [provider, setProvider] = useState<KeyProvider | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const onProvider = useCallback((p: KeyProvider | null) => {
    setProvider(p);
    setError(undefined);
  }, []);
  const SourceForm = KEY_SOURCES.find((s) => s.id === source)?.Form;

  const submit = async () => {
    if (!provider) return;
    setBusy(true);
    setError(undefined);
    try {
      const challenge = await certificatesApi.challenge();
      const request = await signCertificateChallenge(provider, challenge);
      onDone(await certificatesApi.login(request));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form layout="vertical" requiredMark={false} onFinish={submit} data-testid="certificate-login">
      <p className="muted login-lead">{t('login.cert.lead')}</p>
      <Form.Item label={t('login.cert.source')}>
        <Segmented
          block
          value={source}
          onChange={(v) => setSource(v)}
          options={KEY_SOURCES.map((s) => ({
            value: s.id,
            disabled: !s.Form,
            label: s.Form ? (
              t(`login.cert.sources.${s.id}`)
            ) : (
              <Tooltip title={t('login.cert.ukeySoon')}>
                <span>{t(`login.cert.sources.${s.id}`)}</span>
              </Tooltip>
            ),
          }))}
        />
      </Form.Item>
      {SourceForm && <SourceForm onChange={onProvider} />}
      <p className="muted small key-note">
        <InfoCircleOutlined /> {t('login.cert.keyStaysHere')}
      </p>
      <ProblemAlert error={error} testId="cert-login-error" />
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={busy}
        disabled={!provider}
        data-testid="cert-login-submit"
      >
        {t('login.cert.submit')}
      </Button>
    </Form>
  );
}
