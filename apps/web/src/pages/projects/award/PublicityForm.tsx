import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import type { PublicityView } from '@bidhall/contracts';
import { App, Button, DatePicker, Form, Input, Popconfirm, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { awardApi } from '../../../api/award.ts';
import { ApiError } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useServerClock } from '../../../hooks/useServerClock.tsx';
import { fromPicker, toPicker } from '../shanghai.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The next whole hour on the server's clock, for at least 3 days: what a tenderer usually sets. */
function defaults(now: number): [Dayjs | null, Dayjs | null] {
  const start = Math.ceil((now + 60_000) / HOUR) * HOUR;
  return [toPicker(new Date(start).toISOString()), toPicker(new Date(start + 3 * DAY).toISOString())];
}

/**
 * The tenderer's (or its agency's) draft of the candidates' publicity (A-163): its period (B-028: within
 * 3 days of the report, at least 3 days long) and remarks; saved, then submitted for verification.
 */
export function PublicityForm({
  sectionId,
  publicity,
  onChanged,
}: {
  sectionId: string;
  publicity: PublicityView | null;
  onChanged: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { now } = useServerClock();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null]>(() =>
    publicity ? [toPicker(publicity.startsAt), toPicker(publicity.endsAt)] : defaults(now()),
  );
  const [remarks, setRemarks] = useState(publicity?.remarks ?? '');
  const [busy, setBusy] = useState<'save' | 'submit'>();
  const [error, setError] = useState<unknown>();
  const startsAt = fromPicker(range[0]);
  const endsAt = fromPicker(range[1]);
  const dirty =
    !publicity ||
    startsAt === null ||
    endsAt === null ||
    Date.parse(startsAt) !== Date.parse(publicity.startsAt) ||
    Date.parse(endsAt) !== Date.parse(publicity.endsAt) ||
    remarks.trim() !== publicity.remarks;

  // The server's reason for a refused period, with the day it names.
  const periodHelp = (() => {
    if (!(error instanceof ApiError) || error.code !== 'PUBLICITY_PERIOD_INVALID') return undefined;
    const d = error.details;
    if (d.reason === 'lateStart' && typeof d.latestStart === 'string') return t('award.form.lateStart', { date: d.latestStart });
    if (d.reason === 'tooShort' && typeof d.leastEnd === 'string') return t('award.form.tooShort', { date: d.leastEnd });
    return undefined;
  })();

  const save = async () => {
    if (!startsAt || !endsAt) return;
    setBusy('save');
    setError(undefined);
    try {
      await awardApi.savePublicity(sectionId, { startsAt, endsAt, remarks: remarks.trim() });
      message.success(t('award.form.saved'));
      await onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };

  const submit = async () => {
    setBusy('submit');
    setError(undefined);
    try {
      await awardApi.submitPublicity(sectionId);
      message.success(t('award.form.submitted'));
      await onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div data-testid="publicity-form">
      <Form layout="vertical">
        <Form.Item
          label={t('award.form.period')}
          required
          validateStatus={periodHelp ? 'error' : undefined}
          help={periodHelp ?? t('award.period.rule')}
        >
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={range}
            onChange={(v) => setRange([v?.[0] ?? null, v?.[1] ?? null])}
            data-testid="publicity-period"
          />
        </Form.Item>
        <Form.Item label={t('award.form.remarks')}>
          <Input.TextArea
            rows={3}
            maxLength={2000}
            showCount
            value={remarks}
            onChange={(e) => setRemarks(e.target.value)}
            placeholder={t('award.form.remarksHint')}
            data-testid="publicity-remarks"
          />
        </Form.Item>
        <Space wrap>
          <Button
            icon={<SaveOutlined />}
            loading={busy === 'save'}
            disabled={!startsAt || !endsAt || !dirty || busy !== undefined}
            onClick={() => void save()}
            data-testid="publicity-save"
          >
            {t('award.form.save')}
          </Button>
          <Popconfirm
            title={t('award.form.submitConfirm')}
            onConfirm={() => submit()}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
          >
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={busy === 'submit'}
              disabled={!publicity || dirty || busy !== undefined}
              title={publicity && dirty ? t('award.form.saveFirst') : undefined}
              data-testid="publicity-submit"
            >
              {t('award.form.submit')}
            </Button>
          </Popconfirm>
        </Space>
      </Form>
      <ProblemAlert error={error} testId="publicity-error" />
    </div>
  );
}
