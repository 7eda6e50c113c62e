import type { KeyProvider } from '@bidhall/contracts';
import { utf8 } from '@bidhall/crypto/browser';
import { Alert, Form, Modal, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useServerClock } from '../../../hooks/useServerClock.tsx';
import { FileKeySource } from '../../login/FileKeySource.tsx';
import { signDetached } from './cmsSign.ts';

export interface SignModalProps {
  title: string;
  /** Exactly the text whose UTF-8 bytes the server verifies. */
  content: string;
  onClose: () => void;
  /** Sends the detached CMS (base64); a refusal is shown in the modal. */
  onSigned: (signature: string) => Promise<void>;
}

/**
 * Signs a text with the user's certificate key in this browser (the login page's file key source),
 * as a detached CMS with the server's time as signingTime. Loaded only when opened: it brings the
 * crypto code.
 */
export default function SignModal({ title, content, onClose, onSigned }: SignModalProps) {
  const { t } = useTranslation();
  const { now } = useServerClock();
  const [provider, setProvider] = useState<KeyProvider | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [signError, setSignError] = useState<string>();
  const onProvider = useCallback((p: KeyProvider | null) => {
    setProvider(p);
    setError(undefined);
    setSignError(undefined);
  }, []);

  const sign = async () => {
    if (!provider) return;
    setBusy(true);
    setError(undefined);
    setSignError(undefined);
    let signature: string;
    try {
      signature = await signDetached(provider, utf8(content), new Date(now()));
    } catch (err) {
      setSignError(err instanceof Error ? err.message : String(err));
      setBusy(false);
      return;
    }
    try {
      await onSigned(signature);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void sign()}
      okText={t('projects.signing.sign')}
      okButtonProps={{ disabled: !provider, ...{ 'data-testid': 'sign-submit' } }}
      confirmLoading={busy}
      width={640}
      data-testid="sign-modal"
    >
      <Typography.Paragraph type="secondary">{t('projects.signing.lead')}</Typography.Paragraph>
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label={t('projects.signing.content')}>
          <pre className="signed-content" data-testid="signed-content">
            {content}
          </pre>
        </Form.Item>
        <FileKeySource onChange={onProvider} />
      </Form>
      {signError && <Alert type="error" showIcon className="form-alert" title={t('projects.signing.failed', { reason: signError })} />}
      <ProblemAlert error={error} testId="sign-error" />
    </Modal>
  );
}
