import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Space, Table, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api/problem.ts';
import { registrationApi } from '../../api/registration.ts';
import type { EntityChangeView, EntityView } from '../../api/types.ts';
import { ChangeDiff } from '../../components/ChangeDiff.tsx';
import { ChangeStatusTag } from '../../components/StatusTags.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { ProposeChangeModal } from './ProposeChangeModal.tsx';

/**
 * Changes to verified data: proposed here, in force only once staff approve; the old data stays
 * until then. One change may be open at a time.
 */
export function ChangesPanel({ entity, onApplied }: { entity: EntityView; onApplied: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changes = useLoader(() => registrationApi.myChanges(), []);
  const [proposing, setProposing] = useState(false);
  const open = (changes.data ?? []).find((c) => c.status === 'draft' || c.status === 'pending');

  const act = async (change: EntityChangeView, action: 'submit' | 'withdraw') => {
    try {
      await registrationApi.changeAction(change.id, action);
      message.success(t(action === 'submit' ? 'changes.submitted' : 'changes.withdrawn'));
      await changes.reload();
    } catch (err) {
      message.error(problemMessage(t, err));
    }
  };

  const proposeButton = (
    <Tooltip title={open ? t('changes.oneOpen') : undefined}>
      <Button
        type="primary"
        icon={<EditOutlined />}
        disabled={Boolean(open)}
        onClick={() => setProposing(true)}
        data-testid="propose-change"
      >
        {t('changes.propose')}
      </Button>
    </Tooltip>
  );

  return (
    <Card className="workspace-card" title={t('changes.title')} extra={proposeButton} data-testid="changes-panel">
      <p className="muted">{t('changes.lead')}</p>
      <Table<EntityChangeView>
        rowKey="id"
        size="small"
        loading={changes.loading}
        dataSource={changes.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('changes.empty')} /> }}
        expandable={{ expandedRowRender: (c) => <ChangeDiff previous={c.previous} proposed={c.proposed} /> }}
        columns={[
          { title: t('changes.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v), width: 150 },
          {
            title: t('changes.fields'),
            key: 'fields',
            render: (_, c) =>
              Object.keys(c.proposed)
                .map((f) => t(`fields.${f as 'name'}`))
                .join(t('common.listSeparator')),
          },
          {
            title: t('fields.status'),
            dataIndex: 'status',
            render: (s: EntityChangeView['status']) => <ChangeStatusTag status={s} />,
            width: 100,
          },
          { title: t('changes.note'), dataIndex: 'verificationNote', render: (v: string | null) => v ?? '—' },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_, c) => (
              <Space size={0}>
                {c.status === 'draft' && (
                  <Button type="link" size="small" onClick={() => void act(c, 'submit')}>
                    {t('changes.submit')}
                  </Button>
                )}
                {(c.status === 'draft' || c.status === 'pending') && (
                  <Popconfirm title={t('changes.withdrawConfirm')} onConfirm={() => void act(c, 'withdraw')}>
                    <Button type="link" size="small" danger>
                      {t('changes.withdraw')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ProposeChangeModal
        open={proposing}
        entity={entity}
        onClose={() => setProposing(false)}
        onProposed={async () => {
          await changes.reload();
          await onApplied();
        }}
      />
    </Card>
  );
}
