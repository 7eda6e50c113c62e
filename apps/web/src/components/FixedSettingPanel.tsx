import { LockOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatTime } from '../format.ts';
import { ProblemAlert } from './ProblemAlert.tsx';

export interface FixedSetting<A extends string> {
  authority: A;
  /** Set explicitly (false: the default). */
  explicit: boolean;
  /** Fixed at its deadline: nobody changes it once the applications or bids are in. */
  fixed: boolean;
  setAt: string | null;
}

/**
 * A choice of who decides that the tenderer (or its agency) makes before a deadline and that is fixed
 * at it: who decides the winner, who confirms the prequalified list. `testId` prefixes
 * `-authority`, `-fixed`, `-save`, `-error`.
 */
export function FixedSettingPanel<A extends string>({
  setting,
  options,
  labels,
  save,
  canManage,
  onChanged,
  testId,
}: {
  setting: FixedSetting<A>;
  options: { value: A; label: string }[];
  labels: { fixed: string; byDefault: string; setAt: (time: string) => string; hint: string; save: string; saved: string };
  save: (authority: A) => Promise<unknown>;
  canManage: boolean;
  onChanged: () => Promise<void> | void;
  testId: string;
}) {
  const { message } = App.useApp();
  const [authority, setAuthority] = useState<A>(setting.authority);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const editable = canManage && !setting.fixed;

  const onSave = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await save(authority);
      message.success(labels.saved);
      await onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid={testId} data-authority={setting.authority} data-fixed={String(setting.fixed)}>
      <Radio.Group
        value={authority}
        disabled={!editable || busy}
        onChange={(e) => setAuthority(e.target.value as A)}
        options={options}
        orientation="vertical"
        data-testid={`${testId}-authority`}
      />
      <div className="muted small" style={{ marginTop: 8 }}>
        <Space wrap size={4}>
          {setting.fixed && (
            <Tag icon={<LockOutlined />} data-testid={`${testId}-fixed`}>
              {labels.fixed}
            </Tag>
          )}
          {!setting.explicit && <Tag>{labels.byDefault}</Tag>}
          {setting.setAt && <span>{labels.setAt(formatTime(setting.setAt))}</span>}
          <Typography.Text type="secondary" className="small">
            {labels.hint}
          </Typography.Text>
        </Space>
      </div>
      {editable && (
        <Button
          style={{ marginTop: 8 }}
          icon={<SaveOutlined />}
          loading={busy}
          disabled={authority === setting.authority && setting.explicit}
          onClick={() => void onSave()}
          data-testid={`${testId}-save`}
        >
          {labels.save}
        </Button>
      )}
      <ProblemAlert error={error} testId={`${testId}-error`} />
    </div>
  );
}
