import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError.tsx';
import type { LogKeyState } from './useLogKey.ts';

/** The one thing the checks trust: the log's public key, shown by its ID, replaceable by the user's own. */
export function LogKeyCard({ logKey }: { logKey: LogKeyState }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');

  const edit = () => {
    setDraft(logKey.pem ?? '');
    setEditing(true);
  };

  return (
    <Card
      className="workspace-card verify-key"
      title={
        <span>
          <SafetyCertificateOutlined /> {t('verify.key.title')}
        </span>
      }
      extra={
        logKey.custom ? (
          <Button
            onClick={() => {
              logKey.setCustom(undefined);
              setEditing(false);
            }}
          >
            {t('verify.key.reset')}
          </Button>
        ) : (
          !editing && (
            <Button onClick={edit} disabled={!logKey.pem}>
              {t('verify.key.edit')}
            </Button>
          )
        )
      }
      data-testid="log-key"
    >
      <p className="muted card-lead">{t('verify.key.lead')}</p>
      {logKey.error && !logKey.pem ? (
        <LoadError error={logKey.error} onRetry={() => void logKey.reload()} />
      ) : !logKey.pem ? (
        <Spin size="small" description={t('verify.key.loading')} />
      ) : (
        <Space orientation="vertical" size={8} className="full-width">
          <div className="key-row">
            <span className="muted">{t('verify.key.keyId')}</span>
            {logKey.keyId ? (
              <Typography.Text copyable code className="mono key-id" data-testid="log-key-id">
                {logKey.keyId}
              </Typography.Text>
            ) : (
              <Tag color="error">{t('verify.key.invalid')}</Tag>
            )}
            <Tag color={logKey.custom ? 'gold' : 'blue'}>
              {logKey.custom ? t('verify.key.custom') : t('verify.key.fromPlatform')}
            </Tag>
          </div>
          {logKey.invalid && (
            <Alert
              type="error"
              showIcon
              title={t('verify.key.invalid')}
              description={<span className="mono">{logKey.invalid}</span>}
            />
          )}
          {editing && (
            <div className="key-editor">
              <div className="muted small">{t('verify.key.pem')}</div>
              <Input.TextArea className="mono small" rows={5} value={draft} onChange={(e) => setDraft(e.target.value)} />
              <Space>
                <Button
                  type="primary"
                  onClick={() => {
                    logKey.setCustom(draft.trim());
                    setEditing(false);
                  }}
                >
                  {t('common.confirm')}
                </Button>
                <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
              </Space>
            </div>
          )}
        </Space>
      )}
    </Card>
  );
}
