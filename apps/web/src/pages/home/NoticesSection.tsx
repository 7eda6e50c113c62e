import { Card, Empty, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { SectionTitle } from './SectionTitle.tsx';

/** Trading notices are published by the tendering module; until it ships the list is honestly empty. */
export function NoticesSection({ query }: { query: string }) {
  const { t } = useTranslation();
  const { categories, categoryName } = useCatalog();
  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <div>{query ? t('home.notices.noMatch', { query }) : t('home.notices.empty')}</div>
          <div className="muted">{t('home.notices.comingWithTendering')}</div>
        </>
      }
    />
  );
  return (
    <section id="notices" className="home-section" data-testid="notices">
      <SectionTitle title={t('home.notices.title')} />
      <Card className="notices-card">
        <Tabs
          items={[
            { key: 'all', label: t('home.notices.all'), children: empty },
            ...categories.slice(0, 4).map((c) => ({ key: c.code, label: categoryName(c.code), children: empty })),
          ]}
        />
      </Card>
    </section>
  );
}
