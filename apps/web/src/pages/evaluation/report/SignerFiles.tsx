import { CheckCircleFilled, EditOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Form, Upload } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { BidSigner } from '../../bidder/bid/bidKey.ts';
import { useSignerFiles } from '../../bidder/bid/useSignerFiles.ts';

/**
 * The certificate file and its PKCS#8 key file, read in this browser (as the opening record's signing
 * reads them): the key never leaves the page; `onSigner` gets the signer once both match.
 */
export function SignerFiles({ disabled, onSigner, testId }: { disabled: boolean; onSigner: (s: BidSigner | undefined) => void; testId: string }) {
  const { t } = useTranslation();
  const { certFile, keyFile, signer, problem, pickCert, pickKey } = useSignerFiles();
  const ready = !!signer;
  useEffect(() => onSigner(signer), [signer, onSigner]);

  return (
    <Form layout="vertical" requiredMark={false}>
      <Form.Item label={t('hall.record.certFile')}>
        <span data-testid={`${testId}-cert-file`}>
          <Upload accept=".pem,.crt,.cer" maxCount={1} showUploadList={false} beforeUpload={pickCert} disabled={disabled}>
            <Button icon={<SafetyCertificateOutlined />}>{certFile?.name ?? t('hall.record.chooseCert')}</Button>
          </Upload>
        </span>
      </Form.Item>
      <Form.Item
        label={t('hall.record.keyFile')}
        validateStatus={problem ? 'error' : undefined}
        help={problem ? <span data-testid={`${testId}-key-problem`}>{t(`login.cert.fileErrors.${problem}`)}</span> : undefined}
      >
        <span data-testid={`${testId}-key-file`}>
          <Upload accept=".pem,.key" maxCount={1} showUploadList={false} beforeUpload={pickKey} disabled={disabled}>
            <Button icon={ready ? <CheckCircleFilled className="ok-icon" /> : <EditOutlined />} data-ready={String(ready)}>
              {keyFile?.name ?? t('hall.record.chooseKey')}
            </Button>
          </Upload>
        </span>
      </Form.Item>
    </Form>
  );
}
