import { Button, Card, Modal, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { bidderApi, type DownloadView } from '../../api/bidder.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { shortHex } from '../../trust/checks.ts';
import { ReceiptCard } from './ReceiptCard.tsx';

/** What a receipt is for, in words: the document and version, or the clarification. */
export function useReceiptTitle() {
  const { t } = useTranslation();
  return (d: Pick<DownloadView, 'sectionName' | 'subject' | 'version'>) =>
    t(d.subject === 'clarification' ? 'bidder.downloads.clarificationOf' : 'bidder.downloads.documentOf', {
      section: d.sectionName,
      version: d.version,
    });
}

/**
 * 我的下载与回执: every download the entity made, newest first, each with its signed receipt.
 * The server returns the entity's whole list; it is sorted and filtered here.
 */
export function DownloadsTab() {
  const { t } = useTranslation();
  const list = useLoader(() => bidderApi.myDownloads(), []);
  const [open, setOpen] = useState<DownloadView>();
  const titleOf = useReceiptTitle();

  const columns: TableColumnsType<DownloadView> = [
    {
      title: t('bidder.downloads.section'),
      dataIndex: 'sectionName',
      sorter: (a, b) => a.sectionName.localeCompare(b.sectionName, 'zh-CN'),
      render: (name: string, d) => <Link to={`/bidder/sections/${d.sectionId}`}>{name}</Link>,
    },
    {
      title: t('bidder.downloads.subject'),
      dataIndex: 'subject',
      width: 120,
      filters: [
        { text: t('bidder.downloads.subjects.document'), value: 'document' },
        { text: t('bidder.downloads.subjects.clarification'), value: 'clarification' },
      ],
      onFilter: (value, d) => d.subject === value,
      render: (s: DownloadView['subject']) => (
        <Tag color={s === 'clarification' ? 'orange' : 'blue'}>{t(`bidder.downloads.subjects.${s}`)}</Tag>
      ),
    },
    {
      title: t('bidder.receipt.version'),
      dataIndex: 'version',
      width: 80,
      render: (v: number) => t('bidder.receipt.versionN', { n: v }),
    },
    {
      title: t('bidder.receipt.sm3'),
      dataIndex: 'contentSm3',
      width: 190,
      render: (v: string) => <span className="mono">{shortHex(v)}</span>,
    },
    {
      title: t('bidder.receipt.time'),
      dataIndex: 'downloadedAt',
      width: 170,
      defaultSortOrder: 'descend',
      sorter: (a, b) => Date.parse(a.downloadedAt) - Date.parse(b.downloadedAt),
      render: (v: string) => formatTime(v, true),
    },
    {
      title: t('bidder.receipt.logIndex'),
      dataIndex: 'logIndex',
      width: 90,
      render: (v: number) => <span className="mono">{v}</span>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, d) => (
        <Button size="small" onClick={() => setOpen(d)} data-testid="downloads-receipt">
          {t('bidder.downloads.receipt')}
        </Button>
      ),
    },
  ];

  return (
    <Card className="bidder-card">
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.reload()} />
      ) : (
        <Table<DownloadView>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data ?? []}
          columns={columns}
          scroll={{ x: 980 }}
          data-testid="downloads-table"
          pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
        />
      )}
      <Modal
        open={!!open}
        onCancel={() => setOpen(undefined)}
        footer={null}
        width={760}
        title={t('bidder.receipt.title')}
        destroyOnHidden
      >
        {open && <ReceiptCard receipt={open.receipt} title={titleOf(open)} />}
      </Modal>
    </Card>
  );
}
