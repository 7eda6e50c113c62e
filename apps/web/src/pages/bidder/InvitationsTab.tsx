import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bidderApi, type ReceivedInvitationView } from '../../api/bidder.ts';
import { applyProblemToForm } from '../../api/problem.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { Countdown } from '../portal/Countdown.tsx';

type Decision = 'accept' | 'decline';
const REPLY_COLOURS = { pending: 'processing', accepted: 'success', declined: 'default' } as const;

function ReplyModal({
  invitation,
  decision,
  onClose,
  onDone,
}: {
  invitation: ReceivedInvitationView;
  decision: Decision;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async ({ note }: { note?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await bidderApi.reply(invitation.id, { decision, ...(note?.trim() ? { note: note.trim() } : {}) });
      message.success(t(`bidder.invitations.done.${decision}`));
      onDone();
    } catch (err) {
      if (!applyProblemToForm(t, form, err)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(`bidder.invitations.confirm.${decision}`)}
      okText={t(`bidder.invitations.${decision}`)}
      okButtonProps={{ danger: decision === 'decline', loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p className="confirm-text">{t('bidder.invitations.confirm.text', { title: invitation.title })}</p>
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="note" label={t('bidder.invitations.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Invitations to tender: accept or decline before the reply deadline, on server time. */
export function InvitationsTab({ onPending }: { onPending: (n: number) => void }) {
  const { t } = useTranslation();
  const list = useLoader(() => bidderApi.invitations(), []);
  const [replying, setReplying] = useState<{ invitation: ReceivedInvitationView; decision: Decision }>();
  const pending = (list.data ?? []).filter((i) => i.open && i.reply === 'pending').length;
  useEffect(() => onPending(pending), [pending, onPending]);

  const columns: TableColumnsType<ReceivedInvitationView> = [
    { title: t('bidder.invitations.title'), dataIndex: 'title' },
    {
      title: t('bidder.invitations.sections'),
      dataIndex: 'sections',
      width: 220,
      render: (s: ReceivedInvitationView['sections']) => s.map((x) => x.name).join(t('common.listSeparator')),
    },
    { title: t('bidder.invitations.sentAt'), dataIndex: 'sentAt', width: 150, render: (v: string | null) => formatTime(v) },
    {
      title: t('bidder.invitations.deadline'),
      dataIndex: 'replyDeadline',
      width: 200,
      render: (v: string) => (
        <div>
          <div>{formatTime(v)}</div>
          <Countdown deadline={v} />
        </div>
      ),
    },
    {
      title: t('bidder.invitations.reply'),
      dataIndex: 'reply',
      width: 150,
      render: (r: ReceivedInvitationView['reply'], i) => (
        <div>
          <Tag color={REPLY_COLOURS[r]} data-testid="invitation-reply" data-reply={r}>
            {t(`bidder.invitations.replies.${r}`)}
          </Tag>
          {i.repliedAt && <div className="muted small">{formatTime(i.repliedAt)}</div>}
        </div>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_, i) => {
        // A reply is final (the server refuses a second one); after the deadline nobody replies.
        const reason =
          i.reply !== 'pending'
            ? t('bidder.invitations.replied')
            : i.open
              ? undefined
              : t('bidder.invitations.closed', { time: formatTime(i.replyDeadline) });
        return (
          <Tooltip title={reason}>
            <Space>
              <Button
                size="small"
                type="primary"
                icon={<CheckOutlined />}
                disabled={!!reason}
                onClick={() => setReplying({ invitation: i, decision: 'accept' })}
                data-testid="invitation-accept"
              >
                {t('bidder.invitations.accept')}
              </Button>
              <Button
                size="small"
                danger
                icon={<CloseOutlined />}
                disabled={!!reason}
                onClick={() => setReplying({ invitation: i, decision: 'decline' })}
                data-testid="invitation-decline"
              >
                {t('bidder.invitations.decline')}
              </Button>
            </Space>
          </Tooltip>
        );
      },
    },
  ];

  return (
    <Card className="bidder-card">
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.reload()} />
      ) : (
        <Table<ReceivedInvitationView>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data ?? []}
          columns={columns}
          scroll={{ x: 1100 }}
          pagination={false}
          data-testid="invitations-table"
          expandable={{
            expandedRowRender: (i) => (
              <div>
                {i.replyNote && (
                  <p>
                    {t('bidder.invitations.yourNote')}: {i.replyNote}
                  </p>
                )}
                {/* Sanitised by the server when the invitation was saved. */}
                <div className="notice-body" dangerouslySetInnerHTML={{ __html: i.bodyHtml }} />
              </div>
            ),
          }}
          locale={{ emptyText: t('bidder.invitations.empty') }}
        />
      )}
      {replying && (
        <ReplyModal
          invitation={replying.invitation}
          decision={replying.decision}
          onClose={() => setReplying(undefined)}
          onDone={() => {
            setReplying(undefined);
            void list.reload();
          }}
        />
      )}
    </Card>
  );
}
