import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { problemMessage } from '../../api/problem.ts';
import type { LoginResponse } from '../../api/types.ts';
import { formatTime } from '../../format.ts';

interface Values {
  username: string;
  password: string;
}

export function PasswordStep({ initialUsername, onDone }: { initialUsername: string; onDone: (r: LoginResponse) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      onDone(await authApi.login(values.username.trim().toLowerCase(), values.password));
    } catch (err) {
      const lockedUntil = err instanceof ApiError && err.code === 'ACCOUNT_LOCKED' ? err.details.lockedUntil : undefined;
      setError(
        typeof lockedUntil === 'string' ? t('login.lockedUntil', { time: formatTime(lockedUntil) }) : problemMessage(t, err),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      layout="vertical"
      size="large"
      onFinish={submit}
      initialValues={{ username: initialUsername }}
      requiredMark={false}
    >
      {error && <Alert type="error" showIcon title={error} className="form-alert" data-testid="login-error" />}
      <Form.Item label={t('login.username')} name="username" rules={[{ required: true, message: t('validation.required') }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
      </Form.Item>
      <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('validation.required') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
        {t('login.submit')}
      </Button>
    </Form>
  );
}
