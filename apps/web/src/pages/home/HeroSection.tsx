import { Input, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../../hooks/useCatalog.tsx';

/** The banner with the platform's motto and a search box; category tags are quick searches. */
export function HeroSection({ onSearch }: { onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const { categories, categoryName } = useCatalog();
  return (
    <section className="hero">
      <div className="container hero-inner">
        <h1 className="hero-title">{t('home.hero.title')}</h1>
        <p className="hero-motto">{t('home.hero.motto')}</p>
        <Input.Search
          className="hero-search"
          size="large"
          placeholder={t('home.hero.placeholder')}
          enterButton={t('home.hero.search')}
          allowClear
          onSearch={onSearch}
          data-testid="hero-search"
        />
        <div className="hero-hot">
          <span>{t('home.hero.quick')}</span>
          {categories.slice(0, 5).map((c) => (
            <Tag key={c.code} className="hero-hot-tag" onClick={() => onSearch(categoryName(c.code))}>
              {categoryName(c.code)}
            </Tag>
          ))}
        </div>
      </div>
    </section>
  );
}
