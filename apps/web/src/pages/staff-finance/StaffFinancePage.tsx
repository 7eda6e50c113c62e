import { InboxOutlined, LockOutlined } from '@ant-design/icons';
import { STATEMENT_MAX_BYTES } from '@bidhall/contracts';
import { Alert, App, Button, Card, Progress, Segmented, Select, Space, Table, Tabs, Tag, Tooltip, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { problemMessage } from '../../api/problem.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatTime } from '../../format.ts';
import { formatFen } from '../projects/money.ts';
import { BondRefundsPanel } from './BondRefundsPanel.tsx';
import { FeesPanel } from './FeesPanel.tsx';
import { GuaranteeApplicationsPanel } from './GuaranteeApplicationsPanel.tsx';
import { financeApi, LINE_STATUSES, type LineStatus, type StatementImportView, type StatementIssue, type StatementLineView } from './financeApi.ts';

const STATUS_COLORS: Record<LineStatus, string> = { matched: 'success', unmatched: 'warning', debit: 'default' };
const cmpFen = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);

/**
 * 保证金: bank statement import (with progress), the import history, and the reconciled lines (issue 10 §4);
 * and the bond refunds with task 10's figure (decision 0033), in the 保证金退还 tab.
 */
export default function StaffFinancePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'refunds' ? 'refunds' : params.get('tab') === 'guarantees' ? 'guarantees' : params.get('tab') === 'fees' ? 'fees' : 'statements';
  const { message } = App.useApp();
  const { user } = useSession();
  const canImport = user?.kind === 'staff';
  const [imports, setImports] = useState<StatementImportView[]>([]);
  const [lines, setLines] = useState<StatementLineView[]>([]);
  const [importId, setImportId] = useState<string>();
  const [status, setStatus] = useState<LineStatus | 'all'>('all');
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [progress, setProgress] = useState<{ name: string; percent: number; failed?: boolean }>();
  const [issues, setIssues] = useState<StatementIssue[]>([]);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [i, l] = await Promise.all([financeApi.imports(), financeApi.lines({ importId, status: status === 'all' ? undefined : status, limit: 1000 })]);
      setImports(i);
      setLines(l);
      setError(undefined);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, [importId, status]);
  useEffect(() => void load(), [load]);

  const importFile = async (file: File) => {
    setIssues([]);
    setProgress({ name: file.name, percent: 0 });
    try {
      const done = await financeApi.importStatement(file, (percent) => setProgress({ name: file.name, percent }));
      setProgress({ name: file.name, percent: 100 });
      message.success(t('finance.import.done', { lines: done.lineCount, stored: done.storedCount, duplicates: done.duplicateCount, matched: done.matchedCount }));
      setImportId(done.id);
      await load();
    } catch (err) {
      setProgress((p) => p && { ...p, failed: true });
      if (err instanceof ApiError && err.code === 'STATEMENT_INVALID') setIssues((err.details.issues ?? []) as StatementIssue[]);
      message.error(problemMessage(t, err));
    }
  };

  return (
    <div data-testid="staff-finance">
      <PageHeading title={t('finance.title')} subtitle={t('finance.subtitle')} trail={[{ title: t('finance.title') }]} />
      <div className="container page-body">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'refunds' || key === 'guarantees' || key === 'fees' ? { tab: key } : {})}
          items={[
            { key: 'statements', label: t('finance.tabs.statements') },
            { key: 'refunds', label: <span data-testid="finance-tab-refunds">{t('finance.tabs.refunds')}</span> },
            { key: 'guarantees', label: <span data-testid="finance-tab-guarantees">{t('guarantees.staff.tab')}</span> },
            { key: 'fees', label: <span data-testid="finance-tab-fees">{t('fees.staff.tab')}</span> },
          ]}
        />
        {tab === 'refunds' && <BondRefundsPanel />}
        {tab === 'guarantees' && <GuaranteeApplicationsPanel />}
        {tab === 'fees' && <FeesPanel />}
        {/* The statements stay mounted (and keep their state) while the refunds tab is shown. */}
        <Space direction="vertical" size="large" style={{ width: '100%', display: tab !== 'statements' ? 'none' : undefined }}>
          <Card title={t('finance.import.title')}>
            {canImport ? (
              <>
                <Upload.Dragger
                  accept=".csv,.xml,text/csv,application/xml,text/xml"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    if (file.size <= STATEMENT_MAX_BYTES) return true;
                    void message.error(t('finance.import.tooLarge', { name: file.name, max: STATEMENT_MAX_BYTES / 1024 / 1024 }));
                    return Upload.LIST_IGNORE;
                  }}
                  customRequest={({ file }) => void importFile(file as File)}
                  data-testid="statement-upload"
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">{t('finance.import.drop')}</p>
                </Upload.Dragger>
                {progress && (
                  <div className="desk-upload-row" data-testid="statement-progress">
                    <span>{progress.name}</span>
                    <Progress percent={progress.percent} status={progress.failed ? 'exception' : progress.percent === 100 ? 'success' : 'active'} size="small" />
                  </div>
                )}
                {issues.length > 0 && (
                  <Alert
                    type="error"
                    showIcon
                    style={{ marginTop: 12 }}
                    message={t('finance.import.invalid')}
                    description={
                      <Table<StatementIssue>
                        size="small"
                        rowKey={(r) => `${r.where}/${r.field}/${r.message}`}
                        dataSource={issues}
                        pagination={false}
                        columns={[
                          { title: t('finance.import.where'), dataIndex: 'where', width: 260, render: (v: string) => <span className="mono small">{v}</span> },
                          { title: t('finance.import.field'), dataIndex: 'field', width: 140, render: (v: string) => <span className="mono small">{v}</span> },
                          { title: t('finance.import.message'), dataIndex: 'message' },
                        ]}
                        data-testid="statement-issues"
                      />
                    }
                  />
                )}
              </>
            ) : (
              <Typography.Text type="secondary">{t('finance.import.readOnly')}</Typography.Text>
            )}
          </Card>

          {error ? (
            <LoadError error={error} onRetry={() => void load()} />
          ) : (
            <>
              <Card title={t('finance.imports.title')}>
                <Table<StatementImportView>
                  rowKey="id"
                  size="small"
                  loading={loading}
                  dataSource={imports}
                  locale={{ emptyText: t('finance.imports.empty') }}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  rowClassName={(r) => (r.id === importId ? 'ant-table-row-selected' : '')}
                  columns={[
                    { title: t('finance.imports.importedAt'), dataIndex: 'importedAt', width: 160, sorter: (a, b) => a.importedAt.localeCompare(b.importedAt), render: (v: string) => formatTime(v, true) },
                    { title: t('finance.imports.fileName'), dataIndex: 'fileName', render: (v: string | null, r) => <Tooltip title={<span className="mono">SM3 {r.fileSm3}</span>}>{v ?? '—'}</Tooltip> },
                    { title: t('finance.imports.format'), dataIndex: 'format', width: 100, render: (v: string) => <Tag>{v === 'camt053' ? 'camt.053' : 'CSV'}</Tag> },
                    { title: t('finance.imports.lines'), dataIndex: 'lineCount', width: 80, sorter: (a, b) => a.lineCount - b.lineCount },
                    { title: t('finance.imports.stored'), dataIndex: 'storedCount', width: 80 },
                    { title: t('finance.imports.duplicates'), dataIndex: 'duplicateCount', width: 80 },
                    { title: t('finance.imports.matched'), dataIndex: 'matchedCount', width: 80 },
                    {
                      title: '',
                      key: 'show',
                      width: 110,
                      render: (_, r) => (
                        <Button size="small" type="link" onClick={() => setImportId(r.id)}>
                          {t('finance.imports.showLines')}
                        </Button>
                      ),
                    },
                  ]}
                  data-testid="statement-imports"
                />
              </Card>

              <Card
                title={t('finance.lines.title')}
                extra={
                  <Space wrap>
                    <Select
                      style={{ minWidth: 240 }}
                      value={importId ?? ''}
                      onChange={(v) => setImportId(v || undefined)}
                      options={[{ value: '', label: t('finance.lines.allImports') }, ...imports.map((i) => ({ value: i.id, label: `${formatTime(i.importedAt)} ${i.fileName ?? ''}` }))]}
                      aria-label={t('finance.lines.importFilter')}
                    />
                    <Segmented<LineStatus | 'all'>
                      value={status}
                      onChange={setStatus}
                      options={[{ value: 'all', label: t('finance.lines.all') }, ...LINE_STATUSES.map((s) => ({ value: s, label: t(`finance.statuses.${s}`) }))]}
                    />
                  </Space>
                }
              >
                <Table<StatementLineView>
                  rowKey="id"
                  size="small"
                  loading={loading}
                  dataSource={lines}
                  scroll={{ x: 1400 }}
                  pagination={{ pageSize: 50, hideOnSinglePage: true }}
                  columns={[
                    { title: t('finance.lines.bookedAt'), dataIndex: 'bookedAt', width: 160, sorter: (a, b) => a.bookedAt.localeCompare(b.bookedAt), defaultSortOrder: 'descend', render: (v: string) => formatTime(v, true) },
                    {
                      title: t('finance.lines.amount'),
                      dataIndex: 'amountFen',
                      width: 140,
                      align: 'right',
                      sorter: (a, b) => cmpFen(a.amountFen, b.amountFen),
                      render: (v: string, r) => <span className="mono">{`${r.direction === 'debit' ? '-' : ''}${formatFen(v)}`}</span>,
                    },
                    {
                      title: t('finance.lines.status'),
                      dataIndex: 'status',
                      width: 110,
                      filters: LINE_STATUSES.map((s) => ({ text: t(`finance.statuses.${s}`), value: s })),
                      onFilter: (v, r) => r.status === v,
                      render: (v: LineStatus) => <Tag color={STATUS_COLORS[v]}>{t(`finance.statuses.${v}`)}</Tag>,
                    },
                    {
                      title: t('finance.lines.payer'),
                      dataIndex: 'payerName',
                      width: 220,
                      sorter: (a, b) => (a.payerName ?? '').localeCompare(b.payerName ?? ''),
                      render: (v: string | null, r) =>
                        r.sealed ? (
                          <Tooltip title={t('finance.lines.sealedHint')}>
                            <Tag icon={<LockOutlined />} data-testid="line-sealed">
                              {t('finance.lines.sealed')}
                            </Tag>
                          </Tooltip>
                        ) : (
                          (v ?? '—')
                        ),
                    },
                    { title: t('finance.lines.payerAccount'), dataIndex: 'payerAccount', width: 180, render: (v: string | null) => <span className="mono small">{v ?? '—'}</span> },
                    { title: t('finance.lines.payeeAccount'), dataIndex: 'payeeAccount', width: 190, render: (v: string | null) => <span className="mono small">{v ?? '—'}</span> },
                    {
                      title: t('finance.lines.reconciledTo'),
                      dataIndex: 'reconciledTo',
                      width: 240,
                      render: (v: StatementLineView['reconciledTo']) => (v ? <span>{v.entityName ?? v.entityId}<br /><span className="mono small muted">{v.sectionId}</span></span> : '—'),
                    },
                    { title: t('finance.lines.voucherNo'), dataIndex: 'voucherNo', width: 180, render: (v: string | null) => <span className="mono small">{v ?? '—'}</span> },
                    { title: t('finance.lines.bankSerial'), dataIndex: 'bankSerial', width: 200, render: (v: string) => <Typography.Text className="mono small" copyable>{v}</Typography.Text> },
                  ]}
                  data-testid="statement-lines"
                />
              </Card>
            </>
          )}
        </Space>
      </div>
    </div>
  );
}
