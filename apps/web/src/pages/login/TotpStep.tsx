import { Alert, Button, Form, Input, QRCode, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { problemMessage } from '../../api/problem.ts';
import type { SessionUser } from '../../api/types.ts';

interface Props {
  /** Present when the account has no authenticator yet: show the secret to add first. */
  enrolment?: { secret: string; otpauthUri: string };
  onDone: (user: SessionUser) => void;
  onRestart: () => void;
}

/** The second factor: a six-digit code from an authenticator app, after enrolling it if needed. */
export function TotpStep({ enrolment, onDone, onRestart }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async () => {
    if (!/^\d{6}$/.test(code)) {
      setError(t('login.totpSixDigits'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onDone(await authApi.totp(code));
    } catch (err) {
      setError(problemMessage(t, err));
      // A stale half-open login cannot take a code any more: start over.
      if (err instanceof ApiError && err.code === 'LOGIN_STAGE_INVALID') onRestart();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form layout="vertical" size="large" onFinish={submit} data-testid="totp-step">
      {enrolment ? (
        <div className="enrol" data-testid="totp-enrol">
          <Alert type="info" showIcon title={t('login.enrolTitle')} description={t('login.enrolLead')} className="form-alert" />
          <div className="enrol-body">
            <QRCode value={enrolment.otpauthUri} size={148} bordered />
            <Space orientation="vertical" size={4} className="enrol-secret">
              <span className="muted">{t('login.enrolSecret')}</span>
              <Typography.Text copyable code className="mono" data-testid="totp-secret">
                {enrolment.secret}
              </Typography.Text>
              <span className="muted">{t('login.enrolUri')}</span>
              <Typography.Paragraph
                copyable={{ text: enrolment.otpauthUri }}
                ellipsis={{ rows: 2 }}
                className="mono small enrol-uri"
              >
                {enrolment.otpauthUri}
              </Typography.Paragraph>
            </Space>
          </div>
        </div>
      ) : (
        <p className="muted">{t('login.totpLead')}</p>
      )}
      {error && <Alert type="error" showIcon title={error} className="form-alert" data-testid="totp-error" />}
      <Form.Item label={t('login.totpCode')}>
        <Input.OTP length={6} value={code} onChange={setCode} autoFocus data-testid="totp-code" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-submit">
          {enrolment ? t('login.enrolConfirm') : t('login.verify')}
        </Button>
        <Button type="link" onClick={onRestart}>
          {t('login.back')}
        </Button>
      </Space>
    </Form>
  );
}
