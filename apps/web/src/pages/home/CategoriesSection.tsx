import { Card, Skeleton, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { SectionTitle } from './SectionTitle.tsx';

/** The trading categories the platform serves, as the catalogue lists them. */
export function CategoriesSection() {
  const { t } = useTranslation();
  const { categories, categoryName, loading } = useCatalog();
  return (
    <section className="home-section" data-testid="categories">
      <SectionTitle title={t('home.categories.title')} />
      <Card className="categories-card">
        {loading ? (
          <Skeleton active />
        ) : (
          <ul className="category-list">
            {categories.map((c) => (
              <li key={c.code}>
                <span className="category-name">{categoryName(c.code)}</span>
                <Tooltip title={c.legalBasis}>
                  <Tag color={c.mustEnter ? 'blue' : 'default'}>
                    {c.mustEnter ? t('home.categories.mustEnter') : t('home.categories.mayEnter')}
                  </Tag>
                </Tooltip>
              </li>
            ))}
          </ul>
        )}
        <div className="muted small">{t('home.categories.note')}</div>
      </Card>
    </section>
  );
}
