import { Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clarificationDeskApi, type ClarificationInput, type ClarificationView } from '../../../api/documents.ts';
import { applyProblemToForm } from '../../../api/problem.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { DeskProblem } from '../DeskProblem.tsx';
import { RichTextEditor } from '../editor/RichTextEditor.tsx';
import { useRemovedMarkupWarning } from '../editor/removedMarkup.ts';

/** A clarification or modification draft; the questions it answers are quoted without their askers. */
export function ClarificationForm({
  documentId,
  initial,
  picked,
  onClose,
  onSaved,
}: {
  documentId: string;
  initial?: ClarificationView;
  picked?: string[];
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const warnRemoved = useRemovedMarkupWarning();
  const [form] = Form.useForm<ClarificationInput>();
  const questions = useLoader(() => clarificationDeskApi.questions(documentId), [documentId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const save = async (values: ClarificationInput) => {
    setBusy(true);
    setError(undefined);
    try {
      warnRemoved(initial ? await clarificationDeskApi.updateClarification(initial.id, values) : await clarificationDeskApi.createClarification(documentId, values));
      await onSaved();
    } catch (err) {
      applyProblemToForm(t, form, err);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={920}
      title={t(initial ? 'desk.clarify.edit' : 'desk.clarify.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'clarification-save' } as never}
    >
      <DeskProblem error={error} testId="clarification-problem" />
      <Form<ClarificationInput>
        form={form}
        layout="vertical"
        initialValues={{
          kind: initial?.kind ?? 'clarification',
          title: initial?.title ?? '',
          bodyHtml: initial?.bodyHtml ?? '',
          questionIds: initial?.questionIds ?? picked ?? [],
        }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="kind" label={t('desk.clarify.kind')}>
          <Radio.Group options={(['clarification', 'modification'] as const).map((k) => ({ value: k, label: t(`desk.clarify.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('desk.clarify.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input data-testid="clarification-title" />
        </Form.Item>
        <Form.Item name="questionIds" label={t('desk.clarify.answersQuestions')}>
          <Select
            mode="multiple"
            loading={questions.loading}
            options={(questions.data ?? []).map((q) => ({ value: q.id, label: `#${q.number} ${q.text.slice(0, 60)}` }))}
          />
        </Form.Item>
        <Form.Item name="bodyHtml" label={t('desk.clarify.body')} rules={[{ required: true, message: t('desk.clarify.bodyRequired') }]} getValueFromEvent={(html: string) => (html === '<p></p>' ? '' : html)}>
          <HtmlField />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function HtmlField({ value, onChange }: { value?: string; onChange?: (html: string) => void }) {
  return <RichTextEditor value={value ?? ''} onChange={onChange} testId="clarification-editor" />;
}
