import { CheckCircleFilled, LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Modal, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCryptoError, type PrivateKey } from '@bidhall/crypto/browser';
import { ApiError } from '../../api/client.ts';
import { hallApi, type HallRef, type HallView } from '../../api/opening.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { fileProblemOf, loadDecryptionKey, type FileProblem } from '../../trust/keyProvider.ts';
import { hallWords } from './sitting.ts';
import { unsealKeys, type UnsealProgress } from './unseal.ts';

type Phase = { step: 'kit' } | { step: 'part'; progress: UnsealProgress } | { step: 'posting' };
/** What went wrong: locally (nothing sent, nothing recorded) or at the server (recorded as 解密失败). */
type Failure = { kind: 'wrongKey' } | { kind: 'local'; reason: string } | { kind: 'recorded'; reason: string } | { kind: 'other'; error: unknown };

const percentOf = (phase: Phase) =>
  phase.step === 'kit' ? 0 : phase.step === 'posting' ? 100 : Math.round((phase.progress.done / Math.max(1, phase.progress.total)) * 100);

/**
 * 解密 in the browser: the bidder picks the private key file its bid was sealed with; the kit
 * gives each part's sealed header and the opening key; each content key is unwrapped here and sent
 * wrapped to the opening key. A key that is not the bid's is caught before anything is sent, so only
 * a real failure of the bid is recorded as 解密失败.
 */
export default function UnsealModal({ at, onClose, act }: { at: HallRef; onClose: () => void; act: (call: () => Promise<HallView>) => Promise<HallView> }) {
  const { t } = useTranslation();
  const w = hallWords(at.sitting);
  const { message } = App.useApp();
  const [keyFile, setKeyFile] = useState<File>();
  const [key, setKey] = useState<PrivateKey>();
  const [problem, setProblem] = useState<FileProblem>();
  const [phase, setPhase] = useState<Phase>();
  const [failure, setFailure] = useState<Failure>();

  const choose = (file: File) => {
    setKeyFile(file);
    setKey(undefined);
    setProblem(undefined);
    setFailure(undefined);
    loadDecryptionKey(file).then(setKey, (err: unknown) => setProblem(fileProblemOf(err) ?? 'MALFORMED'));
    return false;
  };

  const unseal = async () => {
    if (!key) return;
    setFailure(undefined);
    setPhase({ step: 'kit' });
    try {
      const kit = await hallApi.unsealKit(at);
      let body;
      try {
        body = await unsealKeys(kit, key, (progress) => setPhase({ step: 'part', progress }));
      } catch (err) {
        if (!isCryptoError(err)) throw err;
        setFailure(err.code === 'BAD_KEY' ? { kind: 'wrongKey' } : { kind: 'local', reason: err.reason });
        return;
      }
      setPhase({ step: 'posting' });
      await act(() => hallApi.unseal(at, body));
      message.success(t('hall.unseal.done'));
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'UNSEAL_FAILED') {
        const reason = typeof err.details.reason === 'string' ? err.details.reason : (err.detail ?? '');
        setFailure({ kind: 'recorded', reason });
      } else setFailure({ kind: 'other', error: err });
    } finally {
      setPhase(undefined);
    }
  };

  const busy = phase !== undefined;
  return (
    <Modal
      open
      title={t(`${w}.unseal.title`)}
      onCancel={busy ? undefined : onClose}
      closable={!busy}
      maskClosable={false}
      width={600}
      data-testid="hall-unseal-modal"
      footer={
        <Button type="primary" icon={<LockOutlined />} loading={busy} disabled={!key} onClick={() => void unseal()} data-testid="hall-unseal-submit">
          {t('hall.unseal.submit')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t(`${w}.unseal.lead`)}</Typography.Paragraph>
      <Form layout="vertical" requiredMark={false}>
        <Form.Item
          label={t('hall.unseal.keyFile')}
          validateStatus={problem ? 'error' : undefined}
          help={problem ? <span data-testid="hall-key-problem">{t(`login.cert.fileErrors.${problem}`)}</span> : undefined}
        >
          <span data-testid="hall-key-file">
            <Upload accept=".pem,.key" maxCount={1} showUploadList={false} beforeUpload={choose} disabled={busy}>
              <Button icon={key ? <CheckCircleFilled className="ok-icon" /> : <LockOutlined />} data-testid="hall-key-button" data-ready={String(!!key)}>
                {keyFile?.name ?? t('hall.unseal.chooseKey')}
              </Button>
            </Upload>
          </span>
        </Form.Item>
      </Form>
      {phase && (
        <div className="hall-unseal-progress" data-testid="hall-unseal-progress" data-step={phase.step}>
          <div className="small">
            {phase.step === 'kit' ? t(`${w}.unseal.kit`) : phase.step === 'posting' ? t('hall.unseal.posting') : t('hall.unseal.part', { name: phase.progress.current })}
          </div>
          <Progress percent={percentOf(phase)} status="active" />
        </div>
      )}
      {failure?.kind === 'wrongKey' && <Alert type="warning" showIcon className="form-alert" title={t(`${w}.unseal.wrongKey`)} data-testid="hall-unseal-error" data-kind="wrongKey" />}
      {failure?.kind === 'local' && (
        <Alert type="warning" showIcon className="form-alert" title={t(`${w}.unseal.localFailed`, { reason: failure.reason })} data-testid="hall-unseal-error" data-kind="local" />
      )}
      {failure?.kind === 'recorded' && (
        <Alert
          type="error"
          showIcon
          className="form-alert"
          title={t('hall.unseal.failed')}
          description={t('hall.unseal.failedNote', { reason: failure.reason })}
          data-testid="hall-unseal-error"
          data-kind="recorded"
        />
      )}
      {failure?.kind === 'other' && <ProblemAlert error={failure.error} testId="hall-unseal-error" />}
    </Modal>
  );
}
