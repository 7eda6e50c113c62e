import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <div className="container page-body" data-testid="forbidden">
      <Result
        status="403"
        title="403"
        subTitle={t('errors.pages.forbidden')}
        extra={
          <Link to="/workspace">
            <Button type="primary">{t('errors.pages.toWorkspace')}</Button>
          </Link>
        }
      />
    </div>
  );
}
