import { DeleteOutlined, InboxOutlined } from '@ant-design/icons';
import { ATTACHMENT_KINDS } from '@bidhall/contracts';
import { Alert, App, Button, Form, Popconfirm, Progress, Select, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi, type AttachmentKind, type AttachmentView, type DocumentView } from '../../../api/documents.ts';
import { DeskProblem } from '../DeskProblem.tsx';

interface InFlight {
  uid: string;
  name: string;
  percent: number;
  failed: boolean;
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

/** attachments (a bill of quantities is required for works) uploaded with progress, deletable in draft. */
export function AttachmentsPanel({ doc, editable, onChanged }: { doc: DocumentView; editable: boolean; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // An imported bill or a bill attachment satisfies A-65.
  const missingBoq = doc.requiresBillOfQuantities && !doc.billOfQuantities && !doc.attachments.some((a) => a.kind === 'billOfQuantities');
  const [kind, setKind] = useState<AttachmentKind>(missingBoq ? 'billOfQuantities' : 'other');
  const [uploads, setUploads] = useState<InFlight[]>([]);
  const [error, setError] = useState<unknown>();

  const upload = async (file: File & { uid: string }) => {
    const entry: InFlight = { uid: file.uid, name: file.name, percent: 0, failed: false };
    setUploads((u) => [...u, entry]);
    const update = (patch: Partial<InFlight>) => setUploads((u) => u.map((x) => (x.uid === file.uid ? { ...x, ...patch } : x)));
    setError(undefined);
    try {
      await documentsApi.upload(doc.id, file, kind, (percent) => update({ percent }));
      setUploads((u) => u.filter((x) => x.uid !== file.uid));
      void message.success(t('desk.attachments.uploaded', { name: file.name }));
      await onChanged();
    } catch (err) {
      update({ failed: true });
      setError(err);
    }
  };
  const remove = async (a: AttachmentView) => {
    setError(undefined);
    try {
      await documentsApi.deleteAttachment(doc.id, a.id);
      await onChanged();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div data-testid="attachments">
      {missingBoq && <Alert type="warning" showIcon className="form-alert" title={t('desk.attachments.boqRequired')} data-testid="boq-missing" />}
      <DeskProblem error={error} testId="attachments-problem" />
      {editable && (
        <>
          <Form.Item label={t('desk.attachments.kind')}>
            <Select<AttachmentKind>
              value={kind}
              onChange={setKind}
              style={{ width: 240 }}
              data-testid="attachment-kind"
              options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`desk.attachments.kinds.${k}`) }))}
            />
          </Form.Item>
          <Upload.Dragger
            multiple
            showUploadList={false}
            customRequest={({ file }) => void upload(file as File & { uid: string })}
            data-testid="attachment-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('desk.attachments.drop')}</p>
          </Upload.Dragger>
          {uploads.map((u) => (
            <div key={u.uid} className="desk-upload-row" data-testid="upload-progress">
              <span>{u.name}</span>
              <Progress percent={u.percent} status={u.failed ? 'exception' : 'active'} size="small" />
            </div>
          ))}
        </>
      )}
      <Table<AttachmentView>
        size="small"
        rowKey="id"
        className="desk-attachments-table"
        dataSource={doc.attachments}
        pagination={false}
        columns={[
          { key: 'name', title: t('desk.attachments.name'), dataIndex: 'name' },
          { key: 'kind', title: t('desk.attachments.kind'), dataIndex: 'kind', render: (k: AttachmentKind) => <Tag color={k === 'billOfQuantities' ? 'blue' : undefined}>{t(`desk.attachments.kinds.${k}`)}</Tag> },
          { key: 'size', title: t('desk.attachments.size'), dataIndex: 'size', render: size },
          { key: 'sm3', title: 'SM3', dataIndex: 'sm3', render: (v: string) => <span className="mono" title={v}>{v.slice(0, 16)}…</span> },
          {
            key: 'x',
            width: 60,
            render: (_, a) =>
              editable && (
                <Popconfirm title={t('desk.attachments.deleteConfirm', { name: a.name })} onConfirm={() => void remove(a)}>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('desk.attachments.delete')} />
                </Popconfirm>
              ),
          },
        ]}
      />
    </div>
  );
}
