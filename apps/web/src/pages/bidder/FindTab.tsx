import { Button, Card, Input, Segmented, Select, Space, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { portalApi, type NoticeListItem } from '../../api/portal.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { formatTime } from '../../format.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { NoticeTypeTag, ProminentTag } from '../portal/NoticeTags.tsx';

type Kind = 'tenderNotice' | 'prequalificationNotice';
const ORDOS = '150600';

/**
 * Open sections, found through the public notice list (the same data anyone sees): current tender and
 * prequalification notices, searched in Chinese full text, each leading to its sections' documents.
 */
export function FindTab() {
  const { t } = useTranslation();
  const { regionName, regionsWithin, categoryName, categories } = useCatalog();
  const [kind, setKind] = useState<Kind>('tenderNotice');
  const [q, setQ] = useState<string>();
  const [regionCode, setRegion] = useState<string>();
  const [category, setCategory] = useState<string>();
  const [items, setItems] = useState<NoticeListItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [generation, setGeneration] = useState(0);

  const load = async (cursor: string | undefined, live: () => boolean) => {
    setLoading(true);
    try {
      const page = await portalApi.notices({ type: kind, q, regionCode, category, cursor, limit: 20 });
      if (!live()) return;
      // Closed notices (withdrawn, terminated) are history, not an opportunity.
      const open = page.items.filter((i) => i.status === 'published');
      setItems((prev) => (cursor ? [...prev, ...open] : open));
      setNext(page.nextCursor);
      setError(undefined);
    } catch (err) {
      if (live()) setError(err);
    } finally {
      if (live()) setLoading(false);
    }
  };

  useEffect(() => {
    let live = true;
    void load(undefined, () => live);
    return () => {
      live = false;
    };
  }, [kind, q, regionCode, category, generation]);

  const columns: TableColumnsType<NoticeListItem> = [
    {
      title: t('bidder.find.notice'),
      dataIndex: 'title',
      render: (title: string, n) => (
        <Space size={4} wrap>
          {n.prominent && <ProminentTag />}
          <NoticeTypeTag type={n.type} />
          <Link to={`/notices/${n.id}`}>{title}</Link>
        </Space>
      ),
    },
    { title: t('portal.filters.region'), dataIndex: 'regionCode', width: 110, render: (v: string) => regionName(v) },
    { title: t('portal.filters.category'), dataIndex: 'category', width: 150, render: (v: string) => categoryName(v) },
    { title: t('bidder.find.publishedAt'), dataIndex: 'publishedAt', width: 150, render: (v: string) => formatTime(v) },
    {
      title: t('bidder.find.sections'),
      key: 'sections',
      width: 200,
      render: (_, n) => (
        <Space size={4} wrap>
          {n.sectionIds.map((sid, i) => (
            <Link key={sid} to={`/bidder/sections/${sid}?notice=${n.id}`}>
              <Button size="small" type="primary" ghost data-testid="find-section">
                {n.sectionIds.length > 1 ? t('bidder.find.sectionN', { n: i + 1 }) : t('bidder.find.enter')}
              </Button>
            </Link>
          ))}
        </Space>
      ),
    },
  ];

  return (
    <Card className="bidder-card">
      <Space wrap className="queue-filters">
        <Segmented<Kind>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'tenderNotice', label: t('portal.types.tenderNotice') },
            { value: 'prequalificationNotice', label: t('portal.types.prequalificationNotice') },
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('portal.filters.search')}
          onSearch={(v) => setQ(v.trim() || undefined)}
          style={{ width: 340 }}
          data-testid="find-search"
        />
        <Select
          allowClear
          placeholder={t('portal.filters.region')}
          value={regionCode}
          onChange={setRegion}
          options={regionsWithin(ORDOS).map((r) => ({ value: r.code, label: regionName(r.code) }))}
          style={{ width: 150 }}
        />
        <Select
          allowClear
          placeholder={t('portal.filters.category')}
          value={category}
          onChange={setCategory}
          options={categories.map((c) => ({ value: c.code, label: categoryName(c.code) }))}
          style={{ width: 170 }}
        />
      </Space>
      {error ? (
        <LoadError error={error} onRetry={() => setGeneration((g) => g + 1)} />
      ) : (
        <>
          <Table<NoticeListItem>
            rowKey="id"
            size="middle"
            loading={loading}
            dataSource={items}
            columns={columns}
            pagination={false}
            scroll={{ x: 900 }}
            data-testid="find-table"
          />
          {next && (
            <div className="load-more">
              <Button loading={loading} onClick={() => void load(next, () => true)}>
                {t('bidder.find.more')}
              </Button>
            </div>
          )}
        </>
      )}
    </Card>
  );
}
