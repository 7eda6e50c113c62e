import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userKinds } from '@bidhall/contracts';
import { adminApi } from '../../api/admin.ts';
import type { UserKind, UserView } from '../../api/types.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { UserKindTag } from '../../components/StatusTags.tsx';
import { formatTime } from '../../format.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { CreateUserModal } from './CreateUserModal.tsx';

/** Platform accounts, managed by administrators only. */
export default function UsersPage() {
  const { t } = useTranslation();
  const { regionName } = useCatalog();
  const [kind, setKind] = useState<UserKind>();
  const [creating, setCreating] = useState(false);
  const users = useLoader(() => adminApi.users(kind), [kind]);

  return (
    <div data-testid="admin-users">
      <PageHeading
        title={t('admin.title')}
        subtitle={t('admin.subtitle')}
        trail={[{ title: t('admin.title') }]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">
            {t('admin.create')}
          </Button>
        }
      />
      <div className="container page-body">
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
              scroll={{ x: 1400 }}
              columns={[
                {
                  title: t('fields.username'),
                  dataIndex: 'username',
                  width: 170,
                  sorter: (a, b) => a.username.localeCompare(b.username),
                  render: (v: string) => <span className="mono">{v}</span>,
                },
                { title: t('fields.displayName'), dataIndex: 'displayName', width: 180 },
                {
                  title: t('fields.kind'),
                  dataIndex: 'kind',
                  width: 150,
                  render: (k: UserKind) => <UserKindTag kind={k} />,
                  sorter: (a, b) => a.kind.localeCompare(b.kind),
                },
                { title: t('fields.regionCode'), dataIndex: 'regionCode', width: 120, render: (v: string) => regionName(v) },
                { title: t('fields.department'), dataIndex: 'department', render: (v: string | null) => v ?? '—' },
                {
                  title: t('fields.status'),
                  dataIndex: 'status',
                  width: 90,
                  render: (s: UserView['status']) => (
                    <Tag color={s === 'active' ? 'green' : 'default'}>{t(`admin.userStatus.${s}`)}</Tag>
                  ),
                },
                {
                  title: t('admin.totp'),
                  dataIndex: 'totpEnabled',
                  width: 110,
                  render: (v: boolean) => (v ? <Tag color="blue">{t('admin.totpOn')}</Tag> : <Tag>{t('admin.totpOff')}</Tag>),
                },
                {
                  title: t('admin.lastLogin'),
                  dataIndex: 'lastLoginAt',
                  width: 160,
                  render: (v: string | null) => formatTime(v),
                  sorter: (a, b) => (a.lastLoginAt ?? '').localeCompare(b.lastLoginAt ?? ''),
                },
                {
                  title: t('admin.createdAt'),
                  dataIndex: 'createdAt',
                  width: 160,
                  render: (v: string) => formatTime(v),
                  defaultSortOrder: 'descend',
                  sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
                },
              ]}
            />
          )}
        </Card>
      </div>
      <CreateUserModal open={creating} onClose={() => setCreating(false)} onCreated={() => void users.reload()} />
    </div>
  );
}
