import { Button, Card, Empty, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { staffApi } from '../../api/staff.ts';
import type { PendingChangeView } from '../../api/types.ts';
import { ChangeDiff } from '../../components/ChangeDiff.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { DecisionModal } from './DecisionModal.tsx';

/** Changes to verified data waiting for staff: old and new values side by side. */
export function ChangeQueue({ readOnly, onCount }: { readOnly: boolean; onCount: (n: number) => void }) {
  const { t } = useTranslation();
  const changes = useLoader(() => staffApi.pendingChanges(), []);
  const [deciding, setDeciding] = useState<{ change: PendingChangeView; decision: 'approve' | 'reject' }>();
  // Every change opens with its old and new values shown; staff may fold rows away.
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const expanded = (changes.data ?? []).map((c) => c.id).filter((id) => !collapsed.has(id));

  useEffect(() => onCount(changes.data?.length ?? 0), [changes.data, onCount]);

  if (changes.error) return <LoadError error={changes.error} onRetry={() => void changes.reload()} />;
  return (
    <Card className="queue-card" data-testid="change-queue">
      <Table<PendingChangeView>
        rowKey="id"
        loading={changes.loading}
        dataSource={changes.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('staff.changes.empty')} /> }}
        expandable={{
          expandedRowRender: (c) => <ChangeDiff previous={c.previous} proposed={c.proposed} />,
          expandedRowKeys: expanded,
          onExpand: (open, c) =>
            setCollapsed((prev) => {
              const next = new Set(prev);
              if (open) next.delete(c.id);
              else next.add(c.id);
              return next;
            }),
        }}
        columns={[
          { title: t('fields.name'), dataIndex: 'entityName' },
          { title: t('fields.creditCode'), dataIndex: 'creditCode', render: (v: string) => <span className="mono">{v}</span> },
          {
            title: t('changes.fields'),
            key: 'fields',
            render: (_, c) =>
              Object.keys(c.proposed)
                .map((f) => t(`fields.${f as 'name'}`))
                .join(t('common.listSeparator')),
          },
          {
            title: t('staff.columns.submittedAt'),
            dataIndex: 'submittedAt',
            render: (v: string | null) => formatTime(v),
            sorter: (a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''),
          },
          ...(readOnly
            ? []
            : [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, c: PendingChangeView) => (
                    <Space>
                      <Button size="small" type="primary" onClick={() => setDeciding({ change: c, decision: 'approve' })}>
                        {t('staff.decision.approve')}
                      </Button>
                      <Button size="small" danger onClick={() => setDeciding({ change: c, decision: 'reject' })}>
                        {t('staff.decision.reject')}
                      </Button>
                    </Space>
                  ),
                },
              ]),
        ]}
      />
      {deciding && (
        <DecisionModal
          target="change"
          initialDecision={deciding.decision}
          onClose={() => setDeciding(undefined)}
          onDecide={(d, note) => staffApi.verifyChange(deciding.change.id, d, note)}
          onDone={async () => {
            setDeciding(undefined);
            await changes.reload();
          }}
        />
      )}
    </Card>
  );
}
