import { REPORT_PART_MAX, type EvaluationReportParts, type EvaluationReportView } from '@bidhall/contracts';
import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluationReportApi } from '../../../api/evaluationReport.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { reportWords, useEvaluationSitting } from '../sitting.ts';

const PARTS = ['remarks', 'problems', 'recommendations'] as const;

/** The chair's words in the report: plain text, saved until the first member signs. */
export function ReportPartsForm({ sectionId, parts, onSaved }: { sectionId: string; parts: EvaluationReportParts | null; onSaved: (v: EvaluationReportView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EvaluationReportParts>();
  const sitting = useEvaluationSitting();
  const w = reportWords(sitting);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const save = async (values: EvaluationReportParts) => {
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await evaluationReportApi.edit(sectionId, { remarks: values.remarks ?? '', problems: values.problems ?? '', recommendations: values.recommendations ?? '' }, sitting));
      message.success(t('evaluationReport.parts.saved'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={parts ?? { remarks: '', problems: '', recommendations: '' }} onFinish={(v) => void save(v)} data-testid="report-parts">
      {PARTS.map((p) => (
        <Form.Item key={p} name={p} label={t(`${w}.parts.${p}`)}>
          <Input.TextArea rows={3} maxLength={REPORT_PART_MAX} showCount placeholder={t(`${w}.parts.${p}Hint`)} data-testid={`report-part-${p}`} />
        </Form.Item>
      ))}
      {error !== undefined && <ProblemAlert error={error} testId="report-parts-error" />}
      <Button htmlType="submit" icon={<SaveOutlined />} loading={busy} data-testid="report-parts-save">
        {t('evaluationReport.parts.save')}
      </Button>
    </Form>
  );
}
