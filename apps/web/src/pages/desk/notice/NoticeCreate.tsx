import { FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noticesApi, type NoticeType, type NoticeView } from '../../../api/notices.ts';
import { DeskProblem } from '../DeskProblem.tsx';
import { useDesk } from '../deskContext.ts';
import { RichTextEditor } from '../editor/RichTextEditor.tsx';
import { useRemovedMarkupWarning } from '../editor/removedMarkup.ts';
import { NOTICE_TYPES, noticeTypeFits } from './noticeRules.ts';

/** choose the notice type the method allows, generate the standard text, keep it as a draft. */
export function NoticeCreate({ onCreated }: { onCreated: (notice: NoticeView) => void }) {
  const { t } = useTranslation();
  const warnRemoved = useRemovedMarkupWarning();
  const { section } = useDesk();
  const fitting = NOTICE_TYPES.filter((type) => noticeTypeFits(type, section));
  const [type, setType] = useState<NoticeType | undefined>(fitting[0]);
  const [title, setTitle] = useState('');
  const [html, setHtml] = useState<string>();
  const [busy, setBusy] = useState<'generate' | 'create'>();
  const [error, setError] = useState<unknown>();

  const generate = async () => {
    if (!type) return;
    setBusy('generate');
    setError(undefined);
    try {
      const text = await noticesApi.standardText(type, [section.id]);
      setTitle(text.title);
      setHtml(text.bodyHtml);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };
  const create = async () => {
    if (!type) return;
    setBusy('create');
    setError(undefined);
    try {
      const created = await noticesApi.create({ type, sectionIds: [section.id], title: title || undefined, bodyHtml: html || undefined });
      warnRemoved(created);
      onCreated(created);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Card title={t('desk.notice.createTitle')} data-testid="notice-create">
      <Form layout="vertical">
        <Form.Item label={t('desk.notice.type')} extra={t('desk.notice.typeHint', { method: t(`desk.tenderMethod.${section.method}`) })}>
          <Radio.Group
            value={type}
            onChange={(e) => {
              setType(e.target.value as NoticeType);
              setHtml(undefined);
            }}
            data-testid="notice-type"
            options={NOTICE_TYPES.map((value) => ({
              value,
              label: t(`desk.noticeType.${value}`),
              disabled: !noticeTypeFits(value, section),
            }))}
          />
        </Form.Item>
        {fitting.length === 0 && <Empty description={t('desk.notice.noFittingType')} />}
        <DeskProblem error={error} testId="notice-create-problem" />
        {html !== undefined && (
          <>
            <Form.Item label={t('desk.notice.title')}>
              <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} data-testid="notice-title" />
            </Form.Item>
            <Form.Item label={t('desk.notice.body')}>
              <RichTextEditor value={html} onChange={setHtml} testId="notice-editor" />
            </Form.Item>
          </>
        )}
        <Space>
          <Button icon={<FileTextOutlined />} disabled={!type} loading={busy === 'generate'} onClick={() => void generate()} data-testid="notice-generate">
            {t('desk.notice.generate')}
          </Button>
          <Button type="primary" disabled={!type || !section.canManage} loading={busy === 'create'} onClick={() => void create()} data-testid="notice-create-submit">
            {t('desk.notice.createDraft')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
