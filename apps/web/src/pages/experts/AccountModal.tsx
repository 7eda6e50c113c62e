import type { ExpertDetailView } from '@bidhall/contracts';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { expertsApi } from '../../api/experts.ts';
import { FormModal } from '../../components/FormModal.tsx';

/** Links the expert's platform account: an expert account bound to the same person (checked by the server). */
export function AccountModal({ expert, onSaved, onClose }: { expert: ExpertDetailView; onSaved: (e: ExpertDetailView) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ username: string }>();
  return (
    <FormModal
      form={form}
      title={t('experts.actions.link')}
      initialValues={{ username: expert.username ?? '' }}
      destroyOnHidden
      fieldOf={(s) => s}
      onClose={onClose}
      onSubmit={async (v) => {
        onSaved(await expertsApi.linkAccount(expert.id, v.username.trim()));
        return t('experts.actions.done');
      }}
      data-testid="expert-account-modal"
    >
      <Form.Item
        name="username"
        label={t('experts.account.username')}
        extra={t('experts.account.hint')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }, { min: 3, max: 64, message: t('validation.max', { max: 64 }) }]}
      >
        <Input className="mono" autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}
