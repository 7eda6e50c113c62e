import { Alert, Button, Card, DatePicker, Descriptions, Form, InputNumber, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarApi, type WorkingDaysAnswer } from '../../api/calendar.ts';
import { problemMessage } from '../../api/problem.ts';

/**
 * The arithmetic every statutory period uses, for a date staff want to check: the day n working days
 * after it, and the end of an n-day period from it (moved to the next working day when it falls on a
 * rest day).
 */
export function WorkingDayCalculator({ today }: { today: string }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState<Dayjs | null>(() => dayjs(today));
  const [days, setDays] = useState<number | null>(5);
  const [answer, setAnswer] = useState<WorkingDaysAnswer>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (!from || days === null) return;
    setBusy(true);
    setError(undefined);
    try {
      setAnswer(await calendarApi.workingDays(from.format('YYYY-MM-DD'), days));
    } catch (err) {
      setAnswer(undefined);
      setError(problemMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('system.calendar.calc.title')} data-testid="calendar-calc">
      <Space wrap>
        <Form.Item label={t('system.calendar.calc.from')} style={{ marginBottom: 0 }}>
          <DatePicker value={from} onChange={setFrom} allowClear={false} data-testid="calendar-calc-from" />
        </Form.Item>
        <Form.Item label={t('system.calendar.calc.days')} style={{ marginBottom: 0 }}>
          <InputNumber min={0} max={366} precision={0} value={days} onChange={setDays} data-testid="calendar-calc-days" />
        </Form.Item>
        <Button
          type="primary"
          onClick={() => void run()}
          loading={busy}
          disabled={!from || days === null}
          data-testid="calendar-calc-run"
        >
          {t('system.calendar.calc.run')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="calendar-calc-error" />}
      {answer && (
        <Descriptions size="small" column={1} style={{ marginTop: 16 }} data-testid="calendar-calc-answer">
          <Descriptions.Item label={t('system.calendar.calc.isWorkingDay', { date: answer.from })}>
            <Tag color={answer.isWorkingDay ? 'success' : 'default'}>
              {t(answer.isWorkingDay ? 'system.calendar.calc.working' : 'system.calendar.calc.rest')}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('system.calendar.calc.after', { n: answer.days })}>
            <span data-testid="calendar-calc-after">{answer.afterWorkingDays}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('system.calendar.calc.periodEnd', { n: answer.days })}>
            <span data-testid="calendar-calc-end">{answer.periodEnd}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
