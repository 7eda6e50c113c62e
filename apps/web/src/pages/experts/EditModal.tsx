import type { ExpertDetailView } from '@bidhall/contracts';
import { App, Divider, Form, Input } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { expertsApi } from '../../api/experts.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { ConflictsEditor } from './ConflictsEditor.tsx';
import { ExpertFactsFields } from './ExpertFactsFields.tsx';
import { toEdit, toFacts, toFormValues, type ExpertFormValues } from './expertForm.ts';
import { formPath, reasonRules } from './fieldRules.ts';

/** Corrects the expert's facts: only the fields changed are sent, with the reason. */
export function EditModal({ expert, onSaved, onClose }: { expert: ExpertDetailView; onSaved: (e: ExpertDetailView) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ExpertFormValues & { reason: string }>();
  const initial = useMemo(() => toFormValues(expert), [expert]);
  return (
    <FormModal
      form={form}
      title={`${t('experts.actions.edit')} · ${expert.name}`}
      width={860}
      initialValues={initial}
      destroyOnHidden
      fieldOf={formPath}
      onClose={onClose}
      onSubmit={async (v) => {
        const edit = toEdit(expert, toFacts(v), v.reason);
        if (!edit) {
          message.warning(t('experts.actions.noChanges'));
          return false;
        }
        onSaved(await expertsApi.edit(expert.id, edit));
        return t('experts.actions.done');
      }}
      data-testid="expert-edit-modal"
    >
      <ExpertFactsFields />
      <Divider titlePlacement="start">{t('experts.fields.conflicts')}</Divider>
      <ConflictsEditor />
      <Divider />
      <Form.Item name="reason" label={t('experts.actions.reason')} rules={reasonRules(t)}>
        <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('experts.actions.reasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
