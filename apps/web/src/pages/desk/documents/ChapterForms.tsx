import { SaveOutlined, SyncOutlined } from '@ant-design/icons';
import type { ChapterValues, ChapterView } from '@bidhall/contracts';
import { App, Button, Collapse, DatePicker, Form, Input, InputNumber, Select, Space, Tabs, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi, type DocumentView } from '../../../api/documents.ts';
import { applyProblemToForm } from '../../../api/problem.ts';
import { formatTime } from '../../../format.ts';
import { DeskProblem } from '../DeskProblem.tsx';
import { RichTextEditor } from '../editor/RichTextEditor.tsx';
import { useRemovedMarkupWarning } from '../editor/removedMarkup.ts';

type Field = ChapterView['fields'][number];
type Values = Record<string, Record<string, unknown>>;

const fenToYuan = (fen: string | null) => (fen === null || fen === '' ? null : Number(fen) / 100);
const yuanToFen = (yuan: unknown) => (yuan === null || yuan === undefined || yuan === '' ? null : String(Math.round(Number(yuan) * 100)));

/** Form values from the document (money in yuan, dates as dayjs) and back (every value a string or null). */
function toForm(doc: DocumentView): Values {
  const out: Values = {};
  for (const c of doc.chapters) {
    out[c.key] = {};
    for (const f of c.fields) {
      if (f.fromSection) continue;
      const v = f.value;
      out[c.key]![f.key] = f.type === 'money' ? fenToYuan(v) : f.type === 'number' ? (v === null ? null : Number(v)) : f.type === 'date' ? (v ? dayjs(v) : null) : v;
    }
  }
  return out;
}
function fromForm(doc: DocumentView, values: Values): ChapterValues {
  const out: ChapterValues = {};
  for (const c of doc.chapters) {
    const editable = c.fields.filter((f) => !f.fromSection);
    if (!editable.length) continue;
    out[c.key] = {};
    for (const f of editable) {
      const v = values[c.key]?.[f.key];
      out[c.key]![f.key] =
        f.type === 'money'
          ? yuanToFen(v)
          : f.type === 'date'
            ? v
              ? (v as dayjs.Dayjs).toISOString()
              : null
            : v === undefined || v === null || v === ''
              ? null
              : String(v);
    }
  }
  return out;
}

function FieldInput({ field, disabled }: { field: Field; disabled: boolean }) {
  switch (field.type) {
    case 'number':
      return <InputNumber disabled={disabled} style={{ width: 200 }} />;
    case 'money':
      return <InputNumber disabled={disabled} min={0} precision={2} style={{ width: 240 }} prefix="¥" />;
    case 'date':
      return <DatePicker disabled={disabled} showTime format="YYYY-MM-DD HH:mm" />;
    case 'select':
      return <Select disabled={disabled} allowClear options={(field.options ?? []).map((o) => ({ value: o, label: o }))} style={{ width: 320 }} />;
    case 'richText':
      return <RichHtmlInput disabled={disabled} />;
    case 'text':
      return <Input disabled={disabled} />;
  }
}

function RichHtmlInput({ value, onChange, disabled }: { value?: string | null; onChange?: (v: string) => void; disabled: boolean }) {
  return <RichTextEditor value={value ?? ''} onChange={onChange} editable={!disabled} />;
}

/** A section value as the document shows it (read only, kept equal to the section, A-61, A-69). */
function sectionValue(f: Field): string {
  if (!f.value) return '—';
  if (f.type === 'money') return `¥ ${(Number(f.value) / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`;
  if (f.type === 'date') return formatTime(f.value);
  return f.value;
}

/** each chapter's fields as a form, beside its standard text; section data is read only. */
export function ChapterForms({ doc, editable, onSaved }: { doc: DocumentView; editable: boolean; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const warnRemoved = useRemovedMarkupWarning();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const sync = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await documentsApi.syncSection(doc.id);
      void message.success(t('desk.document.synced'));
      await onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await documentsApi.saveChapters(doc.id, fromForm(doc, form.getFieldsValue(true)));
      if (saved.removedMarkup?.length) warnRemoved(saved);
      else void message.success(t('desk.saved'));
      await onSaved();
    } catch (err) {
      // paths like body/values/<chapter>/<field>
      applyProblemToForm(t, form, err, (s) => (s[0] === 'values' ? s.slice(1) : s));
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={toForm(doc)} data-testid="chapter-forms">
      <DeskProblem error={error} testId="chapters-problem" />
      <Tabs
        tabPlacement="start"
        className="desk-chapters"
        items={doc.chapters.map((c) => ({
          key: c.key,
          label: t('desk.document.chapter', { number: c.number, title: c.title }),
          children: (
            <>
              {c.standardText && (
                <Collapse
                  size="small"
                  className="desk-standard-text"
                  items={[{ key: 'text', label: t('desk.document.standardText'), children: <div className="desk-standard-text-body">{c.standardText}</div> }]}
                />
              )}
              {c.fields.map((f) =>
                f.fromSection ? (
                  <Form.Item
                    key={f.key}
                    label={
                      <Space>
                        {f.label}
                        <Tooltip title={t('desk.document.fromSectionHint')}>
                          <Tag color="blue" data-testid="from-section">
                            {t('desk.document.fromSection')}
                          </Tag>
                        </Tooltip>
                      </Space>
                    }
                  >
                    <Input value={sectionValue(f)} readOnly className="desk-readonly" />
                  </Form.Item>
                ) : (
                  <Form.Item key={f.key} name={[c.key, f.key]} label={f.label} rules={[{ required: f.required }]}>
                    <FieldInput field={f} disabled={!editable} />
                  </Form.Item>
                ),
              )}
            </>
          ),
        }))}
      />
      {editable && (
        <Space>
          <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void save()} data-testid="chapters-save">
            {t('desk.document.saveChapters')}
          </Button>
          <Tooltip title={t('desk.document.syncHint')}>
            <Button icon={<SyncOutlined />} loading={busy} onClick={() => void sync()} data-testid="chapters-sync">
              {t('desk.document.sync')}
            </Button>
          </Tooltip>
        </Space>
      )}
    </Form>
  );
}
