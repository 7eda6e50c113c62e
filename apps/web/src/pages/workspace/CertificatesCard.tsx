import type { TFunction } from 'i18next';
import { DisconnectOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Popconfirm, Skeleton, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { certificatesApi } from '../../api/certificates.ts';
import { ApiError } from '../../api/client.ts';
import { problemMessage } from '../../api/problem.ts';
import type { BoundCertificateView } from '../../api/types.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { CertificateStatusTag } from '../../components/StatusTags.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { CertificateFileError, readCertificateFile } from '../../trust/certificateFile.ts';

const day = (iso: string) => formatTime(iso).slice(0, 10);

/** The localised refusal of a bind: a name mismatch says which names differ. */
function refusalMessage(t: TFunction, err: unknown): string {
  if (err instanceof CertificateFileError) return t(`login.cert.fileErrors.${err.code}`);
  if (err instanceof ApiError && err.code === 'CERTIFICATE_NAME_MISMATCH') {
    const { subject, registeredName } = err.details;
    if (typeof subject === 'string' && typeof registeredName === 'string') {
      return t('certificates.nameMismatch', { subject, name: registeredName });
    }
  }
  return problemMessage(t, err);
}

/**
 * The entity's digital certificates: bind one from a file (it then logs in as this
 * account), see each one's validity, unbind. Only an active entity has this card.
 */
export function CertificatesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const certificates = useLoader(() => certificatesApi.mine(), []);
  const [binding, setBinding] = useState(false);
  const [refusal, setRefusal] = useState<unknown>();
  const [showUnbound, setShowUnbound] = useState(false);

  const bind = async (file: File) => {
    setBinding(true);
    setRefusal(undefined);
    try {
      const { text } = await readCertificateFile(file);
      await certificatesApi.bind(text);
      message.success(t('certificates.bound'));
      await certificates.reload();
    } catch (err) {
      setRefusal(err);
    } finally {
      setBinding(false);
    }
  };

  const unbind = async (c: BoundCertificateView) => {
    try {
      await certificatesApi.unbind(c.id);
      message.success(t('certificates.unbound'));
      await certificates.reload();
    } catch (err) {
      message.error(problemMessage(t, err));
    }
  };

  const all = certificates.data ?? [];
  const bound = all.filter((c) => c.status !== 'unbound');
  const unbound = all.filter((c) => c.status === 'unbound');
  const shown = showUnbound ? [...bound, ...unbound] : bound;

  const bindButton = (
    <div data-testid="certificate-upload">
      <Upload
        accept=".pem,.cer,.crt,.der"
        showUploadList={false}
        maxCount={1}
        beforeUpload={(file) => {
          void bind(file);
          return false;
        }}
      >
        <Button type="primary" icon={<UploadOutlined />} loading={binding}>
          {t('certificates.bind')}
        </Button>
      </Upload>
    </div>
  );

  return (
    <Card className="workspace-card" title={t('certificates.title')} extra={bindButton} data-testid="certificates-card">
      <p className="muted card-lead">{t('certificates.lead')}</p>
      {refusal !== undefined && (
        <ProblemAlert
          error={refusal}
          title={t('certificates.refused')}
          message={refusalMessage(t, refusal)}
          testId="certificate-refusal"
        />
      )}
      {certificates.error && !certificates.data ? (
        <LoadError error={certificates.error} onRetry={() => void certificates.reload()} />
      ) : !certificates.data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('certificates.empty')} />
      ) : (
        <ul className="cert-list">
          {shown.map((c) => (
            <li
              key={c.id}
              className={c.status === 'unbound' ? 'cert-unbound' : undefined}
              data-testid="certificate-item"
              data-status={c.status}
            >
              <div className="cert-head">
                <span className="cert-subject">{c.subjectName}</span>
                <CertificateStatusTag certificate={c} />
                {c.keyAlg && <Tag variant="outlined">{c.keyAlg.toUpperCase()}</Tag>}
                {c.status !== 'unbound' && (
                  <Popconfirm
                    title={t('certificates.unbind')}
                    description={<div className="confirm-text">{t('certificates.unbindConfirm')}</div>}
                    onConfirm={() => unbind(c)}
                    okText={t('certificates.unbind')}
                    okButtonProps={{ danger: true }}
                  >
                    <Button
                      type="link"
                      danger
                      icon={<DisconnectOutlined />}
                      className="cert-unbind"
                      data-testid="certificate-unbind"
                    >
                      {t('certificates.unbind')}
                    </Button>
                  </Popconfirm>
                )}
              </div>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'issuer', label: t('certificates.issuer'), children: c.issuer, span: 'filled' as const },
                  {
                    key: 'validity',
                    label: t('certificates.validity'),
                    children: t('certificates.validityRange', { from: day(c.notBefore), to: day(c.notAfter) }),
                  },
                  c.unboundAt
                    ? { key: 'unbound', label: t('certificates.unboundAt'), children: formatTime(c.unboundAt) }
                    : { key: 'bound', label: t('certificates.boundAt'), children: formatTime(c.boundAt) },
                  {
                    key: 'serial',
                    label: t('certificates.serial'),
                    children: <span className="mono small break">{c.serialNumber}</span>,
                    span: 'filled' as const,
                  },
                  {
                    key: 'fingerprint',
                    label: t('certificates.fingerprint'),
                    children: <span className="mono small break">{c.fingerprintSha256}</span>,
                    span: 'filled' as const,
                  },
                ]}
              />
            </li>
          ))}
        </ul>
      )}
      {unbound.length > 0 && (
        <Button type="link" className="cert-toggle" onClick={() => setShowUnbound((v) => !v)}>
          {showUnbound ? t('certificates.hideUnbound') : t('certificates.showUnbound', { count: unbound.length })}
        </Button>
      )}
    </Card>
  );
}
