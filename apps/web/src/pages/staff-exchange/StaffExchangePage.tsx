import { RedoOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api/problem.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatTime } from '../../format.ts';
import { useLoadMore } from '../../hooks/useLoadMore.ts';
import { exchangeApi, type OutboxFilter, type OutboxMessageView, type OutboxStatus } from './exchangeApi.ts';
import { OutboxFilters } from './OutboxFilters.tsx';

const PAGE = 50;
const STATUS_COLORS: Record<OutboxStatus, string> = { pending: 'default', retrying: 'warning', delivered: 'success', failed: 'error' };
const byTime = (a: string | null, b: string | null) => (a ? Date.parse(a) : 0) - (b ? Date.parse(b) : 0);

type Filter = Omit<OutboxFilter, 'limit' | 'cursor'>;

/** 数据交换: the outbox to the public service platform and the designated media, newest first (decision 0010). */
export default function StaffExchangePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const [filter, setFilter] = useState<Filter>({});
  const [retrying, setRetrying] = useState<string>();
  // Auditors read the outbox; only staff and admins send again.
  const canRetry = user?.kind === 'staff' || user?.kind === 'admin';

  const fetchPage = useCallback(
    async (cursor?: string) => {
      const page = await exchangeApi.outbox({ ...filter, limit: PAGE, cursor });
      return { items: page.items, next: page.nextCursor ?? undefined };
    },
    [filter],
  );
  const { items, setItems, loading, error, hasMore, reload, loadMore } = useLoadMore(fetchPage);

  const retry = async (m: OutboxMessageView) => {
    setRetrying(m.id);
    try {
      const after = await exchangeApi.retry(m.id);
      setItems((prev) => prev.map((x) => (x.id === after.id ? after : x)));
      const status = t(`exchange.statuses.${after.status}`);
      if (after.status === 'delivered') message.success(t('exchange.retried', { status }));
      else message.warning(t('exchange.retried', { status }));
    } catch (err) {
      message.error(problemMessage(t, err));
    } finally {
      setRetrying(undefined);
    }
  };

  return (
    <div data-testid="staff-exchange">
      <PageHeading title={t('exchange.title')} subtitle={t('exchange.subtitle')} trail={[{ title: t('exchange.title') }]} />
      <div className="container page-body">
        <Card className="queue-card">
          <OutboxFilters value={filter} onChange={setFilter} />
          {error ? (
            <LoadError error={error} onRetry={() => void reload()} />
          ) : (
            <>
              <Table<OutboxMessageView>
                rowKey="id"
                size="small"
                loading={loading}
                dataSource={items}
                pagination={false}
                scroll={{ x: 1500 }}
                expandable={{
                  expandedRowRender: (m) => (
                    <Typography.Paragraph className="mono small" copyable={{ text: m.contentSm3 }}>
                      {t('exchange.contentSm3')}: {m.contentSm3}
                    </Typography.Paragraph>
                  ),
                }}
                columns={[
                  { title: t('exchange.columns.seq'), dataIndex: 'seq', width: 70, sorter: (a, b) => a.seq - b.seq },
                  {
                    title: t('exchange.columns.kind'),
                    dataIndex: 'kind',
                    width: 150,
                    sorter: (a, b) => a.kind.localeCompare(b.kind),
                    render: (v: string) => (
                      <Tooltip title={<span className="mono">{v}</span>}>{t(`exchange.kinds.${v as 'publication'}`, { defaultValue: v })}</Tooltip>
                    ),
                  },
                  {
                    title: t('exchange.columns.subject'),
                    key: 'subject',
                    width: 300,
                    render: (_, m) => <span className="mono small">{`${m.subjectType}:${m.subjectId}`}</span>,
                  },
                  {
                    title: t('exchange.columns.destination'),
                    dataIndex: 'destination',
                    width: 150,
                    sorter: (a, b) => a.destination.localeCompare(b.destination),
                    render: (v: OutboxMessageView['destination']) => (
                      <Tooltip title={t(`exchange.destinations.${v}`)}>
                        <Tag color={v === 'designatedMedia' ? 'purple' : v === 'supervision' ? 'orange' : 'blue'} data-testid="outbox-row-destination">
                          {t(`exchange.destinationShort.${v}`)}
                        </Tag>
                      </Tooltip>
                    ),
                  },
                  {
                    title: t('exchange.columns.status'),
                    dataIndex: 'status',
                    width: 120,
                    sorter: (a, b) => a.status.localeCompare(b.status),
                    render: (v: OutboxStatus) => <Tag color={STATUS_COLORS[v]}>{t(`exchange.statuses.${v}`)}</Tag>,
                  },
                  { title: t('exchange.columns.attempts'), dataIndex: 'attempts', width: 100, sorter: (a, b) => a.attempts - b.attempts },
                  {
                    title: t('exchange.columns.nextAttemptAt'),
                    dataIndex: 'nextAttemptAt',
                    width: 150,
                    sorter: (a, b) => byTime(a.nextAttemptAt, b.nextAttemptAt),
                    render: (v: string | null) => formatTime(v),
                  },
                  {
                    title: t('exchange.columns.lastError'),
                    dataIndex: 'lastError',
                    width: 220,
                    render: (v: string | null) => (v ? <Typography.Text type="danger" ellipsis={{ tooltip: v }} style={{ maxWidth: 200 }}>{v}</Typography.Text> : '—'),
                  },
                  {
                    title: t('exchange.columns.deliveredAt'),
                    dataIndex: 'deliveredAt',
                    width: 150,
                    sorter: (a, b) => byTime(a.deliveredAt, b.deliveredAt),
                    render: (v: string | null) => formatTime(v),
                  },
                  {
                    title: t('exchange.columns.receipt'),
                    dataIndex: 'receipt',
                    width: 160,
                    render: (v: string | null) => (v ? <Typography.Text className="mono small" copyable ellipsis={{ tooltip: v }} style={{ maxWidth: 140 }}>{v}</Typography.Text> : '—'),
                  },
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 130,
                    fixed: 'right',
                    render: (_, m) =>
                      canRetry && m.status === 'failed' ? (
                        <Popconfirm
                          title={t('exchange.retryConfirm', { destination: t(`exchange.destinationShort.${m.destination}`) })}
                          onConfirm={() => void retry(m)}
                        >
                          <Button size="small" icon={<RedoOutlined />} loading={retrying === m.id} data-testid="outbox-retry">
                            {t('exchange.retry')}
                          </Button>
                        </Popconfirm>
                      ) : null,
                  },
                ]}
              />
              <div className="load-more">
                {hasMore ? (
                  <Button onClick={() => void loadMore()} loading={loading}>
                    {t('exchange.loadMore')}
                  </Button>
                ) : (
                  items.length > 0 && <span className="muted">{t('exchange.end')}</span>
                )}
              </div>
            </>
          )}
        </Card>
      </div>
    </div>
  );
}
