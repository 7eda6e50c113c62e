import { EnvironmentOutlined } from '@ant-design/icons';
import { Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { SectionTitle } from './SectionTitle.tsx';

/** The city centre and the banner/district branches that share the platform. */
export function RegionsSection() {
  const { t } = useTranslation();
  const { regions, regionName, loading } = useCatalog();
  const city = regions.find((r) => r.level === 'city');
  const districts = regions.filter((r) => r.level === 'district');
  return (
    <section className="home-section" data-testid="regions">
      <SectionTitle title={t('home.regions.title')} />
      <Card>
        {loading ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : (
          <div className="region-grid">
            {city && (
              <div className="region-item region-city">
                <EnvironmentOutlined />
                <span>{regionName(city.code)}</span>
                <small>{t('home.regions.cityLevel')}</small>
              </div>
            )}
            {districts.map((r) => (
              <div key={r.code} className="region-item">
                <EnvironmentOutlined />
                <span>{regionName(r.code)}</span>
                <small>{t('home.regions.branch')}</small>
              </div>
            ))}
          </div>
        )}
      </Card>
    </section>
  );
}
