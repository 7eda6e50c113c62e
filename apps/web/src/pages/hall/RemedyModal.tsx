import { CheckCircleFilled, KeyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Modal, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCryptoError, type PrivateKey } from '@bidhall/crypto/browser';
import { hallApi, type HallRef, type HallView } from '../../api/opening.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { fileProblemOf, loadDecryptionKey, type FileProblem } from '../../trust/keyProvider.ts';
import { releaseShares, type ShareProgress } from './remedy.ts';
import { hallWords } from './sitting.ts';

type Phase = { step: 'kit' } | { step: 'part'; progress: ShareProgress } | { step: 'posting' };

const percentOf = (phase: Phase) =>
  phase.step === 'kit' ? 0 : phase.step === 'posting' ? 100 : Math.round((phase.progress.done / Math.max(1, phase.progress.total)) * 100);

/**
 * An opening custodian releases its shares (E-bidding Measures art. 31): it picks its custodian key
 * file; each part's share is opened here and sent wrapped to the platform's opening key. A key that is
 * not one of the section's custodians' is caught before anything is sent.
 */
export default function RemedyModal({ at, onClose, act }: { at: HallRef; onClose: () => void; act: (call: () => Promise<HallView>) => Promise<HallView> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [keyFile, setKeyFile] = useState<File>();
  const [key, setKey] = useState<PrivateKey>();
  const [problem, setProblem] = useState<FileProblem>();
  const [phase, setPhase] = useState<Phase>();
  const [failure, setFailure] = useState<{ kind: 'notCustodian' } | { kind: 'other'; error: unknown }>();

  const choose = (file: File) => {
    setKeyFile(file);
    setKey(undefined);
    setProblem(undefined);
    setFailure(undefined);
    loadDecryptionKey(file).then(setKey, (err: unknown) => setProblem(fileProblemOf(err) ?? 'MALFORMED'));
    return false;
  };

  const release = async () => {
    if (!key) return;
    setFailure(undefined);
    setPhase({ step: 'kit' });
    try {
      const kit = await hallApi.remedyKit(at);
      let body;
      try {
        body = await releaseShares(kit, key, (progress) => setPhase({ step: 'part', progress }));
      } catch (err) {
        if (isCryptoError(err) && err.code === 'WRONG_CUSTODIAN') return setFailure({ kind: 'notCustodian' });
        throw err;
      }
      if (body.shares.length === 0) {
        // Released from another window or device meanwhile: nothing left to send.
        message.info(t('hall.remedy.released'));
        return onClose();
      }
      setPhase({ step: 'posting' });
      await act(() => hallApi.releaseShares(at, body));
      message.success(t('hall.remedy.done'));
      onClose();
    } catch (err) {
      setFailure({ kind: 'other', error: err });
    } finally {
      setPhase(undefined);
    }
  };

  const busy = phase !== undefined;
  return (
    <Modal
      open
      title={t('hall.remedy.modalTitle')}
      onCancel={busy ? undefined : onClose}
      closable={!busy}
      maskClosable={false}
      width={600}
      data-testid="hall-remedy-modal"
      footer={
        <Button type="primary" icon={<KeyOutlined />} loading={busy} disabled={!key} onClick={() => void release()} data-testid="hall-remedy-submit">
          {t('hall.remedy.submit')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('hall.remedy.modalLead')}</Typography.Paragraph>
      <Form layout="vertical" requiredMark={false}>
        <Form.Item
          label={t('hall.remedy.keyFile')}
          validateStatus={problem ? 'error' : undefined}
          help={problem ? <span data-testid="hall-remedy-key-problem">{t(`login.cert.fileErrors.${problem}`)}</span> : undefined}
        >
          <span data-testid="hall-remedy-key-file">
            <Upload accept=".pem,.key" maxCount={1} showUploadList={false} beforeUpload={choose} disabled={busy}>
              <Button icon={key ? <CheckCircleFilled className="ok-icon" /> : <KeyOutlined />} data-testid="hall-remedy-key-button" data-ready={String(!!key)}>
                {keyFile?.name ?? t('hall.remedy.chooseKey')}
              </Button>
            </Upload>
          </span>
        </Form.Item>
      </Form>
      {phase && (
        <div className="hall-unseal-progress" data-testid="hall-remedy-progress" data-step={phase.step}>
          <div className="small">
            {phase.step === 'kit' ? t(`${hallWords(at.sitting)}.remedy.kit`) : phase.step === 'posting' ? t('hall.remedy.posting') : t('hall.remedy.part', { name: phase.progress.current })}
          </div>
          <Progress percent={percentOf(phase)} status="active" />
        </div>
      )}
      {failure?.kind === 'notCustodian' && <Alert type="warning" showIcon className="form-alert" title={t('hall.remedy.notCustodian')} data-testid="hall-remedy-error" data-kind="notCustodian" />}
      {failure?.kind === 'other' && <ProblemAlert error={failure.error} testId="hall-remedy-error" />}
    </Modal>
  );
}
