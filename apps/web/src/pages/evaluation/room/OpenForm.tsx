import { UnlockOutlined } from '@ant-design/icons';
import type { EvaluationView } from '@bidhall/contracts';
import { Alert, App, Button, DatePicker, Form, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluationApi } from '../../../api/evaluation.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useServerClock } from '../../../hooks/useServerClock.tsx';
import { fromPicker, toPicker } from '../../projects/shanghai.ts';
import { roomWords, useEvaluationSitting } from '../sitting.ts';
import { windowIssue } from './window.ts';

const HOUR = 3_600_000;

/** The next whole hour on the server's clock, and a working day after it: what staff usually set. */
function defaults(now: number): [Dayjs, Dayjs] {
  const start = Math.ceil((now + 60_000) / HOUR) * HOUR;
  return [toPicker(new Date(start).toISOString())!, toPicker(new Date(start + 9 * HOUR).toISOString())!];
}

/**
 * Staff open the evaluation with its window: at most 3 days, not over. The window is
 * checked here first; the server checks it again, with the committee and the readout, and its refusal
 * is shown as it says.
 */
export function OpenForm({ sectionId, onOpened }: { sectionId: string; onOpened: (v: EvaluationView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { now } = useServerClock();
  const sitting = useEvaluationSitting();
  const w = roomWords(sitting);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null]>(() => defaults(now()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const startsAt = fromPicker(range[0]);
  const endsAt = fromPicker(range[1]);
  const issue = startsAt && endsAt ? windowIssue(Date.parse(startsAt), Date.parse(endsAt), now()) : 'missing';

  const open = async () => {
    if (!startsAt || !endsAt) return;
    setBusy(true);
    setError(undefined);
    try {
      onOpened(await evaluationApi.open(sectionId, { startsAt, endsAt }, sitting));
      message.success(t(`${w}.open.done`));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="evaluation-open-form">
      <Alert type="info" showIcon className="form-alert" title={t(`${w}.open.lead`)} />
      <Form layout="vertical">
        <Form.Item
          label={t('evaluation.open.window')}
          required
          validateStatus={issue && issue !== 'missing' ? 'error' : undefined}
          help={issue && issue !== 'missing' ? t(`evaluation.open.issues.${issue}`) : t('evaluation.open.hint')}
        >
          <Space wrap>
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              value={range}
              onChange={(v) => setRange([v?.[0] ?? null, v?.[1] ?? null])}
              data-testid="evaluation-window"
            />
            <Button type="primary" icon={<UnlockOutlined />} loading={busy} disabled={issue !== undefined} onClick={() => void open()} data-testid="evaluation-open">
              {t(`${w}.open.submit`)}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <ProblemAlert error={error} testId="evaluation-open-error" />
    </div>
  );
}
