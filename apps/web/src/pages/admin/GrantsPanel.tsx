import { App, Button, Card, Popconfirm, Segmented, Space, Table, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, type GrantStatus } from '../../api/admin.ts';
import { problemMessage } from '../../api/problem.ts';
import type { AccountGrantView } from '../../api/types.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { UserKindTag } from '../../components/StatusTags.tsx';
import { formatTime } from '../../format.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { AccountLabel, useAccountNames } from '../../hooks/useAccountNames.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { ReasonModal } from './ReasonModal.tsx';

const STATUS_COLOURS: Record<GrantStatus, string> = { pending: 'gold', approved: 'green', rejected: 'default' };

/**
 * Grants with dual control: a security administrator approves or rejects another's proposal, and may
 * withdraw their own; an auditor reads them all.
 */
export function GrantsPanel({
  me,
  canDecide,
  version,
  onPending,
  onChanged,
}: {
  me: string;
  canDecide: boolean;
  version: number;
  onPending: (n: number) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { regionName } = useCatalog();
  const [status, setStatus] = useState<GrantStatus | 'all'>('pending');
  const [rejecting, setRejecting] = useState<AccountGrantView>();
  const grants = useLoader(() => adminApi.grants(status === 'all' ? undefined : status), [status, version]);
  const pending = useLoader(() => adminApi.grants('pending'), [version, grants.data]);
  const accounts = useAccountNames((grants.data ?? []).flatMap((g) => [g.proposedBy, g.decidedBy]));

  useEffect(() => onPending(pending.data?.length ?? 0), [pending.data, onPending]);

  const approve = async (g: AccountGrantView) => {
    try {
      await adminApi.approveGrant(g.id);
      message.success(t('admin.grant.approved'));
      onChanged();
    } catch (err) {
      message.error(problemMessage(t, err));
    }
  };

  const terms = (g: Pick<AccountGrantView, 'kind' | 'regionCode' | 'department'>) => (
    <Space size={4} wrap>
      <UserKindTag kind={g.kind} />
      <span>{regionName(g.regionCode)}</span>
      {g.department && <span className="muted">{g.department}</span>}
    </Space>
  );

  return (
    <Card className="queue-card">
      <Space className="queue-filters">
        <Segmented<GrantStatus | 'all'>
          value={status}
          onChange={setStatus}
          options={[
            { value: 'pending', label: t('admin.grant.status.pending') },
            { value: 'approved', label: t('admin.grant.status.approved') },
            { value: 'rejected', label: t('admin.grant.status.rejected') },
            { value: 'all', label: t('admin.grant.status.all') },
          ]}
          data-testid="grant-status"
        />
      </Space>
      {grants.error ? (
        <LoadError error={grants.error} onRetry={() => void grants.reload()} />
      ) : (
        <Table<AccountGrantView>
          rowKey="id"
          loading={grants.loading}
          dataSource={grants.data ?? []}
          pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
          scroll={{ x: 1500 }}
          data-testid="grants-table"
          columns={[
            { title: t('admin.grant.proposedAt'), dataIndex: 'proposedAt', width: 150, render: (v: string) => formatTime(v) },
            {
              title: t('admin.grant.action'),
              dataIndex: 'action',
              width: 110,
              render: (a: AccountGrantView['action']) => <Tag>{t(`admin.grant.actions.${a}`)}</Tag>,
            },
            {
              title: t('fields.username'),
              dataIndex: 'username',
              width: 200,
              render: (v: string, g) => (
                <>
                  <span className="mono">{v}</span>
                  <div className="muted small">{g.displayName}</div>
                </>
              ),
            },
            {
              title: t('admin.grant.terms'),
              key: 'terms',
              width: 280,
              render: (_: unknown, g) => (
                <>
                  {terms(g)}
                  {g.action === 'change' && g.previous && (
                    <div className="muted small">
                      {t('admin.grant.previous')} {terms(g.previous)}
                    </div>
                  )}
                </>
              ),
            },
            { title: t('admin.person'), dataIndex: 'personHint', width: 110, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
            {
              title: t('admin.grant.privileged'),
              dataIndex: 'privileged',
              width: 110,
              render: (v: boolean) => (v ? <Tag color="red">{t('admin.grant.privileged')}</Tag> : <Tag>{t('admin.grant.single')}</Tag>),
            },
            { title: t('admin.reason'), dataIndex: 'reason', width: 200 },
            { title: t('admin.grant.proposedBy'), dataIndex: 'proposedBy', width: 140, render: (v: string) => <AccountLabel id={v} lookup={accounts} /> },
            {
              title: t('fields.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: GrantStatus) => <Tag color={STATUS_COLOURS[s]}>{t(`admin.grant.status.${s}`)}</Tag>,
            },
            {
              title: t('admin.grant.decidedBy'),
              dataIndex: 'decidedBy',
              width: 180,
              render: (v: string | null, g) =>
                g.status === 'pending' ? (
                  '—'
                ) : (
                  <>
                    <AccountLabel id={v} lookup={accounts} />
                    {g.decisionNote && <div className="muted small">{g.decisionNote}</div>}
                  </>
                ),
            },
            ...(canDecide
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 170,
                    fixed: 'right' as const,
                    render: (_: unknown, g: AccountGrantView) => {
                      if (g.status !== 'pending') return null;
                      const own = g.proposedBy === me;
                      return (
                        <Space>
                          {own ? (
                            <Tooltip title={t('admin.grant.ownProposal')}>
                              <Button size="small" disabled>
                                {t('admin.grant.approve')}
                              </Button>
                            </Tooltip>
                          ) : (
                            <Popconfirm title={t('admin.grant.approveConfirm')} onConfirm={() => approve(g)}>
                              <Button size="small" type="primary" data-testid={`approve-${g.username}`}>
                                {t('admin.grant.approve')}
                              </Button>
                            </Popconfirm>
                          )}
                          <Button size="small" danger={!own} onClick={() => setRejecting(g)} data-testid={`reject-${g.username}`}>
                            {t(own ? 'admin.grant.withdraw' : 'admin.grant.reject')}
                          </Button>
                        </Space>
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
      )}
      {rejecting && (
        <ReasonModal
          title={t(rejecting.proposedBy === me ? 'admin.grant.withdrawTitle' : 'admin.grant.rejectTitle')}
          label={t('admin.grant.note')}
          danger
          onSubmit={async (note) => {
            await adminApi.rejectGrant(rejecting.id, note);
            return t(rejecting.proposedBy === me ? 'admin.grant.withdrawn' : 'admin.grant.rejected');
          }}
          onClose={() => setRejecting(undefined)}
          onDone={onChanged}
          testId="reject-modal"
        />
      )}
    </Card>
  );
}
