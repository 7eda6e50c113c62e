import { LockOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { KeyProvider } from '@bidhall/contracts';
import { Button, Descriptions, Form, Tag, Tooltip, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../format.ts';
import { useServerClock } from '../../hooks/useServerClock.tsx';
import {
  fileKeyProvider,
  fileProblemOf,
  loadCertificateFile,
  type CertificateSummary,
  type FileProblem,
} from '../../trust/keyProvider.ts';

interface Problem {
  field: 'certificate' | 'key';
  code: FileProblem;
}

/**
 * The certificate-file key source: a certificate (.pem/.cer/.crt, PEM or DER) and its PKCS#8 key,
 * read and checked against each other in the browser. Yields a KeyProvider once both fit, else null.
 */
export function FileKeySource({ onChange }: { onChange: (provider: KeyProvider | null) => void }) {
  const { t } = useTranslation();
  const { now } = useServerClock();
  const [certFile, setCertFile] = useState<File>();
  const [keyFile, setKeyFile] = useState<File>();
  const [summary, setSummary] = useState<CertificateSummary>();
  const [problem, setProblem] = useState<Problem>();

  useEffect(() => {
    let live = true;
    onChange(null);
    setProblem(undefined);
    setSummary(undefined);
    void (async () => {
      if (!certFile) return;
      try {
        const loaded = await loadCertificateFile(certFile);
        if (live) setSummary(loaded.summary);
      } catch (err) {
        if (live) setProblem({ field: 'certificate', code: fileProblemOf(err) ?? 'MALFORMED' });
        return;
      }
      if (!keyFile) return;
      try {
        const provider = await fileKeyProvider(certFile, keyFile);
        if (live) onChange(provider);
      } catch (err) {
        if (live) setProblem({ field: 'key', code: fileProblemOf(err) ?? 'MALFORMED' });
      }
    })();
    return () => {
      live = false;
    };
  }, [certFile, keyFile, onChange]);

  const status = (field: Problem['field']) => (problem?.field === field ? ('error' as const) : undefined);
  const help = (field: Problem['field']) =>
    problem?.field === field ? (
      <span data-testid={`${field}-file-problem`}>{t(`login.cert.fileErrors.${problem.code}`)}</span>
    ) : undefined;
  const expired = summary && Date.parse(summary.notAfter) < now();

  return (
    <>
      <Form.Item
        label={t('login.cert.certificate')}
        extra={t('login.cert.certificateHint')}
        validateStatus={status('certificate')}
        help={help('certificate')}
      >
        <div data-testid="cert-file">
          <Upload
            accept=".pem,.cer,.crt,.der"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              setCertFile(file);
              return false;
            }}
          >
            <Button icon={<SafetyCertificateOutlined />} className="file-button">
              {certFile?.name ?? t('login.cert.chooseCertificate')}
            </Button>
          </Upload>
        </div>
      </Form.Item>
      {summary && (
        <Descriptions
          size="small"
          column={1}
          className="cert-summary"
          data-testid="cert-summary"
          items={[
            { key: 'holder', label: t('login.cert.holder'), children: summary.holder },
            {
              key: 'issuer',
              label: t('login.cert.issuer'),
              children: (
                <Tooltip title={summary.issuer}>
                  <span>{summary.issuerName}</span>
                </Tooltip>
              ),
            },
            {
              key: 'validity',
              label: t('login.cert.validity'),
              children: (
                <>
                  {t('login.cert.validityRange', {
                    from: formatTime(summary.notBefore).slice(0, 10),
                    to: formatTime(summary.notAfter).slice(0, 10),
                  })}
                  {expired && (
                    <Tag color="error" className="inline-tag">
                      {t('certificates.status.expired')}
                    </Tag>
                  )}
                </>
              ),
            },
            { key: 'alg', label: t('login.cert.keyAlg'), children: summary.keyAlg.toUpperCase() },
          ]}
        />
      )}
      <Form.Item
        label={t('login.cert.privateKey')}
        extra={t('login.cert.privateKeyHint')}
        validateStatus={status('key')}
        help={help('key')}
      >
        <div data-testid="key-file">
          <Upload
            accept=".pem,.key"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              setKeyFile(file);
              return false;
            }}
          >
            <Button icon={<LockOutlined />} className="file-button">
              {keyFile?.name ?? t('login.cert.chooseKey')}
            </Button>
          </Upload>
        </div>
      </Form.Item>
    </>
  );
}
