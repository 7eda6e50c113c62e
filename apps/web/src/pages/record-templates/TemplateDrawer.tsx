import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { RECORD_PLACEHOLDERS, REQUIRED_RECORD_BLOCKS, STANDARD_RECORD_TEMPLATE, unknownPlaceholders, type RecordTemplateContent } from '@bidhall/contracts';
import { App, Button, Col, Drawer, Form, Input, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api/problem.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { recordTemplatesApi, type RecordTemplateRequest, type RecordTemplateView } from '../../api/recordTemplates.ts';
import { RecordPreview } from './RecordPreview.tsx';
import { add, insertPlaceholder, missing, move, remove, type Blocks } from './templateEdit.ts';

type TextField = 'title' | 'preamble' | 'closing';
const LIMITS: Record<TextField, number> = { title: 200, preamble: 2000, closing: 2000 };

/** Creates or edits a template: its texts with placeholders, its parts in order, and a live preview beside them. */
export function TemplateDrawer({ editing, regions, onClose, onSaved }: {
  editing: RecordTemplateView | 'new';
  /** The regions the user administers (null: the whole platform), with their names. */
  regions: { value: string | null; label: string }[];
  onClose: () => void;
  onSaved: (saved: RecordTemplateView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const start = editing === 'new' ? null : editing;
  const [name, setName] = useState(start?.name ?? '');
  const [regionCode, setRegionCode] = useState<string | null>(start?.regionCode ?? regions[0]?.value ?? null);
  const [isDefault, setIsDefault] = useState(start?.isDefault ?? false);
  const [content, setContent] = useState<RecordTemplateContent>(start?.content ?? STANDARD_RECORD_TEMPLATE.content);
  const [focus, setFocus] = useState<{ field: TextField; caret: number }>({ field: 'title', caret: content.title.length });
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<unknown>();

  const setText = (field: TextField, value: string) => setContent((c) => ({ ...c, [field]: field === 'title' ? value : value === '' ? null : value }));
  const setBlocks = (blocks: Blocks) => setContent((c) => ({ ...c, blocks }));
  const unknown = (['title', 'preamble', 'closing'] as const).flatMap((f) => unknownPlaceholders(content[f] ?? ''));
  const invalid = !name.trim() || !content.title.trim() || content.blocks.some((b) => !b.heading.trim()) || unknown.length > 0;

  const insert = (placeholder: string) => {
    const current = content[focus.field] ?? '';
    const next = insertPlaceholder(current, placeholder, focus.caret);
    setText(focus.field, next.text);
    setFocus({ field: focus.field, caret: next.caret });
  };

  const save = async () => {
    const body: RecordTemplateRequest = { name: name.trim(), regionCode, isDefault, content };
    setSaving(true);
    setProblem(undefined);
    try {
      const saved = start ? await recordTemplatesApi.update(start.id, body) : await recordTemplatesApi.create(body);
      message.success(t('recordTemplates.saved'));
      onSaved(saved);
    } catch (err) {
      // The refusal stays in the drawer with its problem code (and the server's words) until the next try.
      setProblem(err);
      message.error(problemMessage(t, err));
    } finally {
      setSaving(false);
    }
  };

  const textArea = (field: TextField, rows: number) => (
    <Input.TextArea
      rows={rows}
      maxLength={LIMITS[field]}
      showCount
      value={content[field] ?? ''}
      onChange={(e) => {
        setText(field, e.target.value);
        setFocus({ field, caret: e.target.selectionStart });
      }}
      onSelect={(e) => setFocus({ field, caret: e.currentTarget.selectionStart })}
      onFocus={(e) => setFocus({ field, caret: e.currentTarget.selectionStart })}
      data-testid={`record-template-${field}`}
    />
  );

  return (
    <Drawer
      open
      width={1100}
      title={t(start ? 'recordTemplates.form.editTitle' : 'recordTemplates.form.createTitle')}
      onClose={onClose}
      data-testid="record-template-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>{t('recordTemplates.form.cancel')}</Button>
          <Button type="primary" loading={saving} disabled={invalid} onClick={() => void save()} data-testid="record-template-save">
            {t('recordTemplates.form.save')}
          </Button>
        </Space>
      }
    >
      <ProblemAlert error={problem} testId="record-template-problem" />
      <Row gutter={24}>
        <Col xs={24} lg={13}>
          <Form layout="vertical" requiredMark>
            <Form.Item label={t('recordTemplates.form.name')} required validateStatus={name.trim() ? undefined : 'error'} help={name.trim() ? undefined : t('recordTemplates.form.nameRequired')}>
              <Input maxLength={80} value={name} onChange={(e) => setName(e.target.value)} data-testid="record-template-name" />
            </Form.Item>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item label={t('recordTemplates.form.region')} required>
                  <Select value={regionCode ?? '__platform'} options={regions.map((r) => ({ value: r.value ?? '__platform', label: r.label }))} onChange={(v: string) => setRegionCode(v === '__platform' ? null : v)} data-testid="record-template-region" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label={t('recordTemplates.form.isDefault')} extra={t('recordTemplates.form.isDefaultHint')}>
                  <Switch checked={isDefault} onChange={setIsDefault} data-testid="record-template-default" />
                </Form.Item>
              </Col>
            </Row>
            <div className="record-template-placeholders">
              <Typography.Text type="secondary" className="small">
                {t('recordTemplates.form.placeholders')}
              </Typography.Text>{' '}
              {RECORD_PLACEHOLDERS.map((p) => (
                <Tag key={p} className="clickable" onClick={() => insert(p)} data-testid="record-template-placeholder" data-name={p}>
                  {t(`recordTemplates.placeholders.${p}`)}
                </Tag>
              ))}
            </div>
            <Form.Item label={t('recordTemplates.form.title')} required validateStatus={content.title.trim() ? undefined : 'error'} help={content.title.trim() ? undefined : t('recordTemplates.form.titleRequired')}>
              {textArea('title', 1)}
            </Form.Item>
            <Form.Item label={t('recordTemplates.form.preamble')}>{textArea('preamble', 3)}</Form.Item>
            <Form.Item label={t('recordTemplates.form.blocks')}>
              <div data-testid="record-template-blocks">
                {content.blocks.map((b, i) => (
                  <Space.Compact key={b.block} block className="record-template-block" data-testid="record-template-block" data-block={b.block}>
                    <Input
                      addonBefore={<Tag color={REQUIRED_RECORD_BLOCKS.includes(b.block) ? 'blue' : 'default'}>{t(REQUIRED_RECORD_BLOCKS.includes(b.block) ? 'recordTemplates.form.required' : 'recordTemplates.form.optional')}</Tag>}
                      maxLength={60}
                      value={b.heading}
                      status={b.heading.trim() ? undefined : 'error'}
                      onChange={(e) => setBlocks(content.blocks.map((x, k) => (k === i ? { ...x, heading: e.target.value } : x)))}
                      data-testid="record-template-heading"
                    />
                    <Button icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => setBlocks(move(content.blocks, i, -1))} aria-label={t('recordTemplates.form.moveUp')} data-testid="record-template-up" />
                    <Button icon={<ArrowDownOutlined />} disabled={i === content.blocks.length - 1} onClick={() => setBlocks(move(content.blocks, i, 1))} aria-label={t('recordTemplates.form.moveDown')} data-testid="record-template-down" />
                    {!REQUIRED_RECORD_BLOCKS.includes(b.block) && <Button icon={<DeleteOutlined />} onClick={() => setBlocks(remove(content.blocks, i))} data-testid="record-template-remove-block" />}
                  </Space.Compact>
                ))}
                {missing(content.blocks).map((b) => (
                  <Button key={b} type="dashed" icon={<PlusOutlined />} onClick={() => setBlocks(add(content.blocks, b, t(`recordTemplates.blocks.${b}`)))} data-testid="record-template-add-block">
                    {t('recordTemplates.form.addBlock', { name: t(`recordTemplates.blocks.${b}`) })}
                  </Button>
                ))}
              </div>
            </Form.Item>
            <Form.Item label={t('recordTemplates.form.closing')}>{textArea('closing', 3)}</Form.Item>
            {unknown.length > 0 && <Typography.Text type="danger">{t('recordTemplates.form.unknownPlaceholder', { names: unknown.join('、') })}</Typography.Text>}
          </Form>
        </Col>
        <Col xs={24} lg={11}>
          <Typography.Title level={5}>{t('recordTemplates.preview.title')}</Typography.Title>
          <RecordPreview content={content} />
        </Col>
      </Row>
    </Drawer>
  );
}
