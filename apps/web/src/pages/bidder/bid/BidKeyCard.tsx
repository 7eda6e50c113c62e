import { CheckCircleFilled, LockOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Descriptions, Form, Space, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../format.ts';
import { fileProblemOf, type FileProblem } from '../../../trust/keyProvider.ts';
import { loadBidSigner, type BidSigner } from './bidKey.ts';

/**
 * The bidder's certificate and its key file, read in this browser (as the certificate login reads
 * them): the key signs the manifest, a withdrawal or a confirmation, and never leaves the page.
 */
export function BidKeyCard({ signer, onSigner }: { signer: BidSigner | null; onSigner: (s: BidSigner | null) => void }) {
  const { t } = useTranslation();
  const [certFile, setCertFile] = useState<File>();
  const [keyFile, setKeyFile] = useState<File>();
  const [problem, setProblem] = useState<FileProblem>();

  useEffect(() => {
    if (!certFile || !keyFile) return;
    let live = true;
    setProblem(undefined);
    loadBidSigner(certFile, keyFile).then(
      (s) => live && onSigner(s),
      (err: unknown) => {
        if (!live) return;
        onSigner(null);
        setProblem(fileProblemOf(err) ?? 'MALFORMED');
      },
    );
    return () => {
      live = false;
    };
  }, [certFile, keyFile, onSigner]);

  return (
    <div data-testid="bid-key">
      <Form.Item
        label={t('bidding.key.files')}
        extra={t('bidding.key.hint')}
        validateStatus={problem ? 'error' : undefined}
        help={problem ? <span data-testid="bid-key-problem">{t(`login.cert.fileErrors.${problem}`)}</span> : undefined}
      >
        <Space wrap>
          <span data-testid="bid-cert-file">
            <Upload accept=".pem,.cer,.crt" maxCount={1} showUploadList={false} beforeUpload={(f) => (setCertFile(f), false)}>
              <Button icon={<SafetyCertificateOutlined />}>{certFile?.name ?? (signer ? t('bidding.key.loaded') : t('login.cert.chooseCertificate'))}</Button>
            </Upload>
          </span>
          <span data-testid="bid-key-file">
            <Upload accept=".pem,.key" maxCount={1} showUploadList={false} beforeUpload={(f) => (setKeyFile(f), false)}>
              <Button icon={<LockOutlined />}>{keyFile?.name ?? (signer ? t('bidding.key.loaded') : t('login.cert.chooseKey'))}</Button>
            </Upload>
          </span>
        </Space>
      </Form.Item>
      {signer && (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          className="cert-summary"
          data-testid="bid-key-ready"
          items={[
            {
              key: 'holder',
              label: t('login.cert.holder'),
              children: (
                <span>
                  <CheckCircleFilled className="ok-icon" /> {signer.summary.holder}
                </span>
              ),
            },
            { key: 'alg', label: t('login.cert.keyAlg'), children: signer.summary.keyAlg.toUpperCase() },
            { key: 'validity', label: t('login.cert.validity'), children: formatTime(signer.summary.notAfter).slice(0, 10) },
          ]}
        />
      )}
    </div>
  );
}
