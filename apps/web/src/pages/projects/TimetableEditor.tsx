import type { SectionDetail, TimetableFieldName, TimetableInput, TimetableViolationView } from '@bidhall/contracts';
import { TIMETABLE_FIELD_NAMES } from '@bidhall/contracts';
import { App, Button, Card, Col, DatePicker, Form, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { projectsApi } from '../../api/projects.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { fromPicker, onDate, toPicker } from './shanghai.ts';
import { ServerTime } from './ServerTime.tsx';
import { ViolationList } from './ViolationList.tsx';

/** Set by the clarification desk when one is issued, not typed in here. */
const RECORDED: readonly TimetableFieldName[] = ['clarificationIssuedAt', 'prequalificationClarificationIssuedAt'];
const TENDER_FIELDS: readonly TimetableFieldName[] = ['documentIssueStart', 'documentIssueEnd', 'questionsDeadline', 'clarificationIssuedAt', 'bidDeadline'];
const EDIT_STAGES = new Set(['draft', 'registered', 'tendering']);

type Values = Partial<Record<TimetableFieldName, Dayjs | null>>;

/** The fields of a section's method: the prequalification ones only where there is prequalification. */
export function fieldsOf(section: Pick<SectionDetail, 'method' | 'timetable'>): TimetableFieldName[] {
  const base = section.method === 'prequalification' ? TIMETABLE_FIELD_NAMES : TENDER_FIELDS;
  return base.filter((f) => !RECORDED.includes(f) || section.timetable[f]);
}

function violationsOf(err: unknown): TimetableViolationView[] | undefined {
  if (!(err instanceof ApiError) || err.code !== 'TIMETABLE_UNLAWFUL') return undefined;
  const v = err.details.violations;
  return Array.isArray(v) ? (v as TimetableViolationView[]) : undefined;
}

/**
 * The statutory timetable in Beijing time. The server validates it on saving (durations, holidays,
 * working days) and refuses an unlawful one with every violation; each shows its rule, source and
 * the earliest lawful date, which one click puts into the field.
 */
export function TimetableEditor({ section, onSaved }: { section: SectionDetail; onSaved: (s: SectionDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const editable = section.canManage && EDIT_STAGES.has(section.stage);
  const fields = fieldsOf(section);
  const violations = violationsOf(error);
  const flagged = new Set(violations?.flatMap((v) => v.fields) ?? []);

  useEffect(() => {
    form.setFieldsValue(Object.fromEntries(TIMETABLE_FIELD_NAMES.map((f) => [f, toPicker(section.timetable[f])])) as Values);
  }, [form, section]);

  const save = async () => {
    const values = form.getFieldsValue(true) as Values;
    const body: TimetableInput = Object.fromEntries(TIMETABLE_FIELD_NAMES.map((f) => [f, fromPicker(values[f])]));
    setBusy(true);
    setError(undefined);
    try {
      const saved = await projectsApi.setTimetable(section.id, body);
      message.success(t('projects.timetable.saved'));
      onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const applyEarliest = (field: TimetableFieldName, date: string) => {
    const value = onDate(date, form.getFieldValue(field) as Dayjs | null);
    form.setFieldValue(field, value);
    message.info(t('projects.timetable.applied', { field: t(`projects.timetable.field.${field}`), date: value.format('YYYY-MM-DD HH:mm') }));
  };

  return (
    <Card
      title={t('projects.timetable.title')}
      data-testid="timetable-editor"
      extra={<ServerTime />}
    >
      <Typography.Paragraph type="secondary">{editable ? t('projects.timetable.lead') : section.canManage ? t('projects.section.stageLocked') : t('projects.section.readOnly')}</Typography.Paragraph>
      {violations ? <ViolationList violations={violations} onApplyEarliest={editable ? applyEarliest : undefined} /> : <ProblemAlert error={error} />}
      <Form form={form} layout="vertical" disabled={!editable}>
        <Row gutter={16}>
          {fields.map((f) => (
            <Col xs={24} md={12} key={f}>
              <Form.Item
                name={f}
                label={t(`projects.timetable.field.${f}`)}
                validateStatus={flagged.has(f) ? 'error' : undefined}
                extra={RECORDED.includes(f) ? t('projects.timetable.setByClarification') : undefined}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                  disabled={RECORDED.includes(f) || !editable}
                  data-testid={`tt-${f}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {editable && (
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="timetable-save">
            {t('projects.timetable.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
