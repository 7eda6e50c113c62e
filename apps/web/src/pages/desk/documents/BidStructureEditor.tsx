import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { FILE_TYPES, type BidPart, type BidSummaryField } from '@bidhall/contracts';
import { Alert, App, Button, Card, Input, InputNumber, Select, Switch, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi, type DocumentView } from '../../../api/documents.ts';
import { DeskProblem } from '../DeskProblem.tsx';

const DEFAULT_PARTS: BidPart[] = [
  { key: 'commercial', name: '', required: true, fileTypes: ['pdf', 'ofd'], maxSizeMiB: 200 },
  { key: 'technical', name: '', required: true, fileTypes: ['pdf', 'ofd'], maxSizeMiB: 500 },
  { key: 'qualification', name: '', required: true, fileTypes: ['pdf', 'ofd'], maxSizeMiB: 200 },
];
const DEFAULT_FIELDS: BidSummaryField[] = [
  { key: 'price', label: '', type: 'money', required: true, unit: '' },
  { key: 'durationDays', label: '', type: 'integer', required: true, unit: '' },
  { key: 'quality', label: '', type: 'text', required: true },
];

function withLabels<T extends { key: string }>(rows: T[], label: (key: string) => string, field: 'name' | 'label'): T[] {
  return rows.map((r) => ({ ...r, [field]: label(r.key) }));
}

/** the parts of a bid and the bidSummary (开标一览表) fields read out at opening. */
export function BidStructureEditor({ doc, editable, onSaved }: { doc: DocumentView; editable: boolean; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const initialParts = () => (doc.parts.length ? doc.parts : withLabels(DEFAULT_PARTS, (k) => t(`desk.structure.defaults.${k}` as never), 'name'));
  const initialFields = () =>
    doc.bidSummaryFields.length
      ? doc.bidSummaryFields
      : withLabels(DEFAULT_FIELDS, (k) => t(`desk.structure.defaults.${k}` as never), 'label').map((f) =>
          f.key === 'price' ? { ...f, unit: t('desk.structure.yuan') } : f.key === 'durationDays' ? { ...f, unit: t('desk.structure.days') } : f,
        );
  const [parts, setParts] = useState<BidPart[]>(initialParts);
  const [fields, setFields] = useState<BidSummaryField[]>(initialFields);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    setParts(initialParts());
    setFields(initialFields());
  }, [doc.id, doc.updatedAt]);

  const setPart = (i: number, p: Partial<BidPart>) => setParts(parts.map((r, j) => (j === i ? { ...r, ...p } : r)));
  const setField = (i: number, p: Partial<BidSummaryField>) => setFields(fields.map((r, j) => (j === i ? { ...r, ...p } : r)));
  const noPrice = doc.kind === 'tender' && !fields.some((f) => f.key === 'price');

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await documentsApi.saveStructure(doc.id, { parts, bidSummaryFields: fields.map((f) => ({ ...f, unit: f.unit || undefined, options: f.type === 'select' ? f.options : undefined })) });
      void message.success(t('desk.saved'));
      await onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const del = (onClick: () => void) => editable && <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('desk.method.remove')} onClick={onClick} />;

  return (
    <div data-testid="bid-structure">
      <DeskProblem error={error} testId="structure-problem" />
      <Card size="small" title={t('desk.structure.parts')} className="desk-method-card">
        <Table<BidPart>
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={parts}
          columns={[
            { key: 'key', title: t('desk.structure.key'), width: 150, render: (_, r, i) => <Input value={r.key} disabled={!editable} onChange={(e) => setPart(i, { key: e.target.value.trim() })} /> },
            { key: 'name', title: t('desk.structure.name'), render: (_, r, i) => <Input value={r.name} disabled={!editable} onChange={(e) => setPart(i, { name: e.target.value })} /> },
            { key: 'required', title: t('desk.structure.required'), width: 80, render: (_, r, i) => <Switch checked={r.required} disabled={!editable} onChange={(required) => setPart(i, { required })} /> },
            {
              key: 'fileTypes',
              title: t('desk.structure.fileTypes'),
              width: 260,
              render: (_, r, i) => (
                <Select mode="multiple" value={r.fileTypes} disabled={!editable} style={{ width: '100%' }} options={FILE_TYPES.map((f) => ({ value: f, label: f }))} onChange={(fileTypes) => setPart(i, { fileTypes })} />
              ),
            },
            { key: 'size', title: t('desk.structure.maxSize'), width: 120, render: (_, r, i) => <InputNumber value={r.maxSizeMiB} min={1} max={4096} precision={0} disabled={!editable} suffix="MiB" onChange={(v) => setPart(i, { maxSizeMiB: v ?? 1 })} /> },
            { key: 'x', width: 48, render: (_, _r, i) => del(() => setParts(parts.filter((_p, j) => j !== i))) },
          ]}
          footer={editable ? () => <Button type="dashed" icon={<PlusOutlined />} onClick={() => setParts([...parts, { key: `part${parts.length + 1}`, name: '', required: false, fileTypes: ['pdf'], maxSizeMiB: 100 }])}>{t('desk.structure.addPart')}</Button> : undefined}
        />
      </Card>
      <Card size="small" title={t('desk.structure.summary')} className="desk-method-card">
        {noPrice && <Alert type="warning" showIcon className="form-alert" title={t('desk.structure.priceRequired')} />}
        <Table<BidSummaryField>
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={fields}
          columns={[
            { key: 'key', title: t('desk.structure.key'), width: 150, render: (_, r, i) => <Input value={r.key} disabled={!editable || r.key === 'price'} onChange={(e) => setField(i, { key: e.target.value.trim() })} /> },
            { key: 'label', title: t('desk.structure.label'), render: (_, r, i) => <Input value={r.label} disabled={!editable} onChange={(e) => setField(i, { label: e.target.value })} /> },
            {
              key: 'type',
              title: t('desk.structure.type'),
              width: 130,
              render: (_, r, i) => (
                <Select value={r.type} disabled={!editable || r.key === 'price'} style={{ width: '100%' }} options={(['money', 'integer', 'text', 'select'] as const).map((v) => ({ value: v, label: t(`desk.structure.types.${v}`) }))} onChange={(type) => setField(i, { type })} />
              ),
            },
            {
              key: 'options',
              title: t('desk.structure.options'),
              width: 220,
              render: (_, r, i) => r.type === 'select' && <Select mode="tags" value={r.options ?? []} disabled={!editable} style={{ width: '100%' }} onChange={(options) => setField(i, { options })} />,
            },
            { key: 'unit', title: t('desk.structure.unit'), width: 100, render: (_, r, i) => <Input value={r.unit ?? ''} disabled={!editable} onChange={(e) => setField(i, { unit: e.target.value })} /> },
            { key: 'required', title: t('desk.structure.required'), width: 80, render: (_, r, i) => <Switch checked={r.required} disabled={!editable || r.key === 'price'} onChange={(required) => setField(i, { required })} /> },
            { key: 'x', width: 48, render: (_, r, i) => r.key !== 'price' && del(() => setFields(fields.filter((_f, j) => j !== i))) },
          ]}
          footer={editable ? () => <Button type="dashed" icon={<PlusOutlined />} onClick={() => setFields([...fields, { key: `field${fields.length + 1}`, label: '', type: 'text', required: false }])}>{t('desk.structure.addField')}</Button> : undefined}
        />
      </Card>
      {editable && (
        <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void save()} data-testid="structure-save">
          {t('desk.structure.save')}
        </Button>
      )}
    </div>
  );
}
