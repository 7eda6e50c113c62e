import { DeleteOutlined, EditOutlined, NotificationOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Popconfirm, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clarificationDeskApi, type ClarificationView, type DeadlineEffect } from '../../../api/documents.ts';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { DeskProblem } from '../DeskProblem.tsx';
import { ClarificationForm } from './ClarificationForm.tsx';
import { DeadlineEffectView } from './DeadlineEffectView.tsx';

const effectOf = (c: ClarificationView): DeadlineEffect | null =>
  c.deadline && { status: c.deadline.status, deadline: c.deadline.previous, newDeadline: c.deadline.status === 'deadlineMoves' ? c.deadline.current : null };

/** A-82…A-86, B-012…B-015: drafts, then issue as 第N次 with the deadline effect shown before and after. */
export function ClarificationsPanel({
  documentId,
  picked,
  onUsed,
  onIssued,
}: {
  documentId: string;
  picked: string[];
  onUsed: () => void;
  onIssued: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useLoader(() => clarificationDeskApi.clarifications(documentId), [documentId]);
  const [editing, setEditing] = useState<ClarificationView | 'new'>();
  const [issuing, setIssuing] = useState<ClarificationView>();
  const [preview, setPreview] = useState<DeadlineEffect>();
  const [issued, setIssued] = useState<ClarificationView>();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>();

  // B-012 before issuing: the server decides, on its clock and working-day calendar, what issuing now does.
  // The server's preview is awaited before the issue can be confirmed (unless it failed: the issue decides then).
  const previewing = Boolean(issuing && !preview && !issued && !actionError);
  const startIssue = async (c: ClarificationView) => {
    setIssuing(c);
    setIssued(undefined);
    setActionError(undefined);
    setPreview(undefined);
    try {
      setPreview(await clarificationDeskApi.effect(c.id));
    } catch (err) {
      setActionError(err);
    }
  };
  const issue = async () => {
    if (!issuing) return;
    setBusy(true);
    setActionError(undefined);
    try {
      const done = await clarificationDeskApi.issue(issuing.id);
      setIssued(done);
      void message.success(t('desk.clarify.issuedAs', { label: done.label ?? '' }));
      await reload();
      onIssued();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (c: ClarificationView) => {
    setActionError(undefined);
    try {
      await clarificationDeskApi.deleteClarification(c.id);
      await reload();
    } catch (err) {
      setActionError(err);
    }
  };

  return (
    <div data-testid="clarifications">
      <DeskProblem error={error ?? (!issuing ? actionError : undefined)} />
      <Space className="desk-actions">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="clarification-new">
          {t('desk.clarify.new')}
        </Button>
        {picked.length > 0 && <Tag color="blue">{t('desk.clarify.questionsPicked', { count: picked.length })}</Tag>}
      </Space>
      <Table<ClarificationView>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data ?? []}
        pagination={false}
        columns={[
          {
            key: 'label',
            title: t('desk.clarify.number'),
            width: 100,
            render: (_, c) => (c.label ? <Tag color="blue">{c.label}</Tag> : <Tag>{t('desk.clarify.draft')}</Tag>),
          },
          { key: 'kind', title: t('desk.clarify.kind'), dataIndex: 'kind', width: 90, render: (k: ClarificationView['kind']) => t(`desk.clarify.kinds.${k}`) },
          { key: 'title', title: t('desk.clarify.title'), dataIndex: 'title' },
          { key: 'questions', title: t('desk.clarify.questionCount'), width: 90, render: (_, c) => c.questionIds.length },
          { key: 'issuedAt', title: t('desk.clarify.issuedAt'), dataIndex: 'issuedAt', width: 150, render: (v: string | null) => formatTime(v) },
          {
            key: 'deadline',
            title: t('desk.clarify.deadlineColumn'),
            width: 220,
            render: (_, c) =>
              c.deadline ? (
                <span data-status={c.deadline.status}>
                  <Tag color={c.deadline.status === 'deadlineMoves' ? 'orange' : 'green'}>{t(`desk.clarify.effect.short.${c.deadline.status}`)}</Tag>
                  {c.deadline.status === 'deadlineMoves' && formatTime(c.deadline.current)}
                </span>
              ) : (
                '—'
              ),
          },
          {
            key: 'x',
            width: 200,
            render: (_, c) =>
              c.status === 'draft' && (
                <Space size="small">
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} />
                  <Popconfirm title={t('desk.clarify.deleteConfirm')} onConfirm={() => void remove(c)}>
                    <Button size="small" danger icon={<DeleteOutlined />} />
                  </Popconfirm>
                  <Button size="small" type="primary" icon={<NotificationOutlined />} onClick={() => void startIssue(c)} data-testid="clarification-issue">
                    {t('desk.clarify.issue')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {editing && (
        <ClarificationForm
          documentId={documentId}
          initial={editing === 'new' ? undefined : editing}
          picked={editing === 'new' ? picked : undefined}
          onClose={() => setEditing(undefined)}
          onSaved={async () => {
            setEditing(undefined);
            if (editing === 'new') onUsed();
            await reload();
          }}
        />
      )}
      <Modal
        open={!!issuing}
        title={issuing && t('desk.clarify.issueTitle', { title: issuing.title })}
        onCancel={() => setIssuing(undefined)}
        footer={
          issued
            ? [<Button key="close" type="primary" onClick={() => setIssuing(undefined)}>{t('common.confirm')}</Button>]
            : [
                <Button key="cancel" onClick={() => setIssuing(undefined)}>
                  {t('common.cancel')}
                </Button>,
                <Button
                  key="issue"
                  type="primary"
                  danger={preview?.status === 'deadlineMoves'}
                  loading={busy}
                  disabled={previewing}
                  onClick={() => void issue()}
                  data-testid="clarification-issue-confirm"
                >
                  {t('desk.clarify.issueConfirm')}
                </Button>,
              ]
        }
        width={640}
        data-testid="issue-modal"
      >
        <Alert type="info" showIcon className="form-alert" title={t('desk.clarify.issueWarning')} />
        {previewing && (
          <div className="muted" data-testid="deadline-effect-loading">
            <Spin size="small" /> {t('desk.clarify.effect.loading')}
          </div>
        )}
        {preview && !issued && <DeadlineEffectView effect={preview} issued={false} />}
        {issued && (
          <>
            <Alert type="success" showIcon className="form-alert" title={t('desk.clarify.issuedAs', { label: issued.label ?? '' })} data-testid="issued-label" />
            {effectOf(issued) && <DeadlineEffectView effect={effectOf(issued)!} issued />}
          </>
        )}
        <DeskProblem error={issuing ? actionError : undefined} testId="issue-problem" />
      </Modal>
    </div>
  );
}
