import StarterKit from '@tiptap/starter-kit';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import { EditorToolbar } from './EditorToolbar.tsx';
import { Table, TableCell, TableHeader, TableRow } from './tableNodes.ts';

interface Props {
  value: string;
  onChange?: (html: string) => void;
  editable?: boolean;
  testId?: string;
}

/**
 * The notice and clarification editor (tiptap). Links are http(s) only and never open on click; the
 * server checks the HTML again and refuses anything unsafe (NOTICE_HTML_UNSAFE).
 */
export function RichTextEditor({ value, onChange, editable = true, testId }: Props) {
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        link: { openOnClick: false, autolink: true, protocols: [], defaultProtocol: 'https' },
      }),
      Table,
      TableRow,
      TableHeader,
      TableCell,
    ],
    content: value,
    editable,
    onUpdate: ({ editor: e }) => onChange?.(e.getHTML()),
  });

  // A value from outside (the regenerated standard text, another draft) replaces the content.
  useEffect(() => {
    if (editor && value !== editor.getHTML()) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  return (
    <div className={`desk-editor${editable ? '' : ' desk-editor-readonly'}`} data-testid={testId}>
      {editable && <EditorToolbar editor={editor} />}
      <EditorContent editor={editor} className="desk-editor-content notice-html" />
    </div>
  );
}
