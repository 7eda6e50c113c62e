import { AutoComplete, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, type AuditFilter } from '../../api/admin.ts';
import type { AuditEvent } from '../../api/types.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatTime } from '../../format.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';

const PAGE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TARGET_TYPES = ['marketEntity', 'user', 'certificate'] as const;
type Filter = Omit<AuditFilter, 'limit' | 'beforeId'>;

/** The audit trail, newest first, read in pages of 50 with "load more" (the API pages by id). */
export default function AuditPage() {
  const { t } = useTranslation();
  const { regionName } = useCatalog();
  const [filter, setFilter] = useState<Filter>({});
  const [draft, setDraft] = useState<Filter>({});
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [more, setMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();

  const load = useCallback(
    async (beforeId?: number) => {
      setLoading(true);
      try {
        const page = await adminApi.auditEvents({ ...filter, beforeId, limit: PAGE });
        setEvents((prev) => (beforeId ? [...prev, ...page] : page));
        setMore(page.length === PAGE);
        setError(undefined);
      } catch (err) {
        setError(err);
      } finally {
        setLoading(false);
      }
    },
    [filter],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const actorInvalid = Boolean(draft.actorId && !UUID.test(draft.actorId));
  const apply = () => {
    if (actorInvalid) return;
    setFilter({
      targetType: draft.targetType || undefined,
      targetId: draft.targetId?.trim() || undefined,
      actorId: draft.actorId?.trim() || undefined,
    });
  };

  return (
    <div data-testid="audit">
      <PageHeading title={t('audit.title')} subtitle={t('audit.subtitle')} trail={[{ title: t('audit.title') }]} />
      <div className="container page-body">
        <Card className="queue-card">
          <Space wrap className="queue-filters">
            <AutoComplete
              allowClear
              placeholder={t('audit.targetType')}
              value={draft.targetType}
              onChange={(v: string) => setDraft({ ...draft, targetType: v })}
              options={TARGET_TYPES.map((v) => ({ value: v, label: `${t(`audit.targetTypes.${v}`)} (${v})` }))}
              style={{ width: 220 }}
            />
            <Input
              placeholder={t('audit.targetId')}
              value={draft.targetId}
              onChange={(e) => setDraft({ ...draft, targetId: e.target.value })}
              style={{ width: 300 }}
              allowClear
            />
            <Input
              placeholder={t('audit.actorId')}
              value={draft.actorId}
              status={actorInvalid ? 'error' : undefined}
              onChange={(e) => setDraft({ ...draft, actorId: e.target.value })}
              style={{ width: 300 }}
              allowClear
            />
            <Button type="primary" onClick={apply}>
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                setDraft({});
                setFilter({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
          {error ? (
            <LoadError error={error} onRetry={() => void load()} />
          ) : (
            <>
              <Table<AuditEvent>
                rowKey="id"
                size="small"
                loading={loading}
                dataSource={events}
                pagination={false}
                scroll={{ x: 1300 }}
                expandable={{
                  expandedRowRender: (e) => (
                    <Typography.Paragraph className="mono small audit-details" copyable>
                      {JSON.stringify(e.details, null, 2)}
                    </Typography.Paragraph>
                  ),
                }}
                columns={[
                  { title: '#', dataIndex: 'id', width: 70 },
                  {
                    title: t('audit.occurredAt'),
                    dataIndex: 'occurredAt',
                    width: 170,
                    render: (v: string) => formatTime(v, true),
                  },
                  {
                    title: t('audit.actor'),
                    key: 'actor',
                    width: 200,
                    render: (_, e) =>
                      e.actorLabel ?? t(`audit.actorKinds.${e.actorKind as 'system'}`, { defaultValue: e.actorKind }),
                  },
                  { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <Tag className="mono">{v}</Tag> },
                  {
                    title: t('audit.target'),
                    key: 'target',
                    width: 400,
                    render: (_, e) => <span className="mono small">{`${e.targetType}:${e.targetId}`}</span>,
                  },
                  {
                    title: t('fields.regionCode'),
                    dataIndex: 'regionCode',
                    width: 110,
                    render: (v: string | null) => (v ? regionName(v) : '—'),
                  },
                  { title: t('audit.ip'), dataIndex: 'ip', width: 120, render: (v: string | null) => v ?? '—' },
                ]}
              />
              <div className="load-more">
                {more ? (
                  <Button onClick={() => void load(events.at(-1)?.id)} loading={loading}>
                    {t('audit.loadMore')}
                  </Button>
                ) : (
                  events.length > 0 && <span className="muted">{t('audit.end')}</span>
                )}
              </div>
            </>
          )}
        </Card>
      </div>
    </div>
  );
}
