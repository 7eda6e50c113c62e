import { CheckCircleFilled, LoginOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { evaluationSignInPayload, type EvaluationView } from '@bidhall/contracts';
import { Alert, Button, Card, Checkbox, Form, List, Space, Upload } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { evaluationApi } from '../../../api/evaluation.ts';
import { venuesApi } from '../../../api/evaluationVenues.ts';
import { useSession } from '../../../auth/SessionContext.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';
import { useSignerFiles } from '../../bidder/bid/useSignerFiles.ts';
import { roomWords } from '../sitting.ts';
import { useWorkstationSignIn } from '../venues/useWorkstationSignIn.ts';

/**
 * A member signs in: confirms who they are and that they have no conflict with any of
 * the bidders listed, and signs the server's fresh nonce with their own certificate and key file (read
 * in this browser; only the signature leaves it) — and, at a registered workstation, with its key too.
 * The server refuses outside the window; its refusal names the window.
 */
export function SignInCard({ view, onSignedIn }: { view: EvaluationView; onSignedIn: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const workstation = useWorkstationSignIn();
  const [identity, setIdentity] = useState(false);
  const [noConflict, setNoConflict] = useState(false);
  const { certFile, keyFile, signer, problem, pickCert, pickKey } = useSignerFiles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const bidders = [...new Set(view.bids.map((b) => b.entityName))];
  const { sectionId, sitting } = view;
  const w = roomWords(sitting);


  const signIn = async () => {
    if (!signer) return;
    setBusy(true);
    setError(undefined);
    try {
      const { nonce } = await venuesApi.challenge(sectionId, sitting);
      const device = await workstation.sign(sectionId, nonce);
      const certificate = { certificatePem: signer.certificatePem, nonce, signature: signer.sign(evaluationSignInPayload(sectionId, nonce)) };
      await evaluationApi.signIn(sectionId, { confirmIdentity: true, noConflict: true, certificate, ...(device ? { device } : {}) }, sitting);
      onSignedIn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<Space><SafetyCertificateOutlined />{t(`${w}.signIn.title`)}</Space>} data-testid="evaluation-sign-in">
      {view.window && !view.window.openNow && (
        <Alert type="warning" showIcon className="form-alert" title={t(`${w}.signIn.outside`, { start: formatTime(view.window.startsAt), end: formatTime(view.window.endsAt) })} />
      )}
      <p>{t(`${w}.signIn.lead`)}</p>
      <List size="small" bordered className="room-bidders" dataSource={bidders} renderItem={(name) => <List.Item data-testid="sign-in-bidder">{name}</List.Item>} />
      <Form layout="inline" requiredMark={false} className="room-confirm">
        <Form.Item label={t('evaluation.signIn.certFile')}>
          <span data-testid="sign-in-cert-file">
            <Upload accept=".pem,.crt,.cer" maxCount={1} showUploadList={false} beforeUpload={pickCert} disabled={busy}>
              <Button icon={<SafetyCertificateOutlined />}>{certFile?.name ?? t('evaluation.signIn.chooseCert')}</Button>
            </Upload>
          </span>
        </Form.Item>
        <Form.Item label={t('evaluation.signIn.keyFile')} validateStatus={problem ? 'error' : undefined} help={problem ? t(`login.cert.fileErrors.${problem}`) : undefined}>
          <span data-testid="sign-in-key-file">
            <Upload accept=".pem,.key" maxCount={1} showUploadList={false} beforeUpload={pickKey} disabled={busy}>
              <Button icon={signer ? <CheckCircleFilled className="ok-icon" /> : <LoginOutlined />} data-testid="sign-in-key-button" data-ready={String(!!signer)}>
                {keyFile?.name ?? t('evaluation.signIn.chooseKey')}
              </Button>
            </Upload>
          </span>
        </Form.Item>
        {workstation.workstation && <span className="muted small">{t('evaluation.signIn.workstation', { label: workstation.workstation.label })}</span>}
      </Form>
      <Space direction="vertical" className="room-confirm">
        <Checkbox checked={identity} onChange={(e) => setIdentity(e.target.checked)} data-testid="sign-in-identity">
          {t(`${w}.signIn.identity`, { name: user?.displayName ?? '' })}
        </Checkbox>
        <Checkbox checked={noConflict} onChange={(e) => setNoConflict(e.target.checked)} data-testid="sign-in-no-conflict">
          {t(`${w}.signIn.noConflict`)}
        </Checkbox>
        <Button type="primary" icon={<LoginOutlined />} disabled={!identity || !noConflict || !signer || workstation.loading} loading={busy} onClick={() => void signIn()} data-testid="sign-in-submit">
          {t('evaluation.signIn.submit')}
        </Button>
      </Space>
      <ProblemAlert error={error} message={closedMessage(error, t, w)} testId="sign-in-error" />
    </Card>
  );
}

/** The window the server names when it refuses a sign-in outside it, in Beijing time. */
function closedMessage(error: unknown, t: TFunction, w: ReturnType<typeof roomWords>): string | undefined {
  if (!(error instanceof ApiError) || error.code !== 'EVALUATION_WINDOW_CLOSED') return undefined;
  const { startsAt, endsAt } = error.details as { startsAt?: string; endsAt?: string };
  return t(`${w}.signIn.closed`, { start: formatTime(startsAt), end: formatTime(endsAt) });
}
