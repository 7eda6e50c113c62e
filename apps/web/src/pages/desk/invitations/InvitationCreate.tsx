import { Alert, Button, Card, DatePicker, Form, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invitationsApi, type BidderView } from '../../../api/notices.ts';
import { useServerClock } from '../../../hooks/useServerClock.tsx';
import { DeskProblem } from '../DeskProblem.tsx';
import { useDesk } from '../deskContext.ts';
import { BidderPicker } from './BidderPicker.tsx';
import { DrawnInvitationCreate } from './DrawnInvitationCreate.tsx';

const MIN_INVITEES = 3;

/** B-006: at least three bidders from the database and a reply deadline. */
export function InvitationCreate({ onCreated }: { onCreated: () => Promise<void> }) {
  const { section } = useDesk();
  // B-007: government goods and services by invitation draw their invitees among the qualified.
  const drawn = section.method === 'invitation' && (section.kind === 'governmentGoods' || section.kind === 'governmentServices');
  return drawn ? <DrawnInvitationCreate onCreated={onCreated} /> : <PickedInvitationCreate onCreated={onCreated} />;
}

function PickedInvitationCreate({ onCreated }: { onCreated: () => Promise<void> }) {
  const { t } = useTranslation();
  const { section } = useDesk();
  const { now } = useServerClock();
  const [invitees, setInvitees] = useState<BidderView[]>([]);
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const tooFew = invitees.length < MIN_INVITEES;

  const create = async () => {
    if (!deadline) return;
    setBusy(true);
    setError(undefined);
    try {
      await invitationsApi.create({
        sectionIds: [section.id],
        replyDeadline: deadline.toISOString(),
        inviteeIds: invitees.map((b) => b.entityId),
      });
      await onCreated();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('desk.invitation.createTitle')} data-testid="invitation-create">
      <Form layout="vertical">
        <Form.Item label={t('desk.invitation.invitees')} extra={t('desk.invitation.minInvitees', { count: MIN_INVITEES })}>
          <BidderPicker selected={invitees} onChange={setInvitees} />
        </Form.Item>
        <Form.Item label={t('desk.invitation.replyDeadline')} required>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={deadline}
            onChange={setDeadline}
            disabledDate={(d) => d.isBefore(dayjs(now()), 'day')}
            data-testid="invitation-deadline"
          />
        </Form.Item>
        {tooFew && <Alert type="info" showIcon className="form-alert" title={t('desk.invitation.selected', { count: invitees.length, min: MIN_INVITEES })} />}
        <DeskProblem error={error} testId="invitation-problem" />
        <Space>
          <Button type="primary" disabled={tooFew || !deadline || !section.canManage} loading={busy} onClick={() => void create()} data-testid="invitation-create-submit">
            {t('desk.invitation.create')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
