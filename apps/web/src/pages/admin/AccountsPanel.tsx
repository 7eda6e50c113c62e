import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userKinds } from '@bidhall/contracts';
import { adminApi } from '../../api/admin.ts';
import type { UserKind, UserView } from '../../api/types.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { UserKindTag } from '../../components/StatusTags.tsx';
import { formatTime } from '../../format.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { GrantModal } from './GrantModal.tsx';
import { ReasonModal } from './ReasonModal.tsx';

type Acting = { kind: 'change' | 'disable' | 'enable'; account: UserView };

/** Platform accounts; a security administrator proposes changes, disables, and proposes enabling again. */
export function AccountsPanel({ me, canGrant, version, onChanged }: { me: string; canGrant: boolean; version: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const { regionName } = useCatalog();
  const [kind, setKind] = useState<UserKind>();
  const [acting, setActing] = useState<Acting>();
  const users = useLoader(() => adminApi.users(kind), [kind, version]);
  const done = () => {
    void users.reload();
    onChanged();
  };

  return (
    <Card className="queue-card">
      <Space className="queue-filters">
        <Select
          allowClear
          placeholder={t('admin.filterKind')}
          value={kind}
          onChange={setKind}
          options={userKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          style={{ width: 180 }}
        />
      </Space>
      {users.error ? (
        <LoadError error={users.error} onRetry={() => void users.reload()} />
      ) : (
        <Table<UserView>
          rowKey="id"
          loading={users.loading}
          dataSource={users.data ?? []}
          pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
          scroll={{ x: 1500 }}
          data-testid="accounts-table"
          columns={[
            {
              title: t('fields.username'),
              dataIndex: 'username',
              width: 170,
              sorter: (a, b) => a.username.localeCompare(b.username),
              render: (v: string) => <span className="mono">{v}</span>,
            },
            { title: t('fields.displayName'), dataIndex: 'displayName', width: 170 },
            {
              title: t('fields.kind'),
              dataIndex: 'kind',
              width: 140,
              render: (k: UserKind) => <UserKindTag kind={k} />,
              sorter: (a, b) => a.kind.localeCompare(b.kind),
            },
            { title: t('fields.regionCode'), dataIndex: 'regionCode', width: 120, render: (v: string) => regionName(v) },
            { title: t('fields.department'), dataIndex: 'department', render: (v: string | null) => v ?? '—' },
            {
              title: t('admin.person'),
              dataIndex: 'personHint',
              width: 110,
              render: (v: string | null, u) => (u.kind === 'entity' ? '—' : v ? <span className="mono">{v}</span> : <span className="muted">{t('admin.personUnbound')}</span>),
            },
            {
              title: t('fields.status'),
              dataIndex: 'status',
              width: 90,
              render: (s: UserView['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`admin.userStatus.${s}`)}</Tag>,
            },
            {
              title: t('admin.totp'),
              dataIndex: 'totpEnabled',
              width: 100,
              render: (v: boolean) => (v ? <Tag color="blue">{t('admin.totpOn')}</Tag> : <Tag>{t('admin.totpOff')}</Tag>),
            },
            {
              title: t('admin.lastLogin'),
              dataIndex: 'lastLoginAt',
              width: 150,
              render: (v: string | null) => formatTime(v),
              sorter: (a, b) => (a.lastLoginAt ?? '').localeCompare(b.lastLoginAt ?? ''),
            },
            {
              title: t('admin.createdAt'),
              dataIndex: 'createdAt',
              width: 150,
              render: (v: string) => formatTime(v),
              defaultSortOrder: 'descend',
              sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
            },
            ...(canGrant
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 190,
                    fixed: 'right' as const,
                    // Entity accounts come from registration, and nobody grants to their own account.
                    render: (_: unknown, u: UserView) =>
                      u.kind === 'entity' || u.id === me ? null : (
                        <Space>
                          <Button size="small" onClick={() => setActing({ kind: 'change', account: u })}>
                            {t('admin.proposeChange')}
                          </Button>
                          {u.status === 'active' ? (
                            <Button size="small" danger onClick={() => setActing({ kind: 'disable', account: u })} data-testid={`disable-${u.username}`}>
                              {t('admin.disable')}
                            </Button>
                          ) : (
                            <Button size="small" onClick={() => setActing({ kind: 'enable', account: u })}>
                              {t('admin.enable')}
                            </Button>
                          )}
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {acting?.kind === 'change' && <GrantModal account={acting.account} onClose={() => setActing(undefined)} onDone={done} />}
      {acting?.kind === 'disable' && (
        <ReasonModal
          title={t('admin.disableTitle', { username: acting.account.username })}
          lead={t('admin.disableLead')}
          label={t('admin.reason')}
          danger
          onSubmit={async (reason) => {
            await adminApi.disableUser(acting.account.id, reason);
            return t('admin.disabled', { username: acting.account.username });
          }}
          onClose={() => setActing(undefined)}
          onDone={done}
          testId="disable-modal"
        />
      )}
      {acting?.kind === 'enable' && (
        <ReasonModal
          title={t('admin.enableTitle', { username: acting.account.username })}
          label={t('admin.reason')}
          placeholder={t('admin.reasonPlaceholder')}
          onSubmit={async (reason) => {
            const grant = await adminApi.proposeGrant({ action: 'enable', userId: acting.account.id, reason });
            return t(grant.status === 'approved' ? 'admin.applied' : 'admin.proposed');
          }}
          onClose={() => setActing(undefined)}
          onDone={done}
        />
      )}
    </Card>
  );
}
