import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { documentsApi, type DocumentView, type DownloadView } from '../../../api/documents.ts';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { DeskProblem } from '../DeskProblem.tsx';

/** who obtained the document (or a clarification) and when, each with its signed receipt. */
export function DownloadsTable({ doc }: { doc: DocumentView }) {
  const { t } = useTranslation();
  const { data, error, loading } = useLoader(() => documentsApi.downloads(doc.id), [doc.id]);
  return (
    <>
      <DeskProblem error={error} />
      <Table<DownloadView>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data ?? []}
        data-testid="downloads"
        pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { key: 'entity', title: t('desk.downloads.entity'), dataIndex: 'entityName', sorter: (a, b) => a.entityName.localeCompare(b.entityName, 'zh-CN') },
          { key: 'subject', title: t('desk.downloads.subject'), dataIndex: 'subject', render: (s: DownloadView['subject']) => <Tag>{t(`desk.downloads.subjects.${s}`)}</Tag> },
          { key: 'version', title: t('desk.downloads.version'), dataIndex: 'version' },
          {
            key: 'at',
            title: t('desk.downloads.at'),
            dataIndex: 'downloadedAt',
            defaultSortOrder: 'descend',
            sorter: (a, b) => a.downloadedAt.localeCompare(b.downloadedAt),
            render: (v: string) => formatTime(v, true),
          },
          { key: 'sm3', title: t('desk.downloads.sm3'), dataIndex: 'contentSm3', render: (v: string) => <span className="mono" title={v}>{v.slice(0, 16)}…</span> },
          { key: 'log', title: t('desk.downloads.logIndex'), dataIndex: 'logIndex' },
        ]}
      />
    </>
  );
}
