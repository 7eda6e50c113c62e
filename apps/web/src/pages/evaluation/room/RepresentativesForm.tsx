import { TeamOutlined } from '@ant-design/icons';
import type { EvaluationView } from '@bidhall/contracts';
import { App, Button, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluationApi } from '../../../api/evaluation.ts';
import { useSession } from '../../../auth/SessionContext.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The tenderer names its representatives: users of its own entity, as many as the plan says —
 * the user at the keyboard, or colleagues by their account ID. Fixed once one has signed in.
 */
export function RepresentativesForm({ view, onChanged }: { view: EvaluationView; onChanged: (v: EvaluationView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const named = view.members.filter((m) => m.role === 'representative');
  const [ids, setIds] = useState<string[]>(() => (user ? [user.id] : []));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const fixed = named.some((m) => m.signedIn);
  const needed = view.representativesNeeded ?? 0;
  const valid = ids.length === needed && ids.every((id) => UUID.test(id));

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await evaluationApi.setRepresentatives(view.sectionId, ids, view.sitting));
      message.success(t('evaluation.representatives.done'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (fixed) return <div className="muted room-subform">{t('evaluation.representatives.fixed')}</div>;
  return (
    <div className="room-subform" data-testid="evaluation-representatives-form">
      <Space wrap>
        <span>{t('evaluation.representatives.label', { count: needed })}</span>
        <Select
          mode="tags"
          style={{ minWidth: 360 }}
          value={ids}
          onChange={setIds}
          tokenSeparators={[',', ' ']}
          options={user ? [{ value: user.id, label: t('evaluation.representatives.me', { name: user.displayName }) }] : []}
          placeholder={t('evaluation.representatives.placeholder')}
          data-testid="evaluation-representatives-select"
        />
        <Button icon={<TeamOutlined />} loading={busy} disabled={!valid} onClick={() => void save()} data-testid="evaluation-representatives-save">
          {t('evaluation.representatives.submit')}
        </Button>
      </Space>
      <ProblemAlert error={error} />
    </div>
  );
}
