import { SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Popconfirm, Row, Spin, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InviteeView } from '@bidhall/contracts';
import { invitationsApi, type InvitationDetail } from '../../../api/notices.ts';
import { LoadError } from '../../../components/LoadError.tsx';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { DeskProblem } from '../DeskProblem.tsx';
import { useDesk } from '../deskContext.ts';
import { HistoryTimeline } from '../HistoryTimeline.tsx';
import { RichTextEditor } from '../editor/RichTextEditor.tsx';
import { InvitationStatusTag } from '../tags.tsx';
import { InvitationCreate } from './InvitationCreate.tsx';
import { InvitationDrawCard } from './InvitationDrawCard.tsx';

async function currentInvitation(sectionId: string, round: number): Promise<InvitationDetail | null> {
  const { items } = await invitationsApi.mine();
  const mine = items
    .filter((i) => i.status !== 'withdrawn' && i.sections.some((s) => s.id === sectionId && s.round === round))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return mine[0] ? invitationsApi.get(mine[0].id) : null;
}

const REPLY_COLOURS = { pending: 'default', accepted: 'success', declined: 'error' } as const;

/** 投标邀请书 (A-55…A-58): invitees, reply deadline, their accept/decline replies. */
export default function InvitationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { section, isTenderer } = useDesk();
  const { data: invitation, error, loading, reload } = useLoader(() => currentInvitation(section.id, section.round), [section.id, section.round]);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>();

  if (error) return <LoadError error={error} onRetry={() => void reload()} />;
  if (loading && invitation === undefined) return <Spin />;
  if (!invitation) return <InvitationCreate onCreated={reload} />;

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await action();
      void message.success(t('desk.saved'));
      await reload();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={[16, 16]} data-testid="invitation-page">
      <Col xs={24} xl={17}>
        {invitation.draw && (
          <InvitationDrawCard
            invitation={invitation}
            canDraw={section.canManage && invitation.status === 'draft'}
            busy={busy}
            onDraw={() => void act(() => invitationsApi.draw(invitation.id))}
          />
        )}
        <Card title={invitation.title} extra={<InvitationStatusTag status={invitation.status} />}>
          <DeskProblem error={actionError} testId="invitation-problem" />
          <Row gutter={16} className="desk-stats">
            <Col span={6}>
              <Statistic title={t('desk.invitation.replyDeadline')} value={formatTime(invitation.replyDeadline)} />
            </Col>
            <Col span={6}>
              <Statistic title={t('desk.invitation.reply.accepted')} value={invitation.replies.accepted} />
            </Col>
            <Col span={6}>
              <Statistic title={t('desk.invitation.reply.declined')} value={invitation.replies.declined} />
            </Col>
            <Col span={6}>
              <Statistic title={t('desk.invitation.reply.pending')} value={invitation.replies.pending} />
            </Col>
          </Row>
          <Table<InviteeView>
            size="small"
            rowKey="entityId"
            dataSource={invitation.invitees}
            pagination={false}
            data-testid="invitees"
            columns={[
              { key: 'name', title: t('desk.invitation.bidderName'), dataIndex: 'name' },
              { key: 'creditCode', title: t('desk.invitation.creditCode'), dataIndex: 'creditCode', render: (v: string) => <span className="mono">{v}</span> },
              {
                key: 'reply',
                title: t('desk.invitation.replyColumn'),
                dataIndex: 'reply',
                render: (reply: InviteeView['reply']) => <Tag color={REPLY_COLOURS[reply]}>{t(`desk.invitation.reply.${reply}`)}</Tag>,
              },
              { key: 'repliedAt', title: t('desk.invitation.repliedAt'), dataIndex: 'repliedAt', render: (v: string | null) => formatTime(v) },
              { key: 'note', title: t('desk.invitation.note'), dataIndex: 'replyNote', render: (v: string | null) => v ?? '—' },
            ]}
          />
          <div className="desk-invitation-body">
            <RichTextEditor value={invitation.bodyHtml} editable={false} />
          </div>
          {section.canManage && invitation.status === 'draft' && (
            <Popconfirm title={t('desk.notice.submitToPlatform')} onConfirm={() => void act(() => invitationsApi.submit(invitation.id))}>
              <Button type="primary" icon={<SendOutlined />} loading={busy} data-testid="invitation-submit">
                {t('desk.notice.submit')}
              </Button>
            </Popconfirm>
          )}
          {isTenderer && invitation.status === 'pendingReview' && (
            <Button type="primary" loading={busy} onClick={() => void act(() => invitationsApi.review(invitation.id, { decision: 'approve' }))}>
              {t('desk.review.approve')}
            </Button>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={7}>
        <Card size="small" title={t('desk.history.title')}>
          <Descriptions size="small" column={1} items={[{ key: 'sent', label: t('desk.invitation.sentAt'), children: formatTime(invitation.sentAt, true) }]} />
          <HistoryTimeline history={invitation.history} />
        </Card>
      </Col>
    </Row>
  );
}
