import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Space } from 'antd';
import type { FormListProps } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { calendarApi } from '../../api/calendar.ts';
import { problemMessage } from '../../api/problem.ts';
import { daysBetween } from './calendarDays.ts';

interface Values {
  year: number;
  /** The notice's rest periods, each a range of days. */
  holidays: { range: [Dayjs, Dayjs] }[];
  /** Its make-up working days (调休上班), one day each. */
  workdays: { day: Dayjs }[];
  source: string;
}

const ymd = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Pickers the user adds and removes: the notice's rest periods, or its make-up working days. */
function DayList(props: {
  name: 'holidays' | 'workdays';
  field: 'range' | 'day';
  testId: string;
  addTestId: string;
  addLabel: string;
  requiredMessage: string;
  picker: (testId: string) => ReactNode;
  rules?: FormListProps['rules'];
}) {
  const { t } = useTranslation();
  return (
    <Form.List name={props.name} rules={props.rules}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((f, i) => (
            <Space key={f.key} align="baseline">
              <Form.Item name={[f.name, props.field]} rules={[{ required: true, message: props.requiredMessage }]}>
                {props.picker(`${props.testId}-${i}`)}
              </Form.Item>
              <Button
                type="text"
                icon={<MinusCircleOutlined />}
                aria-label={t('system.calendar.form.remove')}
                onClick={() => remove(f.name)}
              />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid={props.addTestId}>
            {props.addLabel}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

/**
 * Staff enter a year from the State Council's holiday notice (国务院办公厅关于部分节假日安排的通知): each
 * rest period as the notice states it, from its first to its last day, and each make-up working day.
 * A year already in force is replaced (the audit trail keeps who entered what).
 */
export function CalendarYearForm({
  defaultYear,
  covered,
  onStored,
}: {
  defaultYear: number;
  covered: ReadonlySet<number>;
  onStored: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const year = Form.useWatch('year', form);

  const submit = async (v: Values) => {
    setSaving(true);
    setProblems([]);
    try {
      await calendarApi.store(v.year, {
        holidays: v.holidays.flatMap((h) => daysBetween(ymd(h.range[0]), ymd(h.range[1]))),
        workdays: (v.workdays ?? []).map((w) => ymd(w.day)),
        source: v.source,
      });
      message.success(t('system.calendar.form.stored', { year: v.year }));
      form.resetFields(['holidays', 'workdays', 'source']);
      onStored();
    } catch (err) {
      const listed = err instanceof ApiError ? err.details.problems : undefined;
      if (Array.isArray(listed)) setProblems(listed.map(String));
      message.error(problemMessage(t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('system.calendar.form.title')} data-testid="calendar-form">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ year: defaultYear, holidays: [{}], workdays: [] }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="year"
          label={t('system.calendar.year')}
          rules={[{ required: true }]}
          extra={covered.has(year) ? t('system.calendar.form.replaces') : undefined}
        >
          <InputNumber min={2000} max={2100} precision={0} data-testid="calendar-form-year" />
        </Form.Item>
        <Form.Item label={t('system.calendar.form.holidays')} required>
          <DayList
            name="holidays"
            field="range"
            testId="calendar-form-holiday"
            addTestId="calendar-form-add-holiday"
            addLabel={t('system.calendar.form.addHoliday')}
            requiredMessage={t('system.calendar.form.rangeRequired')}
            picker={(id) => <DatePicker.RangePicker data-testid={id} />}
            rules={[
              {
                validator: async (_, v: unknown[]) =>
                  v?.length ? undefined : Promise.reject(new Error(t('system.calendar.form.holidaysRequired'))),
              },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('system.calendar.form.workdays')}>
          <DayList
            name="workdays"
            field="day"
            testId="calendar-form-workday"
            addTestId="calendar-form-add-workday"
            addLabel={t('system.calendar.form.addWorkday')}
            requiredMessage={t('system.calendar.form.dayRequired')}
            picker={(id) => <DatePicker data-testid={id} />}
          />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('system.calendar.notice')}
          rules={[{ required: true, min: 4, max: 200, whitespace: true }]}
        >
          <Input placeholder={t('system.calendar.form.sourcePlaceholder')} data-testid="calendar-form-source" />
        </Form.Item>
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('system.calendar.form.problems')}
            description={problems.join('；')}
            style={{ marginBottom: 16 }}
          />
        )}
        <Button type="primary" htmlType="submit" loading={saving} data-testid="calendar-form-submit">
          {t('system.calendar.form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
