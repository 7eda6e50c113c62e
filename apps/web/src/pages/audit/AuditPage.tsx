import { AutoComplete, Button, Card, DatePicker, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, type AuditFilter } from '../../api/admin.ts';
import type { AuditEventView } from '../../api/types.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatBeijing, formatTime } from '../../format.ts';
import { AccountLabel, useAccountNames } from '../../hooks/useAccountNames.tsx';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLoadMore } from '../../hooks/useLoadMore.ts';
import { useServerClock } from '../../hooks/useServerClock.tsx';
import { AuditCheckButton } from './AuditCheck.tsx';

const PAGE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TARGET_TYPES = ['marketEntity', 'user', 'certificate', 'holidayYear'] as const;
/** Action families the server records (`<module>.<thing>.<event>`); the API matches by prefix. */
const ACTION_FAMILIES = [
  'identity',
  'identity.entity',
  'identity.change',
  'identity.login',
  'identity.totp',
  'identity.logout',
  'identity.user',
  'identity.grant',
  'identity.certificate',
  'catalog',
] as const;
type Period = [Dayjs, Dayjs];
type Filter = Omit<AuditFilter, 'limit' | 'beforeId' | 'from' | 'to'> & { period?: Period };

/** A day as picked (a calendar date) taken as a Beijing day: midnight there, with its offset. */
const beijingMidnight = (day: Dayjs) => `${day.format('YYYY-MM-DD')}T00:00:00+08:00`;

/** The picked days as the API's half-open interval [first day 00:00, day after the last 00:00) in Beijing. */
function periodQuery(period: Period | undefined): Pick<AuditFilter, 'from' | 'to'> {
  if (!period) return {};
  return { from: beijingMidnight(period[0]), to: beijingMidnight(period[1].add(1, 'day')) };
}

/** The audit trail, newest first, read in pages of 50 with "load more" (the API pages by id). */
export default function AuditPage() {
  const { t } = useTranslation();
  const { regionName } = useCatalog();
  const clock = useServerClock();
  const [filter, setFilter] = useState<Filter>({});
  const [draft, setDraft] = useState<Filter>({});
  const fetchPage = useCallback(
    async (beforeId?: number) => {
      const { period, ...rest } = filter;
      const page = await adminApi.auditEvents({ ...rest, ...periodQuery(period), beforeId, limit: PAGE });
      // The API pages by id: a full page may have more behind it.
      return { items: page, next: page.length === PAGE ? page.at(-1)?.id : undefined };
    },
    [filter],
  );
  const { items: events, loading, error, hasMore, reload, loadMore } = useLoadMore(fetchPage);

  const accounts = useAccountNames(events.map((e) => e.actorId));
  // Today as the server has it, in Beijing: the pickers' presets and their last selectable day.
  const today = dayjs(formatBeijing(clock.now()).slice(0, 10));

  const actorInvalid = Boolean(draft.actorId && !UUID.test(draft.actorId.trim()));
  const apply = () => {
    if (actorInvalid) return;
    setFilter({
      targetType: draft.targetType || undefined,
      targetId: draft.targetId?.trim() || undefined,
      actorId: draft.actorId?.trim() || undefined,
      action: draft.action || undefined,
      period: draft.period,
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
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('audit.actionFamily')}
              value={draft.action}
              onChange={(v?: string) => setDraft({ ...draft, action: v })}
              options={ACTION_FAMILIES.map((f) => ({
                value: f,
                label: `${t(`audit.families.${f.replace('.', '_') as 'identity'}`)} (${f})`,
              }))}
              style={{ width: 300 }}
              data-testid="audit-action"
            />
            <DatePicker.RangePicker
              allowClear
              value={draft.period ?? null}
              onChange={(v) => setDraft({ ...draft, period: v?.[0] && v[1] ? [v[0], v[1]] : undefined })}
              placeholder={[t('audit.periodFrom'), t('audit.periodTo')]}
              disabledDate={(d) => d.isAfter(today, 'day')}
              presets={[
                { label: t('audit.presets.today'), value: [today, today] },
                { label: t('audit.presets.week'), value: [today.subtract(6, 'day'), today] },
                { label: t('audit.presets.month'), value: [today.subtract(29, 'day'), today] },
              ]}
              title={t('audit.periodHint')}
              data-testid="audit-period"
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
            <LoadError error={error} onRetry={() => void reload()} />
          ) : (
            <>
              <Table<AuditEventView>
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
                    width: 220,
                    render: (_, e) => {
                      const kind = t(`audit.actorKinds.${e.actorKind as 'system'}`, { defaultValue: e.actorKind });
                      if (!e.actorId) return e.actorKind === 'system' ? kind : (e.actorLabel ?? kind);
                      // The recorded label (username and kind at the time) until the name is known, then both.
                      if (!accounts(e.actorId) && e.actorLabel) {
                        return (
                          <Tooltip title={<span className="mono small">{e.actorId}</span>}>
                            <span>{e.actorLabel}</span>
                          </Tooltip>
                        );
                      }
                      return (
                        <div className="audit-actor" data-testid="audit-actor">
                          <AccountLabel id={e.actorId} lookup={accounts} />
                          {e.actorLabel && <div className="muted small">{e.actorLabel}</div>}
                        </div>
                      );
                    },
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
                  // Against the public log, in the browser (decision 0014).
                  { title: t('audit.check.column'), key: 'check', width: 100, fixed: 'right', render: (_, e) => <AuditCheckButton row={e} /> },
                ]}
              />
              <div className="load-more">
                {hasMore ? (
                  <Button onClick={() => void loadMore()} loading={loading}>
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
