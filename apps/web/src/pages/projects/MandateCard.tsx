import { AGENCY_DUTIES } from '@bidhall/contracts';
import { Alert, App, Button, Checkbox, Empty, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { projectsApi, type MandateInput, type TenderingProjectDetail } from '../../api/projects.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatTime } from '../../format.ts';

/** The agency's duties and powers as a checklist: set by the tenderer, seen by both sides. */
export function MandateCard({ detail, isTenderer, onSaved }: { detail: TenderingProjectDetail; isTenderer: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MandateInput>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const tp = detail.tenderingProject;
  const mandate = tp.mandate;

  useEffect(() => {
    form.setFieldsValue({ duties: mandate?.duties ?? [], other: mandate?.other ?? '' });
  }, [form, mandate]);

  if (tp.organisation !== 'agency') return <Empty description={t('projects.mandate.notApplicable')} />;

  const save = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await projectsApi.setMandate(tp.id, { duties: values.duties, other: values.other ?? '' });
      message.success(t('projects.mandate.saved'));
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="mandate">
      {!mandate && <Alert type="warning" showIcon className="form-alert" title={t('projects.mandate.none')} />}
      {!isTenderer && <Alert type="info" showIcon className="form-alert" title={t('projects.mandate.onlyTenderer')} />}
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" disabled={!isTenderer}>
        <Form.Item
          name="duties"
          label={`${t('projects.mandate.title')} · ${tp.agencyName ?? ''}`}
          rules={[{ required: true, type: 'array', min: 1, message: t('projects.entry.required') }]}
          extra={mandate ? `${t('projects.mandate.setBy')} ${formatTime(mandate.setAt)}` : undefined}
        >
          <Checkbox.Group className="duty-checklist" options={AGENCY_DUTIES.map((d) => ({ value: d, label: t(`projects.duty.${d}`) }))} />
        </Form.Item>
        <Form.Item name="other" label={t('projects.entry.mandateOther')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {isTenderer && (
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="mandate-save">
            {t('projects.mandate.save')}
          </Button>
        )}
      </Form>
    </div>
  );
}
