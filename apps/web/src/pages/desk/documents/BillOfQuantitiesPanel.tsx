import { InboxOutlined } from '@ant-design/icons';
import { BOQ_MAX_BYTES, type BoqIssue } from '@bidhall/contracts';
import { Alert, App, Descriptions, Empty, Progress, Spin, Table, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { documentsApi, type BillOfQuantitiesView, type DocumentView } from '../../../api/documents.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';
import { formatFen } from '../../projects/money.ts';
import { BoqTables } from './BoqTables.tsx';

/** import the bill of quantities from a costing tool's file; show refusals by path, and the imported bill. */
export function BillOfQuantitiesPanel({ doc, editable, onChanged }: { doc: DocumentView; editable: boolean; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [view, setView] = useState<BillOfQuantitiesView | null>();
  const [progress, setProgress] = useState<{ name: string; percent: number; failed: boolean } | null>(null);
  const [error, setError] = useState<unknown>();

  const load = useCallback(async () => {
    try {
      setView(await documentsApi.billOfQuantities(doc.id));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'BOQ_NOT_FOUND') setView(null);
      else setError(err);
    }
  }, [doc.id]);
  useEffect(() => void load(), [load]);

  const importFile = async (file: File) => {
    setError(undefined);
    setProgress({ name: file.name, percent: 0, failed: false });
    try {
      const summary = await documentsApi.importBillOfQuantities(doc.id, file, (percent) => setProgress((p) => p && { ...p, percent }));
      setProgress(null);
      void message.success(t('desk.boq.imported', { version: summary.version }));
      await load();
      await onChanged();
    } catch (err) {
      setProgress((p) => p && { ...p, failed: true });
      setError(err);
    }
  };

  const issues = error instanceof ApiError && error.code === 'BOQ_INVALID' ? ((error.details.issues ?? []) as BoqIssue[]) : [];
  const s = view?.summary;
  const importable = editable && doc.status === 'draft';

  return (
    <div data-testid="boq-panel">
      <Typography.Paragraph type="secondary">{t('desk.boq.hint')}</Typography.Paragraph>
      {importable && (
        <>
          <Upload.Dragger
            accept=".json,.xml"
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size <= BOQ_MAX_BYTES) return true;
              void message.error(t('desk.boq.tooLarge', { name: file.name, max: BOQ_MAX_BYTES / 1024 / 1024 }));
              return Upload.LIST_IGNORE;
            }}
            customRequest={({ file }) => void importFile(file as File)}
            data-testid="boq-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('desk.boq.drop')}</p>
          </Upload.Dragger>
          {progress && (
            <div className="desk-upload-row" data-testid="boq-progress">
              <span>{progress.name}</span>
              <Progress percent={progress.percent} status={progress.failed ? 'exception' : 'active'} size="small" />
            </div>
          )}
        </>
      )}
      {issues.length > 0 ? (
        <>
          <Alert type="error" showIcon className="form-alert" title={t('desk.boq.refused', { count: Number(error instanceof ApiError ? (error.details.total ?? issues.length) : issues.length) })} />
          <Table<BoqIssue>
            size="small"
            rowKey={(i) => `${i.path}:${i.code}`}
            dataSource={issues}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="boq-issues"
            columns={[
              { key: 'path', title: t('desk.boq.path'), dataIndex: 'path', sorter: (a, b) => a.path.localeCompare(b.path), render: (v: string) => <span className="mono">{v}</span> },
              {
                key: 'code',
                title: t('desk.boq.problem'),
                dataIndex: 'code',
                filters: [...new Set(issues.map((i) => i.code))].map((c) => ({ text: t(`desk.boq.issueCodes.${c}`), value: c })),
                onFilter: (value, i) => i.code === value,
                render: (c: BoqIssue['code'], i) => (
                  <>
                    <Typography.Text strong>{t(`desk.boq.issueCodes.${c}`)}</Typography.Text> <Typography.Text type="secondary">{i.message}</Typography.Text>
                  </>
                ),
              },
            ]}
          />
        </>
      ) : (
        error !== undefined && <ProblemAlert error={error} />
      )}
      {view === undefined && !error && <Spin />}
      {view === null && <Empty description={t('desk.boq.none')} />}
      {view && s && (
        <>
          <Descriptions size="small" bordered column={2} className="boq-summary" data-testid="boq-summary">
            <Descriptions.Item label={t('desk.boq.summary.version')}>{s.version}</Descriptions.Item>
            <Descriptions.Item label={t('desk.boq.summary.file')}>{`${s.sourceName ?? '—'} (${s.sourceEncoding.toUpperCase()})`}</Descriptions.Item>
            <Descriptions.Item label={t('desk.boq.summary.items')} span={2}>
              {t('desk.boq.summary.counts', {
                units: s.counts.units,
                divisions: s.counts.divisions,
                items: s.counts.items,
                measures: s.counts.unitPriceMeasures + s.counts.lumpSumMeasures,
                others: s.counts.otherItems,
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('desk.boq.summary.provisionalSum')}>{formatFen(s.provisionalSumFen)}</Descriptions.Item>
            <Descriptions.Item label={t('desk.boq.summary.importedAt')}>{formatTime(s.importedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('desk.boq.summary.billSm3')} span={2}>
              <Typography.Text className="mono" copyable>
                {s.billSm3}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('desk.boq.summary.sourceSm3')} span={2}>
              <span className="mono">{s.sourceSm3}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('desk.boq.summary.importedBy')} span={2}>
              {s.importedByName}
            </Descriptions.Item>
          </Descriptions>
          <BoqTables bill={view.bill} />
        </>
      )}
    </div>
  );
}
