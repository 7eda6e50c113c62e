import { CheckOutlined } from '@ant-design/icons';
import type { PrequalificationResultsView } from '@bidhall/contracts';
import { App, Button, Input, Radio, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { prequalificationApi } from '../../../api/prequalification.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';

/**
 * the tenderer confirms the qualified applicants — only the ones the review committee passed are
 * offered; leaving one out needs a reason, recorded with the list. Those the committee failed stay failed.
 */
export function ListConfirm({
  results,
  onChanged,
}: {
  results: PrequalificationResultsView;
  onChanged: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The applicants the committee passed: on the list now, or excluded by the tenderer.
  const candidates = results.letters.filter((l) => l.basis === 'qualified' || l.basis === 'excluded');
  const [excluded, setExcluded] = useState<Record<string, string>>(
    Object.fromEntries(candidates.filter((l) => l.basis === 'excluded').map((l) => [l.bidId, l.exclusion ?? ''])),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const invalid = Object.values(excluded).some((r) => !r.trim());

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await prequalificationApi.confirmList(results.sectionId, {
        qualified: candidates.filter((l) => excluded[l.bidId] === undefined).map((l) => l.bidId),
        exclusions: Object.entries(excluded).map(([bidId, reason]) => ({ bidId, reason: reason.trim() })),
      });
      message.success(t('prequalification.list.done'));
      await onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="pq-list">
      <Typography.Paragraph type="secondary">{t('prequalification.list.lead')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="bidId"
        pagination={false}
        dataSource={candidates}
        columns={[
          { key: 'entity', title: t('prequalification.letters.entity'), dataIndex: 'entityName', width: 240 },
          {
            key: 'keep',
            title: t('prequalification.letters.outcome'),
            width: 200,
            render: (_, l) => (
              <Radio.Group
                value={excluded[l.bidId] === undefined ? 'keep' : 'exclude'}
                disabled={busy}
                onChange={(e) =>
                  setExcluded((x) => {
                    const next = { ...x };
                    if (e.target.value === 'keep') delete next[l.bidId];
                    else next[l.bidId] = l.exclusion ?? '';
                    return next;
                  })
                }
                options={[
                  { value: 'keep', label: t('prequalification.list.keep') },
                  { value: 'exclude', label: t('prequalification.list.exclude') },
                ]}
                data-testid={`pq-list-choice-${l.bidId}`}
              />
            ),
          },
          {
            key: 'reason',
            title: t('prequalification.list.exclusionReason'),
            render: (_, l) =>
              excluded[l.bidId] !== undefined && (
                <Input.TextArea
                  value={excluded[l.bidId]}
                  onChange={(e) => setExcluded((x) => ({ ...x, [l.bidId]: e.target.value }))}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  maxLength={1000}
                  status={excluded[l.bidId]!.trim() ? undefined : 'error'}
                  disabled={busy}
                  data-testid={`pq-list-reason-${l.bidId}`}
                />
              ),
          },
        ]}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <Button
          icon={<CheckOutlined />}
          loading={busy}
          disabled={invalid}
          onClick={() => void confirm()}
          data-testid="pq-list-confirm"
        >
          {t('prequalification.list.confirm')}
        </Button>
        <span className="muted small" data-testid="pq-list-state">
          {results.listConfirmedAt
            ? t('prequalification.list.confirmed', { time: formatTime(results.listConfirmedAt) })
            : t('prequalification.list.unconfirmed')}
        </span>
      </Space>
      <ProblemAlert error={error} testId="pq-list-error" />
    </div>
  );
}
