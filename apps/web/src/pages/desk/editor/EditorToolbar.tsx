import {
  BoldOutlined,
  DeleteColumnOutlined,
  DeleteOutlined,
  DeleteRowOutlined,
  InsertRowBelowOutlined,
  InsertRowRightOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  RedoOutlined,
  StrikethroughOutlined,
  TableOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { Button, Divider, Input, Modal, Select, Tooltip } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Level = 2 | 3 | 4;

/** Headings, emphasis, lists, links and tables: what a notice needs and the server allows. */
export function EditorToolbar({ editor }: { editor: Editor | null }) {
  const { t } = useTranslation();
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState('');
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? {
            heading: ([2, 3, 4] as Level[]).find((level) => e.isActive('heading', { level })) ?? 0,
            bold: e.isActive('bold'),
            italic: e.isActive('italic'),
            underline: e.isActive('underline'),
            strike: e.isActive('strike'),
            bullet: e.isActive('bulletList'),
            ordered: e.isActive('orderedList'),
            link: e.isActive('link'),
            inTable: e.isActive('table'),
            canUndo: e.can().undo(),
            canRedo: e.can().redo(),
          }
        : null,
  });
  if (!editor || !state) return null;
  const chain = () => editor.chain().focus();

  const button = (key: string, icon: ReactNode, active: boolean, run: () => void, disabled = false) => (
    <Tooltip title={t(`desk.editor.${key}` as never)} key={key}>
      <Button
        size="small"
        type={active ? 'primary' : 'text'}
        icon={icon}
        disabled={disabled}
        aria-label={t(`desk.editor.${key}` as never)}
        data-testid={`editor-${key}`}
        onClick={run}
      />
    </Tooltip>
  );

  const applyLink = () => {
    const url = href.trim();
    if (!url) chain().extendMarkRange('link').unsetLink().run();
    else chain().extendMarkRange('link').setLink({ href: url }).run();
    setLinkOpen(false);
  };

  return (
    <div className="desk-editor-toolbar" role="toolbar">
      <Select<number>
        size="small"
        value={state.heading}
        style={{ width: 110 }}
        data-testid="editor-heading"
        onChange={(level) =>
          level === 0 ? chain().setParagraph().run() : chain().toggleHeading({ level: level as Level }).run()
        }
        options={[
          { value: 0, label: t('desk.editor.paragraph') },
          { value: 2, label: t('desk.editor.heading', { level: 1 }) },
          { value: 3, label: t('desk.editor.heading', { level: 2 }) },
          { value: 4, label: t('desk.editor.heading', { level: 3 }) },
        ]}
      />
      <Divider orientation="vertical" />
      {button('bold', <BoldOutlined />, state.bold, () => chain().toggleBold().run())}
      {button('italic', <ItalicOutlined />, state.italic, () => chain().toggleItalic().run())}
      {button('underline', <UnderlineOutlined />, state.underline, () => chain().toggleUnderline().run())}
      {button('strike', <StrikethroughOutlined />, state.strike, () => chain().toggleStrike().run())}
      <Divider orientation="vertical" />
      {button('bulletList', <UnorderedListOutlined />, state.bullet, () => chain().toggleBulletList().run())}
      {button('orderedList', <OrderedListOutlined />, state.ordered, () => chain().toggleOrderedList().run())}
      {button('link', <LinkOutlined />, state.link, () => {
        setHref((editor.getAttributes('link').href as string | undefined) ?? '');
        setLinkOpen(true);
      })}
      <Divider orientation="vertical" />
      {button('table', <TableOutlined />, false, () => chain().insertTable().run(), state.inTable)}
      {button('addRow', <InsertRowBelowOutlined />, false, () => chain().addRowAfter().run(), !state.inTable)}
      {button('addColumn', <InsertRowRightOutlined />, false, () => chain().addColumnAfter().run(), !state.inTable)}
      {button('deleteRow', <DeleteRowOutlined />, false, () => chain().deleteRow().run(), !state.inTable)}
      {button('deleteColumn', <DeleteColumnOutlined />, false, () => chain().deleteColumn().run(), !state.inTable)}
      {button('deleteTable', <DeleteOutlined />, false, () => chain().deleteTable().run(), !state.inTable)}
      <Divider orientation="vertical" />
      {button('undo', <UndoOutlined />, false, () => chain().undo().run(), !state.canUndo)}
      {button('redo', <RedoOutlined />, false, () => chain().redo().run(), !state.canRedo)}
      <Modal
        open={linkOpen}
        title={t('desk.editor.link')}
        onOk={applyLink}
        onCancel={() => setLinkOpen(false)}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Input
          autoFocus
          value={href}
          placeholder="https://"
          data-testid="editor-link-href"
          onChange={(e) => setHref(e.target.value)}
          onPressEnter={applyLink}
        />
        <div className="muted">{t('desk.editor.linkHint')}</div>
      </Modal>
    </div>
  );
}
