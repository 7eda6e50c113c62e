import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="container page-body" data-testid="not-found">
      <Result
        status="404"
        title="404"
        subTitle={t('errors.pages.notFound')}
        extra={
          <Link to="/">
            <Button type="primary">{t('errors.pages.toHome')}</Button>
          </Link>
        }
      />
    </div>
  );
}
