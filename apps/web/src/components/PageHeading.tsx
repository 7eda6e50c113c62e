import { Breadcrumb, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

interface Props {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  /** Breadcrumb trail after Home. */
  trail?: { title: ReactNode; to?: string }[];
}

/** The heading band at the top of every inner page. */
export function PageHeading({ title, subtitle, extra, trail = [] }: Props) {
  const { t } = useTranslation();
  return (
    <div className="page-heading">
      <div className="page-heading-inner">
        <Breadcrumb
          items={[
            { title: <Link to="/">{t('nav.home')}</Link> },
            ...trail.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title })),
          ]}
        />
        <div className="page-heading-row">
          <div>
            <Typography.Title level={3} className="page-heading-title">
              {title}
            </Typography.Title>
            {subtitle && <div className="page-heading-subtitle">{subtitle}</div>}
          </div>
          {extra && <div className="page-heading-extra">{extra}</div>}
        </div>
      </div>
    </div>
  );
}
