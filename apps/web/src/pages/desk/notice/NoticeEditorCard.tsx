import { DeleteOutlined, EyeOutlined, ReloadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noticesApi, type NoticeDetail } from '../../../api/notices.ts';
import { formatTime } from '../../../format.ts';
import { DeskProblem } from '../DeskProblem.tsx';
import { useDesk } from '../deskContext.ts';
import { RichTextEditor } from '../editor/RichTextEditor.tsx';
import { useRemovedMarkupWarning } from '../editor/removedMarkup.ts';
import { NoticeStatusTag } from '../tags.tsx';

type Busy = 'save' | 'regenerate' | 'submit' | 'delete';

/** Edit the draft in the rich text editor, preview, submit; the server refuses unsafe HTML by name. */
export function NoticeEditorCard({ notice, onChanged }: { notice: NoticeDetail; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { section } = useDesk();
  const warnRemoved = useRemovedMarkupWarning();
  const [title, setTitle] = useState(notice.title);
  const [html, setHtml] = useState(notice.bodyHtml);
  const [preview, setPreview] = useState(false);
  const [busy, setBusy] = useState<Busy>();
  const [error, setError] = useState<unknown>();
  const editable = notice.status === 'draft' && section.canManage;
  const dirty = title !== notice.title || html !== notice.bodyHtml;

  useEffect(() => {
    setTitle(notice.title);
    setHtml(notice.bodyHtml);
  }, [notice.title, notice.bodyHtml]);

  const run = async (what: Busy, action: () => Promise<unknown>, done?: string) => {
    setBusy(what);
    setError(undefined);
    try {
      await action();
      if (done) void message.success(done);
      await onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };
  const save = async () => warnRemoved(await noticesApi.update(notice.id, { title, bodyHtml: html }));

  return (
    <Card
      title={
        <Space>
          {t(`desk.noticeType.${notice.type}`)}
          <NoticeStatusTag status={notice.status} />
        </Space>
      }
      extra={
        <Button icon={<EyeOutlined />} onClick={() => setPreview(true)} data-testid="notice-preview">
          {t('desk.notice.preview')}
        </Button>
      }
      data-testid="notice-editor-card"
    >
      <DeskProblem error={error} testId="notice-problem" />
      <Typography.Text strong>{t('desk.notice.title')}</Typography.Text>
      <Input
        className="desk-title-input"
        value={title}
        disabled={!editable}
        onChange={(e) => setTitle(e.target.value)}
        maxLength={200}
        data-testid="notice-title"
      />
      <RichTextEditor value={html} onChange={setHtml} editable={editable} testId="notice-editor" />
      {editable && (
        <Space wrap className="desk-actions">
          <Button icon={<SaveOutlined />} disabled={!dirty} loading={busy === 'save'} onClick={() => void run('save', save, t('desk.saved'))} data-testid="notice-save">
            {t('common.save')}
          </Button>
          <Popconfirm title={t('desk.notice.regenerateConfirm')} onConfirm={() => void run('regenerate', () => noticesApi.regenerate(notice.id))}>
            <Button icon={<ReloadOutlined />} loading={busy === 'regenerate'} data-testid="notice-regenerate">
              {t('desk.notice.regenerate')}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={t(notice.draftedBy === 'agency' ? 'desk.notice.submitToTenderer' : 'desk.notice.submitToPlatform')}
            onConfirm={() =>
              void run('submit', async () => {
                if (dirty) await save();
                await noticesApi.submit(notice.id);
              }, t('desk.notice.submitted'))
            }
          >
            <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} data-testid="notice-submit">
              {t('desk.notice.submit')}
            </Button>
          </Popconfirm>
          <Popconfirm title={t('desk.notice.deleteConfirm')} onConfirm={() => void run('delete', () => noticesApi.remove(notice.id))}>
            <Button danger icon={<DeleteOutlined />} loading={busy === 'delete'}>
              {t('desk.notice.delete')}
            </Button>
          </Popconfirm>
        </Space>
      )}
      {notice.status === 'published' && (
        <Descriptions
          size="small"
          column={1}
          className="desk-published"
          items={[
            { key: 'at', label: t('desk.notice.publishedAt'), children: formatTime(notice.publishedAt, true) },
            { key: 'sm3', label: t('desk.notice.contentSm3'), children: <span className="mono">{notice.contentSm3}</span> },
            { key: 'log', label: t('desk.notice.logIndex'), children: notice.logIndex ?? '—' },
          ]}
        />
      )}
      <Modal open={preview} width={880} footer={null} onCancel={() => setPreview(false)} title={title} destroyOnHidden>
        <div className="desk-preview" data-testid="notice-preview-body">
          <RichTextEditor value={html} editable={false} />
        </div>
      </Modal>
    </Card>
  );
}
