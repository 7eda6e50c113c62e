import { CrownOutlined } from '@ant-design/icons';
import type { EvaluationView } from '@bidhall/contracts';
import { App, Button, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluationApi } from '../../../api/evaluation.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { roomWords } from '../sitting.ts';

/** Staff name the chair among the expert members; until the summary it can change. */
export function ChairPicker({ view, onChanged }: { view: EvaluationView; onChanged: (v: EvaluationView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const current = view.members.find((m) => m.chair)?.id;
  const [memberId, setMemberId] = useState<string | undefined>(current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const experts = view.members.filter((m) => m.role === 'expert');
  const w = roomWords(view.sitting);

  const save = async () => {
    if (!memberId) return;
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await evaluationApi.setChair(view.sectionId, memberId, view.sitting));
      message.success(t(`${w}.chair.done`));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="room-subform" data-testid="evaluation-chair-form">
      <Space wrap>
        <span>{t(`${w}.chair.label`)}</span>
        <Select
          style={{ minWidth: 220 }}
          value={memberId}
          onChange={setMemberId}
          placeholder={t('evaluation.chair.placeholder')}
          options={experts.map((m) => ({ value: m.id, label: `${t('evaluation.members.seatNo', { seat: m.seat })} ${m.name ?? ''}` }))}
          data-testid="evaluation-chair-select"
        />
        <Button icon={<CrownOutlined />} loading={busy} disabled={!memberId || memberId === current} onClick={() => void save()} data-testid="evaluation-chair-save">
          {t('evaluation.chair.submit')}
        </Button>
      </Space>
      <ProblemAlert error={error} />
    </div>
  );
}
