import { LoginOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { EvaluationView } from '@bidhall/contracts';
import type { TFunction } from 'i18next';
import { Alert, Button, Card, Checkbox, List, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { evaluationApi } from '../../../api/evaluation.ts';
import { useSession } from '../../../auth/SessionContext.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';

/**
 * A member signs in: confirms who they are and that they have no conflict with any of the
 * bidders listed. The server refuses outside the window; its refusal says the window.
 */
export function SignInCard({ view, onSignedIn }: { view: EvaluationView; onSignedIn: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [identity, setIdentity] = useState(false);
  const [noConflict, setNoConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const bidders = [...new Set(view.bids.map((b) => b.entityName))];

  const signIn = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await evaluationApi.signIn(view.sectionId);
      onSignedIn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<Space><SafetyCertificateOutlined />{t('evaluation.signIn.title')}</Space>} data-testid="evaluation-sign-in">
      {view.window && !view.window.openNow && (
        <Alert type="warning" showIcon className="form-alert" title={t('evaluation.signIn.outside', { start: formatTime(view.window.startsAt), end: formatTime(view.window.endsAt) })} />
      )}
      <p>{t('evaluation.signIn.lead')}</p>
      <List size="small" bordered className="room-bidders" dataSource={bidders} renderItem={(name) => <List.Item data-testid="sign-in-bidder">{name}</List.Item>} />
      <Space direction="vertical" className="room-confirm">
        <Checkbox checked={identity} onChange={(e) => setIdentity(e.target.checked)} data-testid="sign-in-identity">
          {t('evaluation.signIn.identity', { name: user?.displayName ?? '' })}
        </Checkbox>
        <Checkbox checked={noConflict} onChange={(e) => setNoConflict(e.target.checked)} data-testid="sign-in-no-conflict">
          {t('evaluation.signIn.noConflict')}
        </Checkbox>
        <Button type="primary" icon={<LoginOutlined />} disabled={!identity || !noConflict} loading={busy} onClick={() => void signIn()} data-testid="sign-in-submit">
          {t('evaluation.signIn.submit')}
        </Button>
      </Space>
      <ProblemAlert error={error} message={closedMessage(error, t)} testId="sign-in-error" />
    </Card>
  );
}

/** The window the server names when it refuses a sign-in outside it, in Beijing time. */
function closedMessage(error: unknown, t: TFunction): string | undefined {
  if (!(error instanceof ApiError) || error.code !== 'EVALUATION_WINDOW_CLOSED') return undefined;
  const { startsAt, endsAt } = error.details as { startsAt?: string; endsAt?: string };
  return t('evaluation.signIn.closed', { start: formatTime(startsAt), end: formatTime(endsAt) });
}
