import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Popconfirm, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QualifiedSupplierView } from '@bidhall/contracts';
import type { InvitationView } from '../../../api/notices.ts';
import { formatTime } from '../../../format.ts';

/**
 * B-007: the qualified suppliers fixed before the draw, with their evidence and their labels in the
 * public draw; after the draw, who was drawn and where anyone re-checks it.
 */
export function InvitationDrawCard({
  invitation,
  canDraw,
  busy,
  onDraw,
}: {
  invitation: InvitationView;
  canDraw: boolean;
  busy: boolean;
  onDraw: () => void;
}) {
  const { t } = useTranslation();
  const draw = invitation.draw!;
  const verifyUrl = `/verify?tab=draw&draw=${draw.drawId}`;
  return (
    <Card
      size="small"
      className="desk-invitation-draw"
      title={t('desk.invitation.draw.title')}
      data-testid="invitation-draw"
      data-state={draw.drawnAt ? 'drawn' : 'committed'}
    >
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'source', label: t('desk.invitation.draw.source'), children: t(`desk.invitation.draw.sources.${draw.source}`) },
          { key: 'count', label: t('desk.invitation.draw.count'), children: draw.count },
          { key: 'committed', label: t('desk.invitation.draw.committedAt'), children: formatTime(draw.committedAt, true) },
          { key: 'drawn', label: t('desk.invitation.draw.drawnAt'), children: formatTime(draw.drawnAt, true) },
          {
            key: 'id',
            label: t('desk.invitation.draw.drawId'),
            children: draw.drawnAt ? (
              <a href={verifyUrl} target="_blank" rel="noreferrer" className="mono" data-testid="draw-verify-link">
                {draw.drawId}
              </a>
            ) : (
              <span className="mono">{draw.drawId}</span>
            ),
          },
        ]}
      />
      {!draw.drawnAt && <Alert type="info" showIcon className="form-alert" title={t('desk.invitation.draw.fixed')} />}
      <Table<QualifiedSupplierView>
        size="small"
        rowKey="entityId"
        dataSource={draw.qualified}
        pagination={false}
        data-testid="draw-candidates"
        columns={[
          { key: 'name', title: t('desk.invitation.bidderName'), dataIndex: 'name' },
          { key: 'evidence', title: t('desk.invitation.draw.evidence'), dataIndex: 'evidence' },
          { key: 'label', title: t('desk.invitation.draw.label'), dataIndex: 'label', render: (v: string) => <span className="mono">{v}</span> },
          {
            key: 'drawn',
            title: t('desk.invitation.draw.result'),
            dataIndex: 'drawn',
            render: (drawn: boolean) => (draw.drawnAt ? <Tag color={drawn ? 'success' : 'default'}>{t(drawn ? 'desk.invitation.draw.drawn' : 'desk.invitation.draw.notDrawn')}</Tag> : '—'),
          },
        ]}
      />
      {canDraw && !draw.drawnAt && (
        <Popconfirm title={t('desk.invitation.draw.confirm')} onConfirm={onDraw}>
          <Button type="primary" icon={<ExperimentOutlined />} loading={busy} className="form-alert" data-testid="draw-perform">
            {t('desk.invitation.draw.perform')}
          </Button>
        </Popconfirm>
      )}
    </Card>
  );
}
