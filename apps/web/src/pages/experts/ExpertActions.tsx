import { DownOutlined } from '@ant-design/icons';
import { EXPERT_DECISIONS, EXPERT_TRANSITIONS, type ExpertDecisionKind, type ExpertDetailView } from '@bidhall/contracts';
import { Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { expertsApi } from '../../api/experts.ts';
import { ReasonModal } from '../admin/ReasonModal.tsx';
import { AccountModal } from './AccountModal.tsx';
import { EditModal } from './EditModal.tsx';
import { RateModal } from './RateModal.tsx';
import { RecordModal } from './RecordModal.tsx';

type Dialog =
  | { kind: 'decision'; decision: ExpertDecisionKind }
  | { kind: 'share' }
  | { kind: 'recommend' }
  | { kind: 'edit' }
  | { kind: 'record' }
  | { kind: 'rate' }
  | { kind: 'account' }
  | null;

const PRIMARY: ExpertDecisionKind[] = ['admit', 'reinstate'];
const DANGER: ExpertDecisionKind[] = ['reject', 'remove', 'suspend'];

/** What staff may do to the expert in its present state (EXPERT_TRANSITIONS), each with a reason. */
export function ExpertActions({ expert: e, onChanged }: { expert: ExpertDetailView; onChanged: (e: ExpertDetailView) => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const decisions = EXPERT_DECISIONS.filter((d) => EXPERT_TRANSITIONS[d].from.includes(e.state));
  const live = e.state === 'admitted' || e.state === 'suspended';
  const close = () => setDialog(null);
  const saved = (next: ExpertDetailView) => {
    onChanged(next);
    return t('experts.actions.done');
  };

  const more = [
    ...(live ? [{ key: 'share', label: t(e.shared ? 'experts.actions.unshare' : 'experts.actions.share') }] : []),
    { key: 'record', label: t('experts.actions.record') },
    ...(live ? [{ key: 'rate', label: t('experts.actions.rate') }] : []),
    ...(e.state === 'admitted' ? [{ key: 'recommend', label: t('experts.actions.recommend') }] : []),
    ...(e.state !== 'removed' && e.state !== 'rejected' ? [{ key: 'account', label: t('experts.actions.link') }] : []),
  ].map((i) => ({ ...i, label: <span data-testid={`expert-action-${i.key}`}>{i.label}</span> }));

  return (
    <>
      <Space wrap data-testid="expert-actions">
        {decisions.map((d) => (
          <Button
            key={d}
            type={PRIMARY.includes(d) ? 'primary' : 'default'}
            danger={DANGER.includes(d)}
            onClick={() => setDialog({ kind: 'decision', decision: d })}
            data-testid={`expert-${d}`}
          >
            {t(`experts.actions.${d}`)}
          </Button>
        ))}
        <Button onClick={() => setDialog({ kind: 'edit' })} data-testid="expert-edit">
          {t('experts.actions.edit')}
        </Button>
        <Dropdown menu={{ items: more, onClick: ({ key }) => setDialog({ kind: key } as Dialog) }} trigger={['click']}>
          <Button data-testid="expert-more">
            {t('experts.actions.more')} <DownOutlined />
          </Button>
        </Dropdown>
      </Space>
      {dialog?.kind === 'decision' && (
        <ReasonModal
          title={t(`experts.actions.${dialog.decision}`)}
          label={t('experts.actions.reason')}
          placeholder={t('experts.actions.reasonPlaceholder')}
          danger={DANGER.includes(dialog.decision)}
          lead={dialog.decision === 'remove' ? t('experts.actions.removeWarning') : undefined}
          onSubmit={async (reason) => saved(await expertsApi.decide(e.id, { decision: dialog.decision, reason }))}
          onClose={close}
          onDone={close}
          testId="expert-decision-modal"
        />
      )}
      {dialog?.kind === 'share' && (
        <ReasonModal
          title={t(e.shared ? 'experts.actions.unshare' : 'experts.actions.share')}
          lead={t('experts.actions.shareHint')}
          label={t('experts.actions.reason')}
          onSubmit={async (reason) => saved(await expertsApi.share(e.id, !e.shared, reason))}
          onClose={close}
          onDone={close}
        />
      )}
      {dialog?.kind === 'recommend' && (
        <ReasonModal
          title={t('experts.actions.recommend')}
          lead={t('experts.actions.recommendHint')}
          label={t('experts.actions.reason')}
          onSubmit={async (reason) => saved(await expertsApi.recommend(e.id, reason))}
          onClose={close}
          onDone={close}
        />
      )}
      {dialog?.kind === 'edit' && <EditModal expert={e} onSaved={onChanged} onClose={close} />}
      {dialog?.kind === 'record' && <RecordModal expertId={e.id} onSaved={onChanged} onClose={close} />}
      {dialog?.kind === 'rate' && <RateModal expertId={e.id} onSaved={onChanged} onClose={close} />}
      {dialog?.kind === 'account' && <AccountModal expert={e} onSaved={onChanged} onClose={close} />}
    </>
  );
}
