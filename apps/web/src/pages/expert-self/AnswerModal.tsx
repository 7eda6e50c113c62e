import type { ExpertInvitationView } from '@bidhall/contracts';
import { Alert, Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { expertsApi } from '../../api/experts.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { reasonRules } from '../experts/fieldRules.ts';

/** Accepting confirms no conflict with the tenderer or the bidders; declining says why. */
export function AnswerModal({ invitation, accept, onClose, onDone }: { invitation: ExpertInvitationView; accept: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ noConflict?: boolean; reason?: string }>();
  return (
    <FormModal
      form={form}
      title={`${t(accept ? 'experts.self.accept' : 'experts.self.decline')} · ${invitation.sectionName}`}
      okText={t(accept ? 'experts.self.accept' : 'experts.self.decline')}
      okButtonProps={{ danger: !accept }}
      destroyOnHidden
      onClose={onClose}
      onDone={onDone}
      lead={<Alert type="info" showIcon className="form-alert" title={`${invitation.tendererName} · ${invitation.venue}`} />}
      onSubmit={async (v) => {
        await expertsApi.answer(invitation.id, accept ? { accept: true, noConflict: true } : { accept: false, reason: (v.reason ?? '').trim() });
        return t(accept ? 'experts.self.accepted' : 'experts.self.declined');
      }}
      data-testid="invitation-answer-modal"
    >
      {accept ? (
        <Form.Item
          name="noConflict"
          valuePropName="checked"
          rules={[{ validator: async (_r, v: unknown) => { if (v !== true) throw new Error(t('experts.self.noConflictRequired')); } }]}
        >
          <Checkbox data-testid="invitation-no-conflict">{t('experts.self.noConflict')}</Checkbox>
        </Form.Item>
      ) : (
        <Form.Item name="reason" label={t('experts.self.declineReason')} rules={reasonRules(t)}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="invitation-decline-reason" />
        </Form.Item>
      )}
    </FormModal>
  );
}
