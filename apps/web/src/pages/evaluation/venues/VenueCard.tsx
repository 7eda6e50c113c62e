import type { EvaluationVenueView, WorkstationView } from '@bidhall/contracts';
import { App, Button, Card, Descriptions, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { venuesApi } from '../../../api/evaluationVenues.ts';
import { problemMessage } from '../../../api/problem.ts';
import { formatTime } from '../../../format.ts';
import { useCatalog } from '../../../hooks/useCatalog.tsx';

interface Props {
  venue: EvaluationVenueView;
  canWrite: boolean;
  /** The workstation this browser is registered as, if any. */
  thisWorkstationId: string | null;
  onEdit: () => void;
  onRegister: () => void;
  onChanged: () => Promise<void>;
}

/** One venue with its workstations: this browser's marked, each revocable with a reason. */
export function VenueCard({ venue, canWrite, thisWorkstationId, onEdit, onRegister, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { regionName } = useCatalog();
  const [revoking, setRevoking] = useState<WorkstationView>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    try {
      await venuesApi.revokeWorkstation(venue.id, revoking.id, reason.trim());
      message.success(t('evaluationVenues.venues.revokedDone'));
      setRevoking(undefined);
      setReason('');
      await onChanged();
    } catch (err) {
      message.error(problemMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={
        <Space>
          {venue.name}
          <Tag color={venue.kind === 'main' ? 'blue' : 'default'}>{t(`evaluationVenues.venues.kinds.${venue.kind}`)}</Tag>
          {venue.shared && <Tag color="green">{t('evaluationVenues.venues.shared')}</Tag>}
        </Space>
      }
      extra={
        canWrite && (
          <Space>
            <Button onClick={onEdit}>{t('evaluationVenues.venues.edit')}</Button>
            <Button type="primary" onClick={onRegister} data-testid={`register-${venue.id}`}>
              {t('evaluationVenues.device.register')}
            </Button>
          </Space>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid="venue-card"
    >
      <Descriptions size="small" column={2} items={[
        { key: 'region', label: t('evaluationVenues.venues.fields.regionCode'), children: regionName(venue.regionCode) },
        { key: 'address', label: t('evaluationVenues.venues.fields.address'), children: venue.address },
      ]} />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('evaluationVenues.venues.workstations')}
      </Typography.Title>
      <Table<WorkstationView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={venue.workstations}
        locale={{ emptyText: t('evaluationVenues.venues.noWorkstations') }}
        columns={[
          {
            title: t('evaluationVenues.venues.label'),
            dataIndex: 'label',
            render: (label: string, w) => (
              <Space>
                {label}
                {w.id === thisWorkstationId && <Tag color="purple">{t('evaluationVenues.venues.thisBrowser')}</Tag>}
              </Space>
            ),
          },
          { title: t('evaluationVenues.venues.thumbprint'), dataIndex: 'thumbprint', render: (v: string) => <Typography.Text code>{v.slice(0, 16)}…</Typography.Text> },
          { title: t('evaluationVenues.venues.registeredAt'), dataIndex: 'registeredAt', render: (v: string) => formatTime(v) },
          {
            title: t('evaluationVenues.venues.state'),
            key: 'state',
            render: (_, w) => (w.revokedAt ? <Tag color="red" title={w.revokedReason ?? ''}>{t('evaluationVenues.venues.revoked')}</Tag> : <Tag color="green">{t('evaluationVenues.venues.active')}</Tag>),
          },
          ...(canWrite
            ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, w: WorkstationView) => !w.revokedAt && <Button size="small" danger onClick={() => setRevoking(w)}>{t('evaluationVenues.venues.revoke')}</Button> }]
            : []),
        ]}
      />
      {revoking && (
        <Modal open title={t('evaluationVenues.venues.revokeTitle', { label: revoking.label })} onCancel={() => setRevoking(undefined)} onOk={() => void revoke()} okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy }}>
          <Input.TextArea value={reason} maxLength={200} placeholder={t('evaluationVenues.venues.revokeReason')} onChange={(e) => setReason(e.target.value)} />
        </Modal>
      )}
    </Card>
  );
}
