import type { MethodTemplateView } from '@bidhall/contracts';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { methodTemplatesApi } from '../../api/method-templates.ts';
import { problemMessage } from '../../api/problem.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatTime } from '../../format.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { MethodTemplateDrawer } from './MethodTemplateDrawer.tsx';

/**
 * 评标办法模板 (A-147): the platform's standard methods per project type and method, and the regions'
 * own, which the trading centre's staff copy from any of them, change and delete.
 */
export default function MethodTemplatesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const { regions, regionName, regionsWithin } = useCatalog();
  const [items, setItems] = useState<MethodTemplateView[]>();
  const [error, setError] = useState<unknown>();
  const [editing, setEditing] = useState<{ from: MethodTemplateView; copy: boolean }>();
  const keeper = user?.kind === 'staff' || user?.kind === 'admin';

  const load = useCallback(() => {
    setError(undefined);
    methodTemplatesApi.list().then(setItems, setError);
  }, []);
  useEffect(load, [load]);

  const own = useMemo(() => {
    if (!user) return [];
    const list = user.kind === 'admin' ? regions : regionsWithin(user.regionCode ?? '');
    return list.map((r) => ({ value: r.code, label: regionName(r.code) }));
  }, [user, regions, regionName, regionsWithin]);
  const mayKeep = (x: MethodTemplateView) => keeper && x.regionCode !== null && own.some((r) => r.value === x.regionCode);
  const regionLabel = (code: string | null) => (code === null ? t('desk.method.templates.standard') : regionName(code));

  const removeOne = async (x: MethodTemplateView) => {
    try {
      await methodTemplatesApi.remove(x.id);
      message.success(t('desk.method.templates.page.removed'));
      load();
    } catch (err) {
      message.error(problemMessage(t, err));
    }
  };

  return (
    <div data-testid="method-templates-page">
      <PageHeading title={t('desk.method.templates.page.title')} subtitle={t('desk.method.templates.page.subtitle')} trail={[{ title: t('desk.method.templates.page.title') }]} />
      <div className="container page-body">
        <Card>
          {error ? (
            <LoadError error={error} onRetry={load} />
          ) : (
            <Table<MethodTemplateView>
              rowKey="id"
              size="middle"
              loading={!items}
              dataSource={items}
              pagination={false}
              onRow={(r) => ({ 'data-testid': 'method-template-row', 'data-name': r.name }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('desk.method.templates.page.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
                {
                  title: t('desk.method.templates.page.region'),
                  dataIndex: 'regionCode',
                  render: (c: string | null) => (c === null ? <Tag color="gold">{regionLabel(c)}</Tag> : regionLabel(c)),
                  filters: [...new Set((items ?? []).map((i) => i.regionCode))].map((c) => ({ text: regionLabel(c), value: c ?? '' })),
                  onFilter: (v, r) => (r.regionCode ?? '') === v,
                },
                {
                  title: t('desk.method.templates.page.scope'),
                  dataIndex: 'scope',
                  render: (s: MethodTemplateView['scope']) => t(`desk.method.templates.scopes.${s}`),
                  filters: (['works', 'goods', 'services'] as const).map((s) => ({ text: t(`desk.method.templates.scopes.${s}`), value: s })),
                  onFilter: (v, r) => r.scope === v,
                },
                {
                  title: t('desk.method.type'),
                  dataIndex: 'methodType',
                  render: (m: MethodTemplateView['methodType']) => t(`desk.method.types.${m}`),
                  filters: (['scoring', 'lowestEvaluatedPrice'] as const).map((m) => ({ text: t(`desk.method.types.${m}`), value: m })),
                  onFilter: (v, r) => r.methodType === v,
                },
                { title: t('desk.method.templates.page.version'), dataIndex: 'version', width: 80, render: (v: number) => `v${v}` },
                { title: t('desk.method.templates.page.documents'), dataIndex: 'documents', width: 110, sorter: (a, b) => a.documents - b.documents },
                { title: t('desk.method.templates.page.updatedAt'), dataIndex: 'updatedAt', render: (v: string | null) => (v ? <span className="mono">{formatTime(v)}</span> : '—') },
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_v, r) => (
                    <Space>
                      {keeper && own.length > 0 && (
                        <Button size="small" onClick={() => setEditing({ from: r, copy: true })} data-testid="method-template-copy">
                          {t('desk.method.templates.page.copy')}
                        </Button>
                      )}
                      {mayKeep(r) && (
                        <>
                          <Button size="small" onClick={() => setEditing({ from: r, copy: false })} data-testid="method-template-edit">
                            {t('desk.method.templates.page.edit')}
                          </Button>
                          <Popconfirm title={t('desk.method.templates.page.removeConfirm', { name: r.name })} onConfirm={() => void removeOne(r)}>
                            <Button size="small" danger data-testid="method-template-remove">
                              {t('desk.method.templates.page.remove')}
                            </Button>
                          </Popconfirm>
                        </>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </Card>
      </div>
      {editing && (
        <MethodTemplateDrawer
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
