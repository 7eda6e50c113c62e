import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { portalApi } from '../../api/portal.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { NoticeRow } from '../portal/NoticeRow.tsx';
import '../portal/portal.css';
import { SectionTitle } from './SectionTitle.tsx';

const LATEST = 8;

function Latest({ query, category }: { query: string; category: string | undefined }) {
  const { t } = useTranslation();
  const list = useLoader(() => portalApi.notices({ q: query || undefined, category, limit: LATEST }), [query, category]);
  if (list.error) return <LoadError error={list.error} onRetry={() => void list.reload()} />;
  const items = list.data?.items ?? [];
  return (
    <Spin spinning={list.loading}>
      {items.length === 0 && !list.loading ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={query ? t('home.notices.noMatch', { query }) : t('home.notices.empty')}
        />
      ) : (
        <ul className="notice-list notice-list-compact" data-testid="home-notice-list">
          {items.map((item) => (
            <NoticeRow key={item.id} item={item} compact />
          ))}
        </ul>
      )}
    </Spin>
  );
}

/** The newest notices on the portal's home, by category; the hero's search narrows them (full text). */
export function NoticesSection({ query }: { query: string }) {
  const { t } = useTranslation();
  const { categories, categoryName } = useCatalog();
  const [tab, setTab] = useState('all');
  const more = query ? `/notices?q=${encodeURIComponent(query)}` : tab === 'all' ? '/notices' : `/notices?category=${tab}`;
  return (
    <section id="notices" className="home-section" data-testid="notices">
      <SectionTitle
        title={t('home.notices.title')}
        extra={
          <Link to={more} data-testid="home-notices-more">
            {t('portal.home.more')} <RightOutlined />
          </Link>
        }
      />
      <Card className="notices-card">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            { key: 'all', label: t('home.notices.all'), children: <Latest query={query} category={undefined} /> },
            ...categories
              .slice(0, 4)
              .map((c) => ({ key: c.code, label: categoryName(c.code), children: <Latest query={query} category={c.code} /> })),
          ]}
        />
      </Card>
    </section>
  );
}
