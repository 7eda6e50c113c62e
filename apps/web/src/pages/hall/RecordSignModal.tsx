import { CheckCircleFilled, EditOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Form, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hallApi, type HallRef } from '../../api/opening.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSignerFiles } from '../bidder/bid/useSignerFiles.ts';
import { hallWords } from './sitting.ts';

/**
 * A bidder confirms the opening record (A-114): its bound certificate and key file, read in this
 * browser, sign {action: 'signOpeningRecord', sectionId, round, recordSm3} — the SM3 of the record as
 * drawn up, template included — and only the signature goes to the platform. An applicant signs the
 * record of the applications' opening the same way (the record's SM3 says which it is).
 */
export default function RecordSignModal({ at, round, recordSm3, onClose, onSigned }: { at: HallRef; round: number; recordSm3: string; onClose: () => void; onSigned: () => void }) {
  const { t } = useTranslation();
  const { sectionId } = at;
  const w = hallWords(at.sitting);
  const { message } = App.useApp();
  const { certFile, keyFile, signer, problem, pickCert, pickKey } = useSignerFiles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();


  const sign = async () => {
    if (!signer) return;
    setBusy(true);
    setError(undefined);
    try {
      const signature = signer.sign({ action: 'signOpeningRecord', sectionId, round, recordSm3 });
      await hallApi.signRecord(at, { certificatePem: signer.certificatePem, signature });
      message.success(t(`${w}.record.signDone`));
      onSigned();
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(`${w}.record.signTitle`)}
      onCancel={busy ? undefined : onClose}
      maskClosable={false}
      width={600}
      data-testid="hall-record-sign-modal"
      footer={
        <Button type="primary" icon={<EditOutlined />} loading={busy} disabled={!signer} onClick={() => void sign()} data-testid="hall-record-sign-submit">
          {t('hall.record.signSubmit')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('hall.record.signLead')}</Typography.Paragraph>
      <Typography.Paragraph className="mono small">
        {t('hall.record.sm3')}: {recordSm3}
      </Typography.Paragraph>
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label={t('hall.record.certFile')}>
          <span data-testid="hall-record-cert-file">
            <Upload accept=".pem,.crt,.cer" maxCount={1} showUploadList={false} beforeUpload={pickCert} disabled={busy}>
              <Button icon={<SafetyCertificateOutlined />}>{certFile?.name ?? t('hall.record.chooseCert')}</Button>
            </Upload>
          </span>
        </Form.Item>
        <Form.Item
          label={t('hall.record.keyFile')}
          validateStatus={problem ? 'error' : undefined}
          help={problem ? <span data-testid="hall-record-key-problem">{t(`login.cert.fileErrors.${problem}`)}</span> : undefined}
        >
          <span data-testid="hall-record-key-file">
            <Upload accept=".pem,.key" maxCount={1} showUploadList={false} beforeUpload={pickKey} disabled={busy}>
              <Button icon={signer ? <CheckCircleFilled className="ok-icon" /> : <EditOutlined />} data-testid="hall-record-key-button" data-ready={String(!!signer)}>
                {keyFile?.name ?? t('hall.record.chooseKey')}
              </Button>
            </Upload>
          </span>
        </Form.Item>
      </Form>
      {error !== undefined && <ProblemAlert error={error} testId="hall-record-sign-error" />}
    </Modal>
  );
}
