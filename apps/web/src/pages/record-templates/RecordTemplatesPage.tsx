import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api/problem.ts';
import { recordTemplatesApi, type RecordTemplateView } from '../../api/recordTemplates.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatTime } from '../../format.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { TemplateDrawer } from './TemplateDrawer.tsx';

/**
 * 开标记录模板 (A-115, decision 0022): the trading centre's staff and the administrators keep their
 * regions' opening record templates; supervisors and auditors read them.
 */
export default function RecordTemplatesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const { regions, regionName, regionsWithin } = useCatalog();
  const [items, setItems] = useState<RecordTemplateView[]>();
  const [error, setError] = useState<unknown>();
  const [editing, setEditing] = useState<RecordTemplateView | 'new'>();
  const keeper = user?.kind === 'staff' || user?.kind === 'admin';

  const load = useCallback(() => {
    setError(undefined);
    recordTemplatesApi.list().then(setItems, setError);
  }, []);
  useEffect(load, [load]);

  // What this user may keep: an administrator every region and the whole platform; staff their region and those below (the top region's also the platform's).
  const own = useMemo(() => {
    if (!user) return [];
    if (user.kind === 'admin') return [{ value: null, label: t('recordTemplates.platform') }, ...regions.map((r) => ({ value: r.code as string | null, label: regionName(r.code) }))];
    const within = regionsWithin(user.regionCode ?? '').map((r) => ({ value: r.code as string | null, label: regionName(r.code) }));
    const top = regions.find((r) => r.code === user.regionCode)?.parentCode === null;
    return top ? [{ value: null, label: t('recordTemplates.platform') }, ...within] : within;
  }, [user, regions, regionName, regionsWithin, t]);
  const mayKeep = (tpl: RecordTemplateView) => keeper && own.some((r) => r.value === tpl.regionCode);

  const removeOne = async (tpl: RecordTemplateView) => {
    try {
      await recordTemplatesApi.remove(tpl.id);
      message.success(t('recordTemplates.removed'));
      load();
    } catch (err) {
      message.error(problemMessage(t, err));
    }
  };

  const regionLabel = (code: string | null) => (code === null ? t('recordTemplates.platform') : regionName(code));
  const regionFilters = [...new Set((items ?? []).map((i) => i.regionCode))].map((c) => ({ text: regionLabel(c), value: c ?? '' }));
  return (
    <div data-testid="record-templates">
      <PageHeading
        title={t('recordTemplates.title')}
        subtitle={t('recordTemplates.subtitle')}
        trail={[{ title: t('recordTemplates.title') }]}
        extra={
          keeper && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="record-template-add">
              {t('recordTemplates.add')}
            </Button>
          )
        }
      />
      <div className="container page-body">
        <Card>
          {error ? (
            <LoadError error={error} onRetry={load} />
          ) : (
            <Table<RecordTemplateView>
              rowKey="id"
              size="middle"
              loading={!items}
              dataSource={items}
              pagination={false}
              locale={{ emptyText: <Empty description={t('recordTemplates.empty')} /> }}
              onRow={(r) => ({ 'data-testid': 'record-template-row', 'data-name': r.name }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('recordTemplates.columns.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
                {
                  title: t('recordTemplates.columns.region'),
                  dataIndex: 'regionCode',
                  render: (c: string | null) => regionLabel(c),
                  filters: regionFilters,
                  onFilter: (v, r) => (r.regionCode ?? '') === v,
                  sorter: (a, b) => (a.regionCode ?? '').localeCompare(b.regionCode ?? ''),
                },
                { title: t('recordTemplates.columns.default'), dataIndex: 'isDefault', render: (d: boolean) => (d ? <Tag color="blue">{t('recordTemplates.default')}</Tag> : null), width: 90 },
                { title: t('recordTemplates.columns.version'), dataIndex: 'version', width: 80, render: (v: number) => `v${v}` },
                { title: t('recordTemplates.columns.records'), dataIndex: 'records', render: (n: number) => t('recordTemplates.recordsCount', { n }), sorter: (a, b) => a.records - b.records },
                { title: t('recordTemplates.columns.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => <span className="mono">{formatTime(v)}</span>, sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt), defaultSortOrder: 'descend' },
                {
                  title: t('recordTemplates.columns.actions'),
                  key: 'actions',
                  render: (_v, r) =>
                    mayKeep(r) && (
                      <Space>
                        <Button size="small" onClick={() => setEditing(r)} data-testid="record-template-edit">
                          {t('recordTemplates.edit')}
                        </Button>
                        <Popconfirm title={t('recordTemplates.removeConfirm', { name: r.name })} onConfirm={() => void removeOne(r)}>
                          <Button size="small" danger data-testid="record-template-remove">
                            {t('recordTemplates.remove')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                },
              ]}
            />
          )}
        </Card>
      </div>
      {editing && (
        <TemplateDrawer
          editing={editing}
          regions={own}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            load();
          }}
        />
      )}
    </div>
  );
}
